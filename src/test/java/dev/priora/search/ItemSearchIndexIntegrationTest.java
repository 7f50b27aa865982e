package dev.priora.search;

import static dev.priora.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import dev.priora.accounts.AccountService;
import dev.priora.accounts.ProductRole;
import dev.priora.accounts.ProductRoles;
import dev.priora.accounts.SignedInUser;
import dev.priora.backlog.ProductService;
import dev.priora.support.ApiClient;
import dev.priora.support.IntegrationTestBase;

/**
 * The search index is built in the background as the server starts, and a search that
 * comes while it is still being built answers the typed key from the database and what is
 * indexed so far (only products the user may see), and says so.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ItemSearchIndexIntegrationTest extends IntegrationTestBase {

	private static final String MEMBER = "builder@search.test";

	@Autowired
	ItemSearchIndex serverIndex;

	@Autowired
	SearchRepository rows;

	@Autowired
	Clock clock;

	@Autowired
	ProductService products;

	@Autowired
	ProductRoles roles;

	@Autowired
	AccountService accounts;

	@Autowired
	UserDetailsService users;

	@BeforeAll
	void items() {
		ApiClient api = api();
		for (String p : List.of("SIB", "SIX")) {
			assertThat(api.post("/api/v1/products", "{\"key\":\"" + p + "\",\"name\":\"" + p + " product\"}").status())
				.isEqualTo(201);
		}
		item("SIB", "Zebra crossing export", "Export the crossing.");
		item("SIB", "Checkout redesign", "Only the description says zebra export.");
		item("SIB", "Export zebra stripes", "Stripes.");
		item("SIX", "Zebra export of another product", "Hidden from the member.");
		accounts.createUser(MEMBER, "Builder", "a long password", false);
		roles.grant("SIB", MEMBER, ProductRole.MEMBER, accounts.findByEmail(ADMIN_EMAIL).orElseThrow().id());
	}

	private void item(String product, String title, String description) {
		var r = api().post("/api/v1/products/" + product + "/items",
				ApiClient.json(Map.of("type", "STORY", "title", title, "description", description)));
		assertThat(r.status()).as(r.text()).isEqualTo(201);
	}

	@Test
	void theServerBuildsTheIndexAsItStartsWithoutWaitingForASearch() throws InterruptedException {
		eventually().alias("the server's search index is ready").until(serverIndex::ready);
	}

	@Test
	void whileTheIndexIsBeingBuiltSearchFindsKeysInTheDatabaseAndWhatIsIndexedAndSaysSo() {
		List<Runnable> held = new ArrayList<>();
		ItemSearchIndex building = new ItemSearchIndex(rows, clock, held::add);
		SearchService search = new SearchService(building, products, roles);
		SignedInUser admin = user(ADMIN_EMAIL);

		SearchService.Answer words = search.search(admin, "zebra export", "SIB", 12);
		assertThat(words.indexBuilding()).isTrue();
		assertThat(keys(words)).as("nothing indexed yet").isEmpty();
		SearchService.Answer key = search.search(admin, "sib-2", null, 12);
		assertThat(key.indexBuilding()).isTrue();
		assertThat(keys(key)).containsExactly("SIB-2");
		assertThat(key.items().get(0).title()).isEqualTo("Checkout redesign");
		assertThat(keys(search.search(admin, "2", "SIB", 12))).containsExactly("SIB-2");
		assertThat(keys(search.search(admin, "1", "SIX", 12))).containsExactly("SIX-1");
		SignedInUser member = user(MEMBER);
		assertThat(keys(search.search(member, "1", null, 12))).contains("SIB-1").doesNotContain("SIX-1");
		assertThat(keys(search.search(member, "SIX-1", null, 12))).isEmpty();
		assertThat(held).as("the first search started one build, later ones none").hasSize(1);

		held.get(0).run();
		assertThat(building.ready()).isTrue();
		SearchService.Answer ranked = search.search(admin, "zebra export", "SIB", 12);
		assertThat(ranked.indexBuilding()).isFalse();
		assertThat(keys(ranked)).as("words in titles and descriptions")
			.containsExactlyInAnyOrder("SIB-1", "SIB-2", "SIB-3");
		assertThat(keys(search.search(member, "zebra export", null, 12))).doesNotContain("SIX-1");
		item("SIB", "Zebra export added after the build", "");
		assertThat(keys(search.search(admin, "zebra export added", "SIB", 12))).containsExactly("SIB-4");
		assertThat(held).hasSize(1);
	}

	private SignedInUser user(String email) {
		return (SignedInUser) users.loadUserByUsername(email);
	}

	private static List<String> keys(SearchService.Answer answer) {
		return answer.items().stream().map(SearchResult::key).toList();
	}

}
