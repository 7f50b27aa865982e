package dev.priora.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small JSON client for the real server on a loopback port. */
public final class ApiClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final int port;

	private final String authorization;

	private final Map<String, String> headers;

	private ApiClient(int port, String authorization) {
		this(port, authorization, Map.of());
	}

	private ApiClient(int port, String authorization, Map<String, String> headers) {
		this.port = port;
		this.authorization = authorization;
		this.headers = headers;
	}

	/**
	 * The same caller sending one more header with every request, e.g.
	 * {@code X-Forwarded-For}.
	 */
	public ApiClient withHeader(String name, String value) {
		Map<String, String> more = new LinkedHashMap<>(headers);
		more.put(name, value);
		return new ApiClient(port, authorization, Map.copyOf(more));
	}

	public static ApiClient anonymous(int port) {
		return new ApiClient(port, null);
	}

	/**
	 * Signs in with HTTP Basic at {@code POST /api/v1/tokens} and uses the token it
	 * answers with.
	 */
	public static ApiClient signIn(int port, String email, String password) {
		String basic = "Basic "
				+ Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
		Response r = new ApiClient(port, basic).post("/api/v1/tokens", "{\"name\":\"test\"}");
		if (r.status() != 201) {
			throw new IllegalStateException("sign-in failed: " + r.status() + " " + r.text());
		}
		return withToken(port, r.json().get("token").asText());
	}

	/** The raw token from signing in, for tools such as wrk. */
	public static String signInToken(int port, String email, String password) {
		String basic = "Basic "
				+ Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
		return new ApiClient(port, basic).post("/api/v1/tokens", "{\"name\":\"bench\"}").json().get("token").asText();
	}

	public static ApiClient withToken(int port, String token) {
		return new ApiClient(port, "Bearer " + token);
	}

	public static ApiClient withAuthorization(int port, String header) {
		return new ApiClient(port, header);
	}

	public Response get(String path) {
		return send("GET", path, null, null);
	}

	public Response post(String path, String json) {
		return send("POST", path, json, null);
	}

	public Response put(String path, String json, String ifMatch) {
		return send("PUT", path, json, ifMatch);
	}

	public Response patch(String path, String json, String ifMatch) {
		return send("PATCH", path, json, ifMatch);
	}

	public Response delete(String path, String ifMatch) {
		return send("DELETE", path, null, ifMatch);
	}

	public Response send(String method, String path, String json, String ifMatch) {
		return sendBytes(method, path, json == null ? null : json.getBytes(StandardCharsets.UTF_8), ifMatch);
	}

	/** Posts a file with its content type, e.g. {@code text/csv}. */
	public Response postFile(String path, byte[] body, String contentType) {
		return sendBytes("POST", path, body, null, contentType);
	}

	public Response sendBytes(String method, String path, byte[] body, String ifMatch) {
		return sendBytes(method, path, body, ifMatch, "application/json");
	}

	private Response sendBytes(String method, String path, byte[] body, String ifMatch, String contentType) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
		if (body != null) {
			b.header("Content-Type", contentType);
		}
		if (authorization != null) {
			b.header("Authorization", authorization);
		}
		if (ifMatch != null) {
			b.header("If-Match", ifMatch);
		}
		headers.forEach(b::header);
		try {
			HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(r.statusCode(), r.headers().firstValue("ETag").orElse(null),
					r.headers().firstValue("Content-Type").orElse(""), r.body());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	public static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

	/** One answer: status, ETag, content type and body. */
	public record Response(int status, String etag, String contentType, String text) {

		public JsonNode json() {
			return JSON.readTree(text);
		}

		public boolean isProblem() {
			return contentType.startsWith("application/problem+json");
		}
	}

}
