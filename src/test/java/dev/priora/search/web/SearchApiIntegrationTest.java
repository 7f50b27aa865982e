package dev.priora.search.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import dev.priora.accounts.AccountService;
import dev.priora.accounts.ProductRole;
import dev.priora.accounts.ProductRoles;
import dev.priora.support.ApiClient;
import dev.priora.support.ApiClient.Response;
import dev.priora.support.BrowserlessSession;
import dev.priora.support.IntegrationTestBase;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchApiIntegrationTest extends IntegrationTestBase {

	@Autowired
	AccountService accounts;

	@Autowired
	ProductRoles roles;

	private static final String MEMBER = "searcher@search.test";

	@BeforeAll
	void products() {
		ApiClient api = api();
		for (String p : List.of("ALPHA", "BETA")) {
			assertThat(api.post("/api/v1/products", "{\"key\":\"" + p + "\",\"name\":\"" + p + " product\"}").status())
				.isEqualTo(201);
		}
		item("ALPHA", "Zebra crossing export", "Export the <script>zebra</script> list as CSV.");
		item("ALPHA", "Checkout redesign", "Nothing about stripes.");
		item("BETA", "Zebra secrets of beta", "Only BETA people may see this zebra.");
		accounts.createUser(MEMBER, "Searcher", "a long password", false);
		roles.grant("ALPHA", MEMBER, ProductRole.MEMBER, accounts.findByEmail(ADMIN_EMAIL).orElseThrow().id());
	}

	private void item(String product, String title, String description) {
		Response r = api().post("/api/v1/products/" + product + "/items",
				ApiClient.json(java.util.Map.of("type", "STORY", "title", title, "description", description)));
		assertThat(r.status()).isEqualTo(201);
	}

	private static List<String> keys(Response r) {
		assertThat(r.status()).as(r.text()).isEqualTo(200);
		List<String> keys = new ArrayList<>();
		r.json().get("results").forEach(n -> keys.add(n.get("key").asText()));
		return keys;
	}

	private ApiClient member() {
		return ApiClient.signIn(port, MEMBER, "a long password");
	}

	@Test
	void findsItemsByWordsAcrossVisibleProductsBestFirst() {
		List<String> found = keys(api().get("/api/v1/search?q=zebra"));
		assertThat(found).containsExactlyInAnyOrder("ALPHA-1", "BETA-1");
		assertThat(keys(api().get("/api/v1/search?q=zeb%20exp"))).containsExactly("ALPHA-1");
	}

	@Test
	void neverReturnsAnotherProductsItemsToSomeoneWithoutARoleThere() {
		assertThat(keys(member().get("/api/v1/search?q=zebra"))).containsExactly("ALPHA-1");
		assertThat(keys(member().get("/api/v1/search?q=BETA-1"))).isEmpty();
		assertThat(keys(member().get("/api/v1/search?q=secrets"))).isEmpty();
		Response other = member().get("/api/v1/search?q=zebra&product=BETA");
		assertThat(other.status()).isEqualTo(404);
		assertThat(other.isProblem()).isTrue();
		BrowserlessSession browser = BrowserlessSession.signIn(port, MEMBER, "a long password");
		String fragment = browser.withHeader("HX-Request", "true").get("/search?q=zebra").body();
		assertThat(fragment).contains("ALPHA-1").doesNotContain("BETA-1").doesNotContain("secrets");
	}

	@Test
	void anItemKeyComesFirst() {
		assertThat(keys(api().get("/api/v1/search?q=alpha-2"))).first().isEqualTo("ALPHA-2");
	}

	@Test
	void marksMatchedWordsAsDataNeverAsMarkup() {
		JsonNode hit = api().get("/api/v1/search?q=zebra&product=ALPHA").json().get("results").get(0);
		assertThat(hit.get("path").asText()).isEqualTo("/p/ALPHA/items/ALPHA-1");
		assertThat(hit.get("highlightedTitle").get(0).get("text").asText()).isEqualTo("Zebra");
		assertThat(hit.get("highlightedTitle").get(0).get("match").asBoolean()).isTrue();
		StringBuilder snippet = new StringBuilder();
		hit.get("snippet").forEach(s -> snippet.append(s.get("text").asText()));
		assertThat(snippet.toString()).contains("<script>");
		String html = BrowserlessSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD)
			.withHeader("HX-Request", "true")
			.get("/search?q=zebra")
			.body();
		assertThat(html).contains("<mark>Zebra</mark>").contains("&lt;script&gt;").doesNotContain("<script>zebra");
	}

	@Test
	void seesChangesAndDeletions() {
		item("ALPHA", "Quokka feature", "");
		assertThat(keys(api().get("/api/v1/search?q=quokka"))).containsExactly("ALPHA-3");
		Response item = api().get("/api/v1/products/ALPHA/items/ALPHA-3");
		assertThat(api()
			.put("/api/v1/products/ALPHA/items/ALPHA-3",
					"{\"type\":\"STORY\",\"title\":\"Wombat feature\",\"description\":\"\"}", item.etag())
			.status()).isEqualTo(200);
		assertThat(keys(api().get("/api/v1/search?q=quokka"))).isEmpty();
		assertThat(keys(api().get("/api/v1/search?q=wombat"))).containsExactly("ALPHA-3");
		String etag = api().get("/api/v1/products/ALPHA/items/ALPHA-3").etag();
		assertThat(api().delete("/api/v1/products/ALPHA/items/ALPHA-3", etag).status()).isEqualTo(204);
		assertThat(keys(api().get("/api/v1/search?q=wombat"))).isEmpty();
	}

	@Test
	void refusesBadLimitsByName() {
		Response zero = api().get("/api/v1/search?q=zebra&limit=0");
		assertThat(zero.status()).isEqualTo(400);
		assertThat(zero.text()).contains("limit");
		assertThat(api().get("/api/v1/search?q=zebra&limit=many").status()).isEqualTo(400);
		assertThat(keys(api().get("/api/v1/search?q="))).isEmpty();
		assertThat(keys(api().get("/api/v1/search?q=" + "a".repeat(5000)))).isEmpty();
		assertThat(anonymous().get("/api/v1/search?q=zebra").status()).isEqualTo(401);
	}

}
