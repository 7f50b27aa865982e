package dev.priora.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A web-UI session over plain HTTP: cookies kept, redirects not followed, CSRF token sent
 * with every POST.
 */
public final class BrowserlessSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:content|value)=\"([^\"]+)\"");

	private final int port;

	private final HttpClient http;

	private String csrf;

	private final Map<String, String> headers;

	private BrowserlessSession(int port) {
		this(port,
				HttpClient.newBuilder()
					.cookieHandler(new CookieManager())
					.followRedirects(HttpClient.Redirect.NEVER)
					.build(),
				null, Map.of());
	}

	private BrowserlessSession(int port, HttpClient http, String csrf, Map<String, String> headers) {
		this.port = port;
		this.http = http;
		this.csrf = csrf;
		this.headers = headers;
	}

	/**
	 * The same browser (cookies, CSRF token) talking to another server, e.g. a second
	 * node.
	 */
	public BrowserlessSession on(int otherPort) {
		return new BrowserlessSession(otherPort, http, csrf, headers);
	}

	/**
	 * The same browser sending one more header with every request, e.g.
	 * {@code X-Forwarded-For}.
	 */
	public BrowserlessSession withHeader(String name, String value) {
		Map<String, String> more = new java.util.LinkedHashMap<>(headers);
		more.put(name, value);
		return new BrowserlessSession(port, http, csrf, Map.copyOf(more));
	}

	/** An anonymous session that holds a CSRF token (from the sign-in page). */
	public static BrowserlessSession anonymous(int port) {
		BrowserlessSession s = new BrowserlessSession(port);
		s.refreshCsrf("/login");
		return s;
	}

	/** Signs in through the sign-in form, as a browser would. */
	public static BrowserlessSession signIn(int port, String email, String password) {
		BrowserlessSession s = anonymous(port);
		HttpResponse<String> r = s.post("/login", Map.of("username", email, "password", password));
		String location = r.headers().firstValue("Location").orElse("");
		if (r.statusCode() != 302 || location.contains("error")) {
			throw new IllegalStateException("sign-in failed for " + email + ": " + r.statusCode() + " " + location);
		}
		s.refreshCsrf("/account");
		return s;
	}

	/**
	 * Takes the CSRF token from a page again, e.g. after the first sign-in step replaced
	 * it.
	 */
	public BrowserlessSession refreshCsrfFrom(String path) {
		refreshCsrf(path);
		return this;
	}

	private void refreshCsrf(String path) {
		Matcher m = CSRF.matcher(get(path).body());
		if (m.find()) {
			csrf = m.group(1);
		}
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	public HttpResponse<String> post(String path, Map<String, String> form) {
		return post(path, java.util.List.copyOf(form.entrySet()));
	}

	/**
	 * Posts the fields in this order; a name may repeat, as ticked checkboxes of one name
	 * do.
	 */
	public HttpResponse<String> post(String path, java.util.List<Map.Entry<String, String>> fields) {
		String body = fields.stream()
			.map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
		if (csrf != null) {
			body = body + (body.isEmpty() ? "" : "&") + "_csrf=" + enc(csrf);
		}
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/**
	 * Opens an event stream as a browser's {@code EventSource} does (with
	 * {@code lastEventId} when not null: a reconnect).
	 */
	public EventStream stream(String path, String lastEventId) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "text/event-stream").GET();
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		headers.forEach(request::header);
		return EventStream.open(http, request.build());
	}

	/**
	 * Posts JSON with the CSRF token in the {@code X-CSRF-TOKEN} header, as a page's
	 * script does (e.g. Spring Security's WebAuthn endpoints).
	 */
	public HttpResponse<String> postJson(String path, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json));
		if (csrf != null) {
			request.header("X-CSRF-TOKEN", csrf);
		}
		return send(request);
	}

	public HttpResponse<String> send(String method, String path) {
		return "GET".equals(method) ? get(path) : post(path, Map.of());
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		headers.forEach(request::header);
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

}
