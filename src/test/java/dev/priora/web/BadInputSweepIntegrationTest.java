package dev.priora.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.priora.support.ApiClient;
import dev.priora.support.DatabaseSnapshot;
import dev.priora.support.IntegrationTestBase;
import dev.priora.support.Routes;

/**
 * Sends malformed JSON, wrong types, 1 MB strings, invalid UTF-8 and control characters
 * to every JSON write endpoint (from the application's own mappings), as the workspace
 * admin: every answer is a 4xx problem+json, none is a 5xx, and nothing in the database
 * changes.
 */
class BadInputSweepIntegrationTest extends IntegrationTestBase {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	DataSource dataSource;

	private static Map<String, byte[]> payloads() {
		String big = "x".repeat(1_000_000);
		Map<String, byte[]> payloads = new LinkedHashMap<>();
		payloads.put("malformed JSON", "{\"title\": \"unterminated".getBytes(StandardCharsets.UTF_8));
		payloads.put("array instead of object", "[1, 2, 3]".getBytes(StandardCharsets.UTF_8));
		payloads.put("number instead of object", "42".getBytes(StandardCharsets.UTF_8));
		payloads.put("wrong field types", ("{\"type\":7,\"title\":[1],\"name\":{},\"email\":false,\"key\":1.5,"
				+ "\"position\":[],\"estimate\":\"many\",\"role\":3}")
			.getBytes(StandardCharsets.UTF_8));
		for (String field : List.of("title", "name", "key", "email", "displayName", "description", "target",
				"statement", "newPassword", "vision")) {
			payloads.put("1 MB " + field, ("{\"" + field + "\":\"" + big + "\"}").getBytes(StandardCharsets.UTF_8));
		}
		payloads.put("invalid UTF-8", new byte[] { '{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC3,
				(byte) 0x28, (byte) 0xFF, '"', '}' });
		payloads.put("control characters",
				"{\"title\":\"a\\u0000b\\u0007c\",\"name\":\"\\u001b[31m\"}".getBytes(StandardCharsets.UTF_8));
		return payloads;
	}

	@Test
	void everyJsonWriteEndpointRefusesBadInputWithoutWriting() {
		ApiClient admin = api();
		// handlers that read no body (pin, activate, undo …) have nothing to refuse
		List<String> writes = Routes.withBody(mappings)
			.stream()
			.filter(r -> Routes.pattern(r).startsWith("/api/"))
			.filter(r -> List.of("POST", "PUT", "PATCH").contains(Routes.method(r)))
			.toList();
		assertThat(writes).hasSizeGreaterThan(15);
		DatabaseSnapshot before = DatabaseSnapshot.ofSettled(dataSource);
		List<String> failures = new ArrayList<>();
		List<String> sizeRefusals = new ArrayList<>();
		for (String route : writes) {
			String path = Routes.concrete(Routes.pattern(route), "SHOP", "SHOP-4", "SHOP-3", 999999);
			for (var payload : payloads().entrySet()) {
				var answer = admin.sendBytes(Routes.method(route), path, payload.getValue(), "\"0\"");
				boolean ok = answer.status() >= 400 && answer.status() < 500 && answer.isProblem();
				if (payload.getKey().startsWith("1 MB") && answer.text().matches("(?s).*(size must be|at most).*")) {
					sizeRefusals.add(route);
				}
				if (!ok) {
					failures.add(route + " with " + payload.getKey() + ": " + answer.status() + " "
							+ answer.contentType() + " " + abbreviate(answer.text()));
				}
			}
		}
		assertThat(failures).isEmpty();
		assertThat(sizeRefusals).as("1 MB strings reached the size checks").hasSizeGreaterThan(5);
		assertThat(DatabaseSnapshot.of(dataSource).differencesFrom(before)).as("rows written by refused requests")
			.isEmpty();
	}

	private static String abbreviate(String s) {
		return s == null ? "" : s.length() > 200 ? s.substring(0, 200) : s;
	}

}
