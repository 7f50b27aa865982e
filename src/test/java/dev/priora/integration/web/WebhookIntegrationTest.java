package dev.priora.integration.web;

import static dev.priora.support.Eventually.eventually;
import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.aStory;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import dev.priora.support.ApiClient.Response;
import dev.priora.support.ApiClient;
import dev.priora.support.IntegrationTestBase;
import dev.priora.support.TestProduct;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks against a real receiver on a loopback port: refused until the administrator
 * allows private targets, signed with HMAC-SHA256, retried after a failure, logged.
 */
class WebhookIntegrationTest extends IntegrationTestBase {

	/** What the receiver got: headers and body. */
	record Received(String event, String delivery, String signature, String body) {
	}

	@Test
	void deliversSignedEventsRetriesFailuresAndRefusesPrivateTargetsUnlessAllowed() throws Exception {
		List<Received> received = new CopyOnWriteArrayList<>();
		AtomicInteger failFirst = new AtomicInteger(1);
		HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/hook", exchange -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			received.add(new Received(exchange.getRequestHeaders().getFirst("X-Priora-Event"),
					exchange.getRequestHeaders().getFirst("X-Priora-Delivery"),
					exchange.getRequestHeaders().getFirst("X-Priora-Signature-256"),
					new String(body, StandardCharsets.UTF_8)));
			exchange.sendResponseHeaders(failFirst.getAndDecrement() > 0 ? 503 : 204, -1);
			exchange.close();
		});
		receiver.start();
		ApiClient api = api();
		String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
		try {
			TestProduct product = aProduct("WHK").named("Webhooks").createdBy(api);
			String base = "/api/v1/products/WHK/webhooks";
			Response refused = api.post(base, "{\"url\":\"" + url + "\"}");
			assertThat(refused.status()).isEqualTo(400);
			assertThat(refused.text()).contains("private or loopback");
			assertThat(api.post(base, "{\"url\":\"ftp://example.com/x\"}").status()).isEqualTo(400);
			assertThat(api.post(base, "{\"url\":\"http://169.254.169.254/latest\"}").text()).contains("private");

			assertThat(api.put("/api/v1/admin/webhooks", "{\"allowPrivateTargets\":true}", null).status())
				.isEqualTo(200);
			Response created = api.post(base,
					"{\"url\":\"" + url + "\",\"events\":[\"item.created\",\"sprint.closed\"]}");
			assertThat(created.status()).as(created.text()).isEqualTo(201);
			long hook = created.json().get("id").asLong();
			String secret = created.json().get("secret").asText();
			assertThat(secret).hasSize(48);
			assertThat(api.get(base).json().get(0).get("secret").isNull()).as("the secret is shown once").isTrue();
			assertThat(api.post(base, "{\"url\":\"" + url + "\",\"events\":[\"item.deleted\"]}").status())
				.isEqualTo(400);

			aStory("Hooked story").estimate(3).in(product);
			api.put("/api/v1/products/WHK/items/WHK-1", "{\"type\":\"STORY\",\"title\":\"Renamed\"}", "\"0\"");
			JsonNode delivery = eventually().alias("delivered after a retry")
				.until(() -> api.get(base + "/" + hook + "/deliveries").json(),
						log -> log.size() > 0 && "DELIVERED".equals(log.get(0).get("state").asText()))
				.get(0);
			assertThat(delivery.get("attempts").asInt()).isEqualTo(2);
			assertThat(delivery.get("lastStatus").asInt()).isEqualTo(204);
			assertThat(received).hasSize(2);
			assertThat(received.get(0).delivery()).isEqualTo(received.get(1).delivery());
			Received r = received.get(1);
			assertThat(r.event()).isEqualTo("item.created");
			assertThat(r.body()).contains("\"event\":\"item.created\"")
				.contains("\"key\":\"WHK-1\"")
				.contains("\"product\":\"WHK\"");
			assertThat(r.signature()).isEqualTo("sha256=" + hmac(secret, r.body()));
			assertThat(api.get(base + "/" + hook + "/deliveries").json()).as("item.updated is not subscribed")
				.hasSize(1);

			assertThat(api.post(base + "/" + hook + "/ping", null).status()).isEqualTo(202);
			eventually().until(received::size, n -> n >= 3);
			assertThat(received.get(2).event()).isEqualTo("ping");
			assertThat(api.post(base + "/" + hook + "/deliveries/" + delivery.get("id").asLong() + "/redeliver", null)
				.status()).isEqualTo(202);
			eventually().until(received::size, n -> n >= 4);
			assertThat(received.get(3).body()).isEqualTo(r.body());

			assertThat(api.put(base + "/" + hook, "{\"active\":false}", null).json().get("active").asBoolean())
				.isFalse();
			aStory("Quiet").in(product);
			assertThat(api.get(base + "/" + hook + "/deliveries").json()).as("a paused webhook gets nothing")
				.hasSize(2);
			assertThat(api.delete(base + "/" + hook, null).status()).isEqualTo(204);
			assertThat(api.get(base).json()).isEmpty();
		}
		finally {
			api.put("/api/v1/admin/webhooks", "{\"allowPrivateTargets\":false}", null);
			receiver.stop(0);
		}
	}

	@Test
	void refusesAtDeliveryATargetThatIsNoLongerAllowed() throws Exception {
		AtomicInteger hits = new AtomicInteger();
		HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/hook", exchange -> {
			hits.incrementAndGet();
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		receiver.start();
		ApiClient api = api();
		String base = "/api/v1/products/WHR/webhooks";
		try {
			TestProduct product = aProduct("WHR").named("Rebinding").createdBy(api);
			for (String url : List.of("http://[::127.0.0.1]/", "http://[64:ff9b::7f00:1]/", "http://[2002:7f00:1::]/",
					"http://255.255.255.255/", "http://240.0.0.1/", "http://198.18.0.1/", "http://192.0.0.1/")) {
				Response refused = api.post(base, "{\"url\":\"" + url + "\"}");
				assertThat(refused.status()).as(url).isEqualTo(400);
				assertThat(refused.text()).as(url).contains("not globally reachable");
			}
			api.put("/api/v1/admin/webhooks", "{\"allowPrivateTargets\":true}", null);
			long hook = api.post(base, "{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook\"}")
				.json()
				.get("id")
				.asLong();
			api.put("/api/v1/admin/webhooks", "{\"allowPrivateTargets\":false}", null);
			assertThat(api.post(base + "/" + hook + "/ping", null).status()).isEqualTo(202);
			JsonNode delivery = eventually().alias("an attempt was made")
				.until(() -> api.get(base + "/" + hook + "/deliveries").json(),
						log -> log.size() > 0 && log.get(0).get("attempts").asInt() > 0)
				.get(0);
			assertThat(delivery.get("lastError").asString()).contains("refused").contains("127.0.0.1");
			assertThat(hits).as("the receiver got nothing").hasValue(0);
		}
		finally {
			api.put("/api/v1/admin/webhooks", "{\"allowPrivateTargets\":false}", null);
			receiver.stop(0);
		}
	}

	private static String hmac(String secret, String body) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
	}

}
