package dev.priora.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code health [--url URL]}: asks a running Priora for its health, as a container's
 * health check does (an image FROM scratch has no curl): by default
 * {@code http://127.0.0.1:$PORT/actuator/health} ({@code PORT} 8080 when unset). Exit 0
 * when it answers 200 with status UP, 1 otherwise (down, no answer within 5 s).
 */
final class HealthCommand {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private HealthCommand() {
	}

	static Map<String, Object> run(List<String> args) {
		Arguments a = Arguments.parse(args, Set.of("--url"), Set.of(), false);
		String port = System.getenv().getOrDefault("PORT", "8080");
		String url = a.optional("--url") != null ? a.optional("--url")
				: "http://127.0.0.1:" + port + "/actuator/health";
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException e) {
			throw CliProblem.invalid("--url", "'" + url + "' is not an address: " + e.getMessage());
		}
		HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
		try {
			HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			String status = status(r.body());
			if (r.statusCode() != 200 || !"UP".equals(status)) {
				throw CliProblem.failed(url + " answered " + r.statusCode() + " " + status, null);
			}
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("url", url);
			result.put("status", status);
			return result;
		}
		catch (IOException e) {
			throw CliProblem.failed(url + " did not answer: " + e, null);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw CliProblem.failed(url + ": interrupted", null);
		}
	}

	private static String status(String body) {
		try {
			JsonNode status = JsonMapper.builder().build().readTree(body).get("status");
			return status == null ? "no status" : status.asText();
		}
		catch (JacksonException e) {
			return "not JSON";
		}
	}

}
