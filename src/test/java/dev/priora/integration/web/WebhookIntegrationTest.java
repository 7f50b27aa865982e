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

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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

	/** Everything the receiver got, in order. */
	private final List<Received> received = new CopyOnWriteArrayList<>();

	/** How many of the next requests the receiver answers 503. */
	private final AtomicInteger failFirst = new AtomicInteger();

	private HttpServer receiver;

	private String url;

	@BeforeEach
	void startReceiver() throws Exception {
		receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
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
		url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
	}

	@AfterEach
	void stopReceiver() {
		api().put("/api/v1/admin/webhooks", "{\"allowPrivateTargets\":false}", null);
		receiver.stop(0);
	}

	/**
	 * A webhook of product {@code key} for item.created and sprint.closed: its id and
	 * secret.
	 */
	private record Hook(TestProduct product, long id, String secret) {

		String path(String rest) {
			return product.path("/webhooks/" + id + rest);
		}

	}

	private Hook hook(String key) {
		ApiClient api = api();
		TestProduct product = aProduct(key).named("Webhooks").createdBy(api);
		assertThat(api.put("/api/v1/admin/webhooks", "{\"allowPrivateTargets\":true}", null).status()).isEqualTo(200);
		Response created = api.post(product.path("/webhooks"),
				"{\"url\":\"" + url + "\",\"events\":[\"item.created\",\"sprint.closed\"]}");
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return new Hook(product, created.json().get("id").asLong(), created.json().get("secret").asText());
	}

	/** The hook's first delivery once it is DELIVERED. */
	private static JsonNode delivered(Hook hook) {
		return eventually().alias("delivered")
			.until(() -> hook.product().api().get(hook.path("/deliveries")).json(),
					log -> log.size() > 0 && "DELIVERED".equals(log.get(0).get("state").asText()))
			.get(0);
	}

	@Test
	void refusesPrivateLoopbackAndNonHttpTargetsUnlessTheAdministratorAllowsThem() {
		ApiClient api = api();
		TestProduct product = aProduct("WHK").named("Webhooks").createdBy(api);
		String base = product.path("/webhooks");
		Response refused = api.post(base, "{\"url\":\"" + url + "\"}");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.text()).contains("private or loopback");
		assertThat(api.post(base, "{\"url\":\"ftp://example.com/x\"}").status()).isEqualTo(400);
		assertThat(api.post(base, "{\"url\":\"http://169.254.169.254/latest\"}").text()).contains("private");
		assertThat(api.get(base).json()).as("no webhook was made").isEmpty();

		assertThat(api.put("/api/v1/admin/webhooks", "{\"allowPrivateTargets\":true}", null).status()).isEqualTo(200);
		assertThat(api.post(base, "{\"url\":\"" + url + "\",\"events\":[\"item.deleted\"]}").status())
			.as("an event that does not exist")
			.isEqualTo(400);
		assertThat(api.get(base).json()).isEmpty();
		Response created = api.post(base, "{\"url\":\"" + url + "\",\"events\":[\"item.created\"]}");
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		assertThat(created.json().get("secret").asText()).hasSize(48);
		assertThat(api.get(base).json().get(0).get("secret").isNull()).as("the secret is shown once").isTrue();
	}

	@Test
	void deliversSignedEventsItIsSubscribedToAndRetriesAFailedDelivery() throws Exception {
		Hook hook = hook("WHD");
		ApiClient api = hook.product().api();
		failFirst.set(1);
		aStory("Hooked story").estimate(3).in(hook.product());
		api.put(hook.product().path("/items/WHD-1"), "{\"type\":\"STORY\",\"title\":\"Renamed\"}", "\"0\"");
		JsonNode delivery = delivered(hook);
		assertThat(delivery.get("attempts").asInt()).as("delivered after a retry").isEqualTo(2);
		assertThat(delivery.get("lastStatus").asInt()).isEqualTo(204);
		assertThat(received).hasSize(2);
		assertThat(received.get(0).delivery()).isEqualTo(received.get(1).delivery());
		Received r = received.get(1);
		assertThat(r.event()).isEqualTo("item.created");
		assertThat(r.body()).contains("\"event\":\"item.created\"")
			.contains("\"key\":\"WHD-1\"")
			.contains("\"product\":\"WHD\"");
		assertThat(r.signature()).isEqualTo("sha256=" + hmac(hook.secret(), r.body()));
		assertThat(api.get(hook.path("/deliveries")).json()).as("item.updated is not subscribed").hasSize(1);
	}

	@Test
	void pingsRedeliversAndSendsNothingOncePausedOrDeleted() {
		Hook hook = hook("WHP");
		ApiClient api = hook.product().api();
		aStory("Hooked story").in(hook.product());
		JsonNode delivery = delivered(hook);
		Received created = received.get(0);

		assertThat(api.post(hook.path("/ping"), null).status()).isEqualTo(202);
		eventually().until(received::size, n -> n >= 2);
		assertThat(received.get(1).event()).isEqualTo("ping");
		assertThat(api.post(hook.path("/deliveries/" + delivery.get("id").asLong() + "/redeliver"), null).status())
			.isEqualTo(202);
		eventually().until(received::size, n -> n >= 3);
		assertThat(received.get(2).body()).isEqualTo(created.body());

		assertThat(api.put(hook.path(""), "{\"active\":false}", null).json().get("active").asBoolean()).isFalse();
		aStory("Quiet").in(hook.product());
		assertThat(api.get(hook.path("/deliveries")).json()).as("a paused webhook gets nothing").hasSize(2);
		assertThat(api.delete(hook.path(""), null).status()).isEqualTo(204);
		assertThat(api.get(hook.product().path("/webhooks")).json()).isEmpty();
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
			aProduct("WHR").named("Rebinding").createdBy(api);
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
