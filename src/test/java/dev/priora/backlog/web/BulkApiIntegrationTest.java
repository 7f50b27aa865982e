package dev.priora.backlog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.priora.support.ApiClient;
import dev.priora.support.ApiClient.Response;
import dev.priora.support.IntegrationTestBase;

class BulkApiIntegrationTest extends IntegrationTestBase {

	private static final AtomicInteger PRODUCTS = new AtomicInteger();

	private String product(int items) {
		ApiClient api = api();
		String key = "BK" + PRODUCTS.incrementAndGet();
		assertThat(api.post("/api/v1/products", "{\"key\":\"" + key + "\",\"name\":\"Bulk " + key + "\"}").status())
			.isEqualTo(201);
		for (int i = 1; i <= items; i++) {
			api.post("/api/v1/products/" + key + "/items", "{\"type\":\"STORY\",\"title\":\"Item " + i + "\"}");
		}
		return key;
	}

	private List<String> rows(String product) {
		List<String> rows = new ArrayList<>();
		api().get("/api/v1/products/" + product + "/items?limit=200")
			.json()
			.get("items")
			.forEach(i -> rows.add(i.get("key").asText() + ":" + i.get("status").asText() + ":"
					+ (i.get("estimate").isNull() ? "-" : i.get("estimate").asText()) + ":" + i.get("labels")));
		return rows;
	}

	private Response bulk(String product, String body) {
		return api().post("/api/v1/products/" + product + "/bulk-changes", body);
	}

	@Test
	void changesManyItemsAsOneChangeAndUndoRestoresFieldsAndOrder() {
		String p = product(4);
		List<String> before = rows(p);
		Response done = bulk(p, "{\"items\":[\"" + p + "-2\",\"" + p + "-4\"],\"status\":\"REJECTED\",\"estimate\":5,"
				+ "\"label\":\"q3\",\"position\":\"TOP\"}");
		assertThat(done.status()).as(done.text()).isEqualTo(200);
		assertThat(done.json().get("items").asInt()).isEqualTo(2);
		assertThat(rows(p)).containsExactly(p + "-2:REJECTED:5:[\"q3\"]", p + "-4:REJECTED:5:[\"q3\"]",
				p + "-1:NEW:-:[]", p + "-3:NEW:-:[]");
		long id = done.json().get("changeId").asLong();
		Response undone = api().post("/api/v1/products/" + p + "/bulk-changes/" + id + "/undo", "");
		assertThat(undone.status()).as(undone.text()).isEqualTo(200);
		assertThat(rows(p)).isEqualTo(before);
		assertThat(api().post("/api/v1/products/" + p + "/bulk-changes/" + id + "/undo", "").status()).isEqualTo(409);
		assertThat(api().get("/api/v1/products/" + p + "/items/" + p + "-2/history").text()).contains("undo of");
	}

	@Test
	void oneRefusedItemChangesNothing() {
		String p = product(3);
		assertThat(bulk(p, "{\"items\":[\"" + p + "-1\"],\"status\":\"REJECTED\"}").status()).isEqualTo(200);
		List<String> before = rows(p);
		Response refused = bulk(p, "{\"items\":[\"" + p + "-2\",\"" + p + "-1\"],\"status\":\"READY\",\"estimate\":3}");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.isProblem()).isTrue();
		assertThat(rows(p)).isEqualTo(before);
		Response offScale = bulk(p, "{\"items\":[\"" + p + "-2\",\"" + p + "-3\"],\"estimate\":4}");
		assertThat(offScale.status()).isEqualTo(400);
		assertThat(offScale.text()).contains("estimate");
		assertThat(rows(p)).isEqualTo(before);
	}

	@Test
	void undoIsRefusedWhenAnItemWasEditedSince() {
		String p = product(2);
		long id = bulk(p, "{\"items\":[\"" + p + "-1\",\"" + p + "-2\"],\"estimate\":8}").json()
			.get("changeId")
			.asLong();
		Response item = api().get("/api/v1/products/" + p + "/items/" + p + "-2");
		assertThat(
				api().patch("/api/v1/products/" + p + "/items/" + p + "-2", "{\"estimate\":13}", item.etag()).status())
			.isEqualTo(200);
		Response undo = api().post("/api/v1/products/" + p + "/bulk-changes/" + id + "/undo", "");
		assertThat(undo.status()).isEqualTo(409);
		assertThat(undo.text()).contains(p + "-2");
		assertThat(rows(p)).containsExactly(p + "-1:NEW:8:[]", p + "-2:NEW:13:[]");
	}

	@Test
	void refusesBadInputByField() {
		String p = product(1);
		assertThat(bulk(p, "{\"items\":[],\"status\":\"NEW\"}").status()).isEqualTo(400);
		Response nothing = bulk(p, "{\"items\":[\"" + p + "-1\"]}");
		assertThat(nothing.status()).isEqualTo(400);
		assertThat(nothing.text()).contains("action");
		Response unknown = bulk(p, "{\"items\":[\"" + p + "-99\"],\"status\":\"REJECTED\"}");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.text()).contains("items");
		assertThat(bulk(p, "{\"items\":[\"OTHER-1\"],\"status\":\"REJECTED\"}").status()).isEqualTo(400);
		assertThat(bulk(p, "{\"items\":[\"" + p + "-1\"],\"status\":\"SOMEDAY\"}").status()).isEqualTo(400);
		assertThat(api().post("/api/v1/products/" + p + "/bulk-changes/999999/undo", "").status()).isEqualTo(404);
	}

}
