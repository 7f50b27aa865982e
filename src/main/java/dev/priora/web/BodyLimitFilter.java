package dev.priora.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Enforces each route's body limit ({@link BodyLimits}) before anything reads the body,
 * even before sign-in is checked: a declared length over the limit is answered 413 at
 * once, nothing of the body read; a body of unknown length (chunked) is counted as it is
 * read and refused the moment it crosses the limit. Multipart and form bodies of unknown
 * length are read here first (files to disk) and refused the same way. The answer is
 * problem+json naming the limit and its setting.
 */
@Component
@ConditionalOnWebApplication
class BodyLimitFilter extends OncePerRequestFilter implements Ordered {

	/** Before the session and security filters, which may read form parameters. */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

	private final BodyLimits limits;

	private final JsonMapper json;

	BodyLimitFilter(BodyLimits limits, JsonMapper json) {
		this.limits = limits;
		this.json = json;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		BodyLimits.Limit limit = limits.of(request);
		long length = request.getContentLengthLong();
		if (length > limit.bytes()) {
			refuse(response, limit);
			return;
		}
		Counted counted = new Counted(request, limit);
		HttpServletRequest next = counted;
		if (length < 0 && request.getHeader("Transfer-Encoding") != null) {
			try {
				next = UnknownLength.read(counted, limit);
			}
			catch (BodyTooLarge e) {
				refuse(response, limit);
				return;
			}
		}
		try {
			chain.doFilter(next, response);
		}
		catch (IOException | ServletException | RuntimeException e) {
			if (!counted.exceeded || response.isCommitted()) {
				throw e;
			}
		}
		if (counted.exceeded && !response.isCommitted()) {
			response.reset();
			refuse(response, limit);
		}
	}

	/** The 413 problem naming the limit and its setting. */
	static ProblemDetail problem(BodyLimits.Limit limit) {
		ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
				"The request body is larger than " + readable(limit.bytes()) + ", the limit of " + limit.method() + " "
						+ limit.pattern() + " (" + limit.setting() + "); nothing was done.");
		p.setType(URI.create("https://priora.dev/problems/body-too-large"));
		p.setTitle("Request body too large");
		p.setProperty("limit", limit.bytes());
		p.setProperty("setting", limit.setting());
		return p;
	}

	/** The body limit crossed while this failure happened, if one was. */
	static java.util.Optional<BodyLimits.Limit> crossed(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof BodyTooLarge tooLarge) {
				return java.util.Optional.of(tooLarge.limit);
			}
		}
		return java.util.Optional.empty();
	}

	private void refuse(HttpServletResponse response, BodyLimits.Limit limit) throws IOException {
		ProblemDetail p = problem(limit);
		response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader("Connection", "close");
		byte[] body = json.writeValueAsBytes(p);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
		response.flushBuffer();
	}

	static String readable(long bytes) {
		DataSize size = DataSize.ofBytes(bytes);
		if (bytes % (1024 * 1024) == 0) {
			return size.toMegabytes() + " MB";
		}
		if (bytes % 1024 == 0) {
			return size.toKilobytes() + " KB";
		}
		return bytes + " bytes";
	}

	/** Thrown while reading when a body crosses its limit. */
	static final class BodyTooLarge extends IOException {

		private static final long serialVersionUID = 1L;

		private final transient BodyLimits.Limit limit;

		BodyTooLarge(BodyLimits.Limit limit) {
			super("the request body is larger than its limit of " + limit.bytes() + " bytes");
			this.limit = limit;
		}

	}

	/** The request whose body stream counts what is read and stops at the limit. */
	static final class Counted extends HttpServletRequestWrapper {

		private final BodyLimits.Limit limit;

		private ServletInputStream stream;

		volatile boolean exceeded;

		Counted(HttpServletRequest request, BodyLimits.Limit limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				stream = new CountingStream(super.getInputStream());
			}
			return stream;
		}

		@Override
		public java.io.BufferedReader getReader() throws IOException {
			String charset = getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding();
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), charset));
		}

		private final class CountingStream extends ServletInputStream {

			private final ServletInputStream in;

			private long count;

			CountingStream(ServletInputStream in) {
				this.in = in;
			}

			@Override
			public int read() throws IOException {
				int b = in.read();
				if (b >= 0) {
					add(1);
				}
				return b;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				int n = in.read(buffer, offset, length);
				if (n > 0) {
					add(n);
				}
				return n;
			}

			private void add(long n) throws BodyTooLarge {
				count += n;
				if (count > limit.bytes()) {
					exceeded = true;
					throw new BodyTooLarge(limit);
				}
			}

			@Override
			public boolean isFinished() {
				return in.isFinished();
			}

			@Override
			public boolean isReady() {
				return in.isReady();
			}

			@Override
			public void setReadListener(ReadListener listener) {
				in.setReadListener(listener);
			}

		}

	}

	/**
	 * Bodies of unknown length that the container would parse itself (forms, multipart):
	 * read here, through the counted stream, before anything else asks for a parameter.
	 */
	static final class UnknownLength {

		private UnknownLength() {
		}

		static HttpServletRequest read(Counted request, BodyLimits.Limit limit) throws IOException, ServletException {
			String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
			if (type.startsWith("multipart/")) {
				try {
					long total = 0;
					for (var part : request.getParts()) {
						total += part.getSize();
					}
					if (total > limit.bytes()) {
						throw new BodyTooLarge(limit);
					}
				}
				catch (IllegalStateException e) {
					// the container's multipart limit (the largest of all routes) was
					// crossed
					throw new BodyTooLarge(limit);
				}
				return request;
			}
			if (type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
				try (InputStream in = request.getInputStream()) {
					return new FormRequest(request, in.readAllBytes());
				}
			}
			return request;
		}

	}

}
