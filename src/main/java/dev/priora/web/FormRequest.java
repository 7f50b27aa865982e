package dev.priora.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A form request whose body was read already (it came without a length and was counted
 * against its limit): its parameters are those of the query string and of the body, and
 * its body stream is empty.
 */
final class FormRequest extends HttpServletRequestWrapper {

	private final Map<String, String[]> parameters;

	FormRequest(HttpServletRequest request, byte[] body) {
		super(request);
		Charset charset = request.getCharacterEncoding() == null ? StandardCharsets.UTF_8
				: Charset.forName(request.getCharacterEncoding());
		Map<String, List<String>> all = new LinkedHashMap<>();
		parse(request.getQueryString(), StandardCharsets.UTF_8, all);
		parse(new String(body, charset), charset, all);
		Map<String, String[]> p = new LinkedHashMap<>();
		all.forEach((k, v) -> p.put(k, v.toArray(String[]::new)));
		this.parameters = Collections.unmodifiableMap(p);
	}

	private static void parse(String text, Charset charset, Map<String, List<String>> into) {
		if (text == null || text.isEmpty()) {
			return;
		}
		for (String pair : text.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), charset);
			String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), charset);
			into.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
		}
	}

	@Override
	public String getParameter(String name) {
		String[] values = parameters.get(name);
		return values == null || values.length == 0 ? null : values[0];
	}

	@Override
	public Map<String, String[]> getParameterMap() {
		return parameters;
	}

	@Override
	public Enumeration<String> getParameterNames() {
		return Collections.enumeration(parameters.keySet());
	}

	@Override
	public String[] getParameterValues(String name) {
		return parameters.get(name);
	}

	@Override
	public ServletInputStream getInputStream() throws IOException {
		ByteArrayInputStream empty = new ByteArrayInputStream(new byte[0]);
		return new ServletInputStream() {

			@Override
			public int read() {
				return empty.read();
			}

			@Override
			public boolean isFinished() {
				return true;
			}

			@Override
			public boolean isReady() {
				return true;
			}

			@Override
			public void setReadListener(ReadListener listener) {
				throw new IllegalStateException("the body was read already");
			}

		};
	}

}
