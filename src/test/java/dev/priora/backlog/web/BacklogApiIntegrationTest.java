package dev.priora.backlog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.priora.support.ApiClient;
import dev.priora.support.ApiClient.Response;
import dev.priora.support.IntegrationTestBase;
import tools.jackson.databind.JsonNode;

class BacklogApiIntegrationTest extends IntegrationTestBase {

	private static final AtomicInteger PRODUCTS = new AtomicInteger();

	private ApiClient api;

	private String product;

	@BeforeEach
	void newProduct() {
		api = api();
		product = "T" + PRODUCTS.incrementAndGet() + "X";
		Response r = api.post("/api/v1/products", "{\"key\":\"" + product + "\",\"name\":\"Test product\"}");
		assertThat(r.status()).as(r.text()).isEqualTo(201);
	}

	private String items() {
		return "/api/v1/products/" + product + "/items";
	}

	private JsonNode create(String json) {
		Response r = api.post(items(), json);
		assertThat(r.status()).as(r.text()).isEqualTo(201);
		return r.json();
	}

	private String story(String title) {
		return create("{\"type\":\"STORY\",\"title\":\"" + title + "\"}").get("key").asText();
	}

	private List<String> order() {
		List<String> keys = new ArrayList<>();
		String cursor = null;
		do {
			JsonNode page = api.get(items() + "?limit=7" + (cursor == null ? "" : "&cursor=" + cursor)).json();
			page.get("items").forEach(i -> keys.add(i.get("key").asText()));
			cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
		}
		while (cursor != null);
		return keys;
	}

	@Test
	void createsAnItemWithKeyVersionAndHistory() {
		JsonNode item = create("""
				{"type":"story","title":"Export CSV","description":"As a PO I want **CSV**","estimate":5,
				 "labels":["Export","csv"],"acceptanceCriteria":[{"statement":"Has a header row"}]}""");
		assertThat(item.get("key").asText()).isEqualTo(product + "-1");
		assertThat(item.get("status").asText()).isEqualTo("NEW");
		assertThat(item.get("estimate").decimalValue()).isEqualByComparingTo("5");
		assertThat(item.get("labels").toString()).isEqualTo("[\"csv\",\"export\"]");
		assertThat(item.get("acceptanceCriteria").get(0).get("statement").asText()).isEqualTo("Has a header row");
		Response get = api.get(items() + "/" + product + "-1");
		assertThat(get.etag()).isEqualTo("\"0\"");
		JsonNode history = api.get(items() + "/" + product + "-1/history").json();
		assertThat(history.get(0).get("field").asText()).isEqualTo("created");
		assertThat(history.get(0).get("changedBy").asText()).isEqualTo("Administrator");
	}

	@Test
	void refusesAStaleUpdateWith412AndTheCurrentEtag() {
		String key = story("Original");
		Response first = api.patch(items() + "/" + key, "{\"title\":\"First edit\"}", "\"0\"");
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.etag()).isEqualTo("\"1\"");
		Response stale = api.patch(items() + "/" + key, "{\"title\":\"Second edit\"}", "\"0\"");
		assertThat(stale.status()).isEqualTo(412);
		assertThat(stale.etag()).isEqualTo("\"1\"");
		assertThat(stale.isProblem()).isTrue();
		assertThat(stale.json().get("changedBy").asText()).isEqualTo("Administrator");
		assertThat(api.get(items() + "/" + key).json().get("title").asText()).isEqualTo("First edit");
		assertThat(api.patch(items() + "/" + key, "{\"title\":\"x\"}", null).status()).isEqualTo(428);
		assertThat(api.delete(items() + "/" + key, null).status()).isEqualTo(428);
		assertThat(api.put(items() + "/" + key, "{\"type\":\"BUG\",\"title\":\"Replaced\"}", "\"1\"")
			.json()
			.get("type")
			.asText()).isEqualTo("BUG");
	}

	@Test
	void enforcesTheWorkflowAndTheDefinitionOfReady() {
		String key = story("Thin story");
		Response skip = api.patch(items() + "/" + key, "{\"status\":\"DONE\"}", "\"0\"");
		assertThat(skip.status()).isEqualTo(409);
		assertThat(skip.json().get("type").asText()).endsWith("invalid-transition");
		Response notReady = api.patch(items() + "/" + key, "{\"status\":\"READY\"}", "\"0\"");
		assertThat(notReady.status()).isEqualTo(409);
		assertThat(notReady.json().get("reasons").toString()).contains("has no description",
				"has no acceptance criterion", "is not estimated");
		Response forced = api.send("PATCH", items() + "/" + key + "?force=true", "{\"status\":\"READY\"}", "\"0\"");
		assertThat(forced.status()).isEqualTo(200);
		assertThat(forced.json().get("status").asText()).isEqualTo("READY");
		JsonNode history = api.get(items() + "/" + key + "/history").json();
		assertThat(history.get(0).get("note").asText()).startsWith("forced ready despite");

		String good = create("""
				{"type":"STORY","title":"Well described","description":"text","estimate":3,
				 "acceptanceCriteria":[{"statement":"works"}]}""").get("key").asText();
		assertThat(api.get(items() + "/" + good + "/readiness").json().get("ready").asBoolean()).isTrue();
		assertThat(api.patch(items() + "/" + good, "{\"status\":\"READY\"}", "\"0\"").status()).isEqualTo(200);
	}

	@Test
	void movesItemsToTopBottomBeforeAndAfter() {
		String a = story("A");
		String b = story("B");
		String c = story("C");
		String d = story("D");
		assertThat(order()).containsExactly(a, b, c, d);
		assertThat(api.post(items() + "/" + d + "/move", "{\"position\":\"top\"}").status()).isEqualTo(204);
		assertThat(order()).containsExactly(d, a, b, c);
		api.post(items() + "/" + d + "/move", "{\"position\":\"bottom\"}");
		assertThat(order()).containsExactly(a, b, c, d);
		api.post(items() + "/" + a + "/move", "{\"position\":\"after\",\"target\":\"" + c + "\"}");
		assertThat(order()).containsExactly(b, c, a, d);
		api.post(items() + "/" + d + "/move", "{\"position\":\"before\",\"target\":\"" + b + "\"}");
		assertThat(order()).containsExactly(d, b, c, a);
		Response self = api.post(items() + "/" + d + "/move", "{\"position\":\"before\",\"target\":\"" + d + "\"}");
		assertThat(self.status()).isEqualTo(400);
		assertThat(self.json().get("errors").get(0).get("field").asText()).isEqualTo("target");
	}

	@Test
	void keepsTheOrderThroughManyMovesToTheSameSpot() {
		List<String> keys = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			keys.add(story("S" + i));
		}
		// always insert right after the first item: keys grow, and the product is
		// rebalanced when too long
		for (int round = 0; round < 150; round++) {
			String moving = keys.get(keys.size() - 1);
			api.post(items() + "/" + moving + "/move", "{\"position\":\"after\",\"target\":\"" + keys.get(0) + "\"}");
			keys.remove(keys.size() - 1);
			keys.add(1, moving);
		}
		assertThat(order()).containsExactlyElementsOf(keys);
	}

	@Test
	void paginatesWithACursorAndFilters() {
		String epic = create("{\"type\":\"EPIC\",\"title\":\"Epic\"}").get("key").asText();
		for (int i = 0; i < 23; i++) {
			create("{\"type\":\"" + (i % 2 == 0 ? "BUG" : "STORY") + "\",\"title\":\"Item " + i + "\",\"labels\":[\"l"
					+ (i % 3) + "\"]" + (i < 5 ? ",\"parent\":\"" + epic + "\"" : "") + "}");
		}
		assertThat(order()).hasSize(24).startsWith(epic).doesNotHaveDuplicates();
		assertThat(api.get(items() + "?type=BUG&limit=100").json().get("items")).hasSize(12);
		assertThat(api.get(items() + "?label=l1&limit=100").json().get("items")).hasSize(8);
		assertThat(api.get(items() + "?parent=" + epic + "&limit=100").json().get("items")).hasSize(5);
		assertThat(api.get(items() + "?q=item%2012&limit=100").json().get("items")).hasSize(1);
		assertThat(api.get(items() + "?ready=true&limit=100").json().get("items")).isEmpty();
		assertThat(api.get(items() + "?limit=0").status()).isEqualTo(400);
		assertThat(api.get(items() + "?cursor=!!!").status()).isEqualTo(400);
		assertThat(api.get(items() + "?type=NOPE").status()).isEqualTo(400);
	}

	@Test
	void rollsUpAnEpicsChildren() {
		String epic = create("{\"type\":\"EPIC\",\"title\":\"Epic\"}").get("key").asText();
		String done = create("{\"type\":\"STORY\",\"title\":\"a\",\"estimate\":5,\"parent\":\"" + epic + "\"}")
			.get("key")
			.asText();
		create("{\"type\":\"STORY\",\"title\":\"b\",\"estimate\":3,\"parent\":\"" + epic + "\"}");
		create("{\"type\":\"BUG\",\"title\":\"c\",\"parent\":\"" + epic + "\"}");
		api.send("PATCH", items() + "/" + done + "?force=true", "{\"status\":\"READY\"}", "\"0\"");
		api.patch(items() + "/" + done, "{\"status\":\"IN_PROGRESS\"}", "\"1\"");
		api.patch(items() + "/" + done, "{\"status\":\"DONE\"}", "\"2\"");
		JsonNode rollup = api.get(items() + "/" + epic).json().get("rollup");
		assertThat(rollup.get("children").asInt()).isEqualTo(3);
		assertThat(rollup.get("totalPoints").decimalValue()).isEqualByComparingTo("8");
		assertThat(rollup.get("donePoints").decimalValue()).isEqualByComparingTo("5");
		assertThat(rollup.get("remainingPoints").decimalValue()).isEqualByComparingTo("3");
		assertThat(rollup.get("percentComplete").asInt()).isEqualTo(62);
		assertThat(rollup.get("unestimated").asInt()).isEqualTo(1);
		Response notEpicParent = api.post(items(), "{\"type\":\"STORY\",\"title\":\"x\",\"parent\":\"" + done + "\"}");
		assertThat(notEpicParent.status()).isEqualTo(400);
	}

	@Test
	void refusesADependencyThatClosesACycleAndNamesIt() {
		String a = story("A");
		String b = story("B");
		String c = story("C");
		assertThat(link(a, b).status()).isEqualTo(201);
		assertThat(link(b, c).status()).isEqualTo(201);
		Response cycle = link(c, a);
		assertThat(cycle.status()).isEqualTo(409);
		assertThat(cycle.isProblem()).isTrue();
		assertThat(cycle.json().get("detail").asText()).contains(c + " → " + a + " → " + b + " → " + c);
		assertThat(link(a, a).status()).isEqualTo(409);
		JsonNode links = api.get(items() + "/" + b + "/dependencies").json();
		assertThat(links.get("waitsOn").get(0).get("key").asText()).isEqualTo(c);
		assertThat(links.get("waitsOn").get(0).get("done").asBoolean()).isFalse();
		assertThat(links.get("waitedOnBy").get(0).get("key").asText()).isEqualTo(a);
		assertThat(api.get(items() + "/" + a + "/readiness").json().get("reasons").toString())
			.contains("waits on unfinished " + b);
		assertThat(api.post(items() + "/" + c + "/dependencies", "{\"kind\":\"RELATES_TO\",\"target\":\"" + a + "\"}")
			.status()).isEqualTo(201);
		assertThat(api.get(items() + "/" + a + "/dependencies").json().get("relatesTo").get(0).get("key").asText())
			.isEqualTo(c);
		assertThat(api.delete(items() + "/" + a + "/dependencies/DEPENDS_ON/" + b, null).status()).isEqualTo(200);
		assertThat(link(c, a).status()).isEqualTo(201);
	}

	private Response link(String from, String to) {
		return api.post(items() + "/" + from + "/dependencies", "{\"kind\":\"DEPENDS_ON\",\"target\":\"" + to + "\"}");
	}

	@Test
	void answersBadInputWithProblemJsonNamingTheFieldAndWritesNothing() {
		int before = order().size();
		Map<String, String> cases = Map.of("{\"type\":\"STORY\",\"title\":\"x\",\"colour\":\"red\"}", "colour",
				"{\"type\":\"STORY\",\"title\":\"x\",\"estimate\":\"lots\"}", "estimate",
				"{\"type\":\"STORY\",\"title\":\"x\",\"estimate\":4}", "estimate",
				"{\"type\":\"SAGA\",\"title\":\"x\"}", "type",
				"{\"type\":\"STORY\",\"title\":\"" + "x".repeat(301) + "\"}", "title",
				"{\"type\":\"STORY\",\"title\":\"   \"}", "title",
				"{\"type\":\"STORY\",\"title\":\"x\",\"labels\":[\"bad label!\"]}", "labels",
				"{\"type\":\"STORY\",\"title\":\"x\",\"description\":\"" + "y".repeat(1_000_000) + "\"}", "description",
				"{\"type\":\"STORY\",\"title\":5}", "title", "{\"type\":\"STORY\",", "body");
		cases.forEach((body, field) -> {
			Response r = api.post(items(), body);
			assertThat(r.status()).as(body.length() > 80 ? field : body).isEqualTo(400);
			assertThat(r.isProblem()).isTrue();
			assertThat(r.json().get("errors").toString()).contains("\"" + field);
		});
		Response badUtf8 = api.sendBytes("POST", items(),
				new byte[] { '{', '"', 't', 'y', 'p', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' }, null);
		assertThat(badUtf8.status()).isEqualTo(400);
		Response control = api.post(items(), "{\"type\":\"STORY\",\"title\":\"bell\\u0007\"}");
		assertThat(control.status()).isEqualTo(400);
		assertThat(order()).hasSize(before);
		assertThat(api.get(items() + "/" + product + "-999").status()).isEqualTo(404);
		assertThat(api.get("/api/v1/products/NOPE/items").status()).isEqualTo(404);
	}

}
