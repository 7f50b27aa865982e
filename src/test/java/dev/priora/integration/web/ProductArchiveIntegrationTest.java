package dev.priora.integration.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

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
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductArchiveIntegrationTest extends IntegrationTestBase {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String BASE = "/api/v1/products/SHOP";

	/** The demo product's first export (after {@link #fillTheRest}). */
	private Response first;

	/** The answer to importing {@link #first} as SHOPX. */
	private Response imported;

	@BeforeAll
	void exportTheDemoProductAndImportItAsANewOne() {
		ApiClient api = api();
		fillTheRest(api);
		first = api.get(BASE + "/export");
		imported = api.postFile("/api/v1/products/import?key=SHOPX", first.text().getBytes(StandardCharsets.UTF_8),
				"application/json");
	}

	/**
	 * The demo product holds items, dependencies, history, customers, feedback and
	 * scores; this adds the rest: a comment, the goal, an objective, a started sprint, a
	 * member assigned, a release decision and a roadmap comment.
	 */
	private static void fillTheRest(ApiClient api) {
		api.post(BASE + "/items/SHOP-1/comments", "{\"body\":\"Kick-off on Monday, see SHOP-2\"}");
		api.put(BASE + "/goal", "{\"goal\":\"Checkout that converts\"}", null);
		long objective = api.post(BASE + "/objectives", "{\"title\":\"Archive conversion\",\"keyResults\":[\"+5 %\"]}")
			.json()
			.get("id")
			.asLong();
		api.put(BASE + "/items/SHOP-2/objectives", "{\"objectives\":[" + objective + "]}", null);
		long release = api.post(BASE + "/releases", "{\"name\":\"Archive release\",\"capacity\":30}")
			.json()
			.get("id")
			.asLong();
		long sprint = api
			.post(BASE + "/sprints",
					"{\"name\":\"Archive sprint\",\"start\":\"" + LocalDate.now() + "\",\"end\":\""
							+ LocalDate.now().plusDays(13) + "\",\"capacity\":20,\"releaseId\":" + release + "}")
			.json()
			.get("id")
			.asLong();
		api.put(BASE + "/items/SHOP-3/release", "{\"sprintId\":" + sprint + "}", null);
		api.post(BASE + "/sprints/" + sprint + "/start", "{\"force\":true}");
		long member = api.post(BASE + "/team", "{\"name\":\"Archive Ann\",\"capacity\":8,\"skills\":[\"api\"]}")
			.json()
			.get("id")
			.asLong();
		api.put(BASE + "/items/SHOP-3/assignee", "{\"memberId\":" + member + "}", null);
		api.post(BASE + "/releases/" + release + "/decisions", "{\"decision\":\"CONTINUE\",\"note\":\"on track\"}");
		api.post(BASE + "/roadmap/comments", "{\"entry\":\"SHOP-2\",\"body\":\"Looks right\"}");
	}

	@Test
	void anExportHoldsEveryTableOfTheProduct() {
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
	}

	@Test
	void exportImportExportIsLossless() {
		assertThat(imported.status()).as(imported.text()).isEqualTo(201);
		JsonNode two = api().get("/api/v1/products/SHOPX/export").json();
		assertThat(normalized(two, "SHOPX")).isEqualTo(normalized(first.json(), "SHOP"));
	}

	@Test
	void anExportIsNotImportedUnderAKeyThatIsTaken() {
		ApiClient api = api();
		int items = api.get("/api/v1/products/SHOPX/items").json().get("items").size();
		assertThat(api
			.postFile("/api/v1/products/import?key=SHOPX", first.text().getBytes(StandardCharsets.UTF_8),
					"application/json")
			.status()).as("the key is taken now").isEqualTo(409);
		assertThat(api.get("/api/v1/products/SHOPX/items").json().get("items")).as("nothing added").hasSize(items);
	}

	@Test
	void theImportedCopyWorksLikeAnyProduct() {
		ApiClient api = api();
		assertThat(imported.status()).as(imported.text()).isEqualTo(201);
		assertThat(api.get("/api/v1/products/SHOPX/items").json().get("items").size())
			.isEqualTo(api.get(BASE + "/items").json().get("items").size());
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
