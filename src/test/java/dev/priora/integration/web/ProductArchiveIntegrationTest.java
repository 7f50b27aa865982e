package dev.priora.integration.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import dev.priora.support.ApiClient;
import dev.priora.support.ApiClient.Response;
import dev.priora.support.IntegrationTestBase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The full product export: export, import as a new product, export again — the same
 * document.
 */
class ProductArchiveIntegrationTest extends IntegrationTestBase {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void exportImportExportIsLossless() {
		ApiClient api = api();
		String base = "/api/v1/products/SHOP";
		// the demo product holds items, dependencies, history, customers, feedback and
		// scores; add the rest
		api.post(base + "/items/SHOP-1/comments", "{\"body\":\"Kick-off on Monday, see SHOP-2\"}");
		api.put(base + "/goal", "{\"goal\":\"Checkout that converts\"}", null);
		long objective = api.post(base + "/objectives", "{\"title\":\"Archive conversion\",\"keyResults\":[\"+5 %\"]}")
			.json()
			.get("id")
			.asLong();
		api.put(base + "/items/SHOP-2/objectives", "{\"objectives\":[" + objective + "]}", null);
		long release = api.post(base + "/releases", "{\"name\":\"Archive release\",\"capacity\":30}")
			.json()
			.get("id")
			.asLong();
		long sprint = api
			.post(base + "/sprints",
					"{\"name\":\"Archive sprint\",\"start\":\"" + LocalDate.now() + "\",\"end\":\""
							+ LocalDate.now().plusDays(13) + "\",\"capacity\":20,\"releaseId\":" + release + "}")
			.json()
			.get("id")
			.asLong();
		api.put(base + "/items/SHOP-3/release", "{\"sprintId\":" + sprint + "}", null);
		api.post(base + "/sprints/" + sprint + "/start", "{\"force\":true}");
		long member = api.post(base + "/team", "{\"name\":\"Archive Ann\",\"capacity\":8,\"skills\":[\"api\"]}")
			.json()
			.get("id")
			.asLong();
		api.put(base + "/items/SHOP-3/assignee", "{\"memberId\":" + member + "}", null);
		api.post(base + "/releases/" + release + "/decisions", "{\"decision\":\"CONTINUE\",\"note\":\"on track\"}");
		api.post(base + "/roadmap/comments", "{\"entry\":\"SHOP-2\",\"body\":\"Looks right\"}");

		Response first = api.get(base + "/export");
		assertThat(first.status()).as(first.text()).isEqualTo(200);
		JsonNode one = first.json();
		assertThat(one.get("format").asText()).isEqualTo("priora-product-export");
		assertThat(one.get("version").asInt()).isEqualTo(1);
		JsonNode tables = one.get("tables");
		for (String t : new String[] { "items", "item_dependencies", "item_history", "item_comments", "customers",
				"feedback", "feedback_links", "score_inputs", "releases", "sprints", "planned_items", "sprint_runs",
				"team_members", "item_assignees", "objectives", "item_objectives", "product_goals", "roadmap_comments",
				"release_decisions" }) {
			assertThat(tables.get(t)).as(t).isNotEmpty();
		}

		Response imported = api.postFile("/api/v1/products/import?key=SHOPX",
				first.text().getBytes(StandardCharsets.UTF_8), "application/json");
		assertThat(imported.status()).as(imported.text()).isEqualTo(201);
		assertThat(api
			.postFile("/api/v1/products/import?key=SHOPX", first.text().getBytes(StandardCharsets.UTF_8),
					"application/json")
			.status()).as("the key is taken now").isEqualTo(409);
		JsonNode two = api.get("/api/v1/products/SHOPX/export").json();
		assertThat(normalized(two, "SHOPX")).isEqualTo(normalized(one, "SHOP"));

		// the copy works like any product
		assertThat(api.get("/api/v1/products/SHOPX/items").json().get("items").size())
			.isEqualTo(api.get(base + "/items").json().get("items").size());
		assertThat(api.get("/api/v1/products/SHOPX/items/SHOP-1").status()).isEqualTo(404);
		assertThat(api.get("/api/v1/products/SHOPX/items/SHOPX-1/comments").json().get(0).get("body").asText())
			.isEqualTo("Kick-off on Monday, see SHOPX-2");
		assertThat(api.get("/api/v1/products/SHOPX/releases").text()).contains("Archive release")
			.contains("Archive sprint");
	}

	@Test
	void refusesWhatIsNotAnExportOfThisVersion() {
		ApiClient api = api();
		String url = "/api/v1/products/import?key=NOPE";
		Response notJson = api.postFile(url, "{".getBytes(StandardCharsets.UTF_8), "application/json");
		assertThat(notJson.status()).isEqualTo(400);
		assertThat(notJson.text()).contains("not valid JSON");
		assertThat(
				api.postFile(url, "{\"format\":\"other\"}".getBytes(StandardCharsets.UTF_8), "application/json").text())
			.contains("not a Priora product export");
		assertThat(api
			.postFile(url, "{\"format\":\"priora-product-export\",\"version\":9}".getBytes(StandardCharsets.UTF_8),
					"application/json")
			.text()).contains("this Priora reads version 1");
		String broken = "{\"format\":\"priora-product-export\",\"version\":1,\"product\":\"BRK\",\"users\":[],"
				+ "\"tables\":{\"products\":[{\"id\":1,\"product_key\":\"BRK\",\"name\":\"Broken\",\"vision\":\"\","
				+ "\"estimate_scale\":\"1,2,3\",\"next_item_number\":2,\"created_at\":\"2026-01-01T00:00:00Z\","
				+ "\"created_by\":1,\"updated_at\":\"2026-01-01T00:00:00Z\",\"updated_by\":1,\"version\":0}],"
				+ "\"items\":[{\"id\":1,\"item_number\":1,\"colour\":\"red\"}]}}";
		Response bad = api.postFile("/api/v1/products/import", broken.getBytes(StandardCharsets.UTF_8),
				"application/json");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.text()).contains("items[1]").contains("colour");
		assertThat(api.get("/api/v1/products/BRK").status()).as("nothing of it was kept").isEqualTo(404);
	}

	/**
	 * The document without its time and key, item keys in text written with the key as
	 * "KEY".
	 */
	private static JsonNode normalized(JsonNode doc, String key) {
		String text = doc.toString().replaceAll("\\b" + key + "-(\\d+)\\b", "KEY-$1");
		ObjectNode copy = (ObjectNode) JSON.readTree(text);
		copy.remove("exportedAt");
		copy.remove("product");
		((ObjectNode) copy.get("tables").get("products").get(0)).remove("product_key");
		return copy;
	}

}
