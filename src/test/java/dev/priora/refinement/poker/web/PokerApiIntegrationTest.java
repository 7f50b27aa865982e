package dev.priora.refinement.poker.web;

import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.aStory;
import static dev.priora.support.Fixtures.anEpic;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.priora.accounts.AccountService;
import dev.priora.accounts.ProductRole;
import dev.priora.accounts.ProductRoles;
import dev.priora.support.ApiClient;
import dev.priora.support.IntegrationTestBase;
import dev.priora.support.TestProduct;
import tools.jackson.databind.JsonNode;

/**
 * Planning poker over the API: votes are secret until the reveal (no answer holds another
 * member's card before it), the accepted value becomes the item's estimate with its
 * history, re-votes, skips and the summary, who may vote and who facilitates, and bad
 * input refused with a problem that names the field, nothing written.
 */
class PokerApiIntegrationTest extends IntegrationTestBase {

	static final String PASSWORD = "password-poker-1";

	@Autowired
	AccountService accounts;

	@Autowired
	ProductRoles roles;

	/** A product with three members (ana, bo, cy), a manager (mo) and a viewer (vi). */
	record Team(TestProduct product, Map<String, ApiClient> people) {

		ApiClient as(String who) {
			return people.get(who);
		}

		String sessions() {
			return product.path("/refinement/sessions");
		}

		String session(long id, String rest) {
			return sessions() + "/" + id + rest;
		}

	}

	private Team team(String key) {
		TestProduct p = aProduct(key).named("Poker " + key).createdBy(api());
		Map<String, ApiClient> people = new LinkedHashMap<>();
		people.put("owner", p.api());
		Map<String, ProductRole> roleOf = Map.of("ana", ProductRole.MEMBER, "bo", ProductRole.MEMBER, "cy",
				ProductRole.MEMBER, "mo", ProductRole.MANAGER, "vi", ProductRole.VIEWER);
		for (var e : roleOf.entrySet()) {
			String email = e.getKey() + "@" + key.toLowerCase() + ".test";
			accounts.createUser(email, Character.toUpperCase(e.getKey().charAt(0)) + e.getKey().substring(1), PASSWORD,
					false);
			roles.grant(key, email, e.getValue(), accounts.findByEmail(ADMIN_EMAIL).orElseThrow().id());
			people.put(e.getKey(), ApiClient.signIn(port, email, PASSWORD));
		}
		return new Team(p, people);
	}

	private static JsonNode ok(ApiClient.Response r) {
		assertThat(r.status()).as(r.text()).isBetween(200, 201);
		return r.json();
	}

	private static long start(Team t, String... items) {
		String list = items.length == 0 ? "" : ",\"items\":[\"" + String.join("\",\"", items) + "\"]";
		return ok(t.as("owner").post(t.sessions(), "{\"name\":\"Sprint 12 refinement\"" + list + "}")).get("id")
			.asLong();
	}

	private static void vote(Team t, long id, String who, String card) {
		ok(t.as(who).post(t.session(id, "/vote"), "{\"card\":\"" + card + "\"}"));
	}

	private static JsonNode participant(JsonNode session, String name) {
		for (JsonNode p : session.get("participants")) {
			if (name.equals(p.get("name").asText())) {
				return p;
			}
		}
		throw new AssertionError("no participant " + name + " in " + session);
	}

	@Test
	void votesStaySecretUntilTheRevealThenEveryoneSeesThem() {
		Team t = team("PKA");
		String item = aStory("Export CSV").description("Rows as **CSV**").criteria("Every row").in(t.product());
		long id = start(t, item);
		vote(t, id, "ana", "5");
		vote(t, id, "bo", "8");
		vote(t, id, "bo", "13");
		for (String who : List.of("bo", "cy", "mo", "vi", "owner")) {
			var r = t.as(who).get(t.session(id, ""));
			JsonNode s = ok(r);
			assertThat(s.get("participants")).as("who joined: the owner, Ana and Bo").hasSize(3);
			assertThat(s.get("participants")).as("cards seen by " + who)
				.allMatch(p -> p.has("card") && p.get("card").isNull());
			assertThat(s.at("/current/tally").isNull()).isTrue();
			assertThat(s.at("/current/suggestion").isNull()).as("no suggested estimate before the reveal").isTrue();
			assertThat(s.at("/current/votes").asInt()).isEqualTo(2);
			assertThat(participant(s, "Ana").get("voted").asBoolean()).isTrue();
			assertThat(r.text()).as("no card of Ana's or Bo's in what " + who + " reads")
				.doesNotContain("\"card\":\"5\"", "\"card\":\"13\"", "\"myCard\":\"5\"");
		}
		assertThat(ok(t.as("bo").get(t.session(id, ""))).at("/current/myCard").asText()).isEqualTo("13");
		assertThat(ok(t.as("ana").get(t.session(id, ""))).at("/current/myCard").asText()).isEqualTo("5");
		assertThat(ok(t.as("cy").get(t.session(id, ""))).at("/current/myCard").isNull()).isTrue();
		JsonNode current = ok(t.as("cy").get(t.session(id, ""))).get("current");
		assertThat(current.get("description").asText()).isEqualTo("Rows as **CSV**");
		assertThat(current.get("acceptanceCriteria").get(0).asText()).isEqualTo("Every row");

		ok(t.as("owner").post(t.session(id, "/reveal"), "{\"item\":\"" + item + "\"}"));
		JsonNode revealed = ok(t.as("cy").get(t.session(id, "")));
		assertThat(participant(revealed, "Ana").get("card").asText()).isEqualTo("5");
		assertThat(participant(revealed, "Bo").get("card").asText()).isEqualTo("13");
		assertThat(revealed.at("/current/tally/low").asInt()).isEqualTo(5);
		assertThat(revealed.at("/current/tally/high").asInt()).isEqualTo(13);
		assertThat(revealed.at("/current/tally/proposal").asInt()).isEqualTo(13);
		assertThat(revealed.at("/current/suggestion").isObject()).as("the suggestion, after the reveal").isTrue();
		assertThat(revealed.at("/current/suggestion/reason").asText()).as("a new product's history is too thin")
			.isNotBlank();
	}

	@Test
	void anAcceptedValueBecomesTheItemsEstimateWithHistoryAndTheSessionMovesOn() {
		Team t = team("PKB");
		String first = aStory("Search").in(t.product());
		String second = aStory("Filters").estimate(3).in(t.product());
		long id = start(t, first, second);
		vote(t, id, "ana", "8");
		vote(t, id, "cy", "5");
		ok(t.as("mo").post(t.session(id, "/reveal"), null));
		JsonNode after = ok(t.as("mo").post(t.session(id, "/accept"), "{\"item\":\"" + first + "\",\"estimate\":8}"));

		JsonNode stored = ok(t.product().api().get(t.product().path("/items/" + first)));
		assertThat(stored.get("estimate").asInt()).isEqualTo(8);
		JsonNode history = ok(t.product().api().get(t.product().path("/items/" + first + "/history")));
		assertThat(history.findValues("field")).extracting(JsonNode::asText).contains("estimate");
		JsonNode change = null;
		for (JsonNode h : history) {
			change = "estimate".equals(h.get("field").asText()) ? h : change;
		}
		assertThat(change.get("newValue").asText()).isEqualTo("8");
		assertThat(change.get("changedBy").asText()).isEqualTo("Mo");
		assertThat(after.at("/current/item/key").asText()).isEqualTo(second);
		assertThat(after.at("/current/votes").asInt()).isZero();
		assertThat(after.at("/items/0/outcome").asText()).isEqualTo("ACCEPTED");
		assertThat(after.at("/items/0/estimateBefore").isNull()).isTrue();
		assertThat(after.at("/items/0/accepted").asInt()).isEqualTo(8);
		assertThat(after.at("/summary/estimated").asInt()).isEqualTo(1);
	}

	@Test
	void revotesSkipsAndCloseMakeTheSummary() {
		Team t = team("PKC");
		String fresh = aStory("Fresh").in(t.product());
		String kept = aStory("Kept").estimate(3).in(t.product());
		String changed = aStory("Changed").estimate(2).in(t.product());
		String skipped = aStory("Skipped").in(t.product());
		aStory("Not reached").in(t.product());
		long id = start(t, fresh, kept, changed, skipped, t.product().key() + "-5");
		vote(t, id, "ana", "1");
		ok(t.as("owner").post(t.session(id, "/reveal"), null));
		JsonNode again = ok(t.as("owner").post(t.session(id, "/revote"), null));
		assertThat(again.at("/current/round").asInt()).isEqualTo(2);
		assertThat(again.at("/current/votes").asInt()).isZero();
		assertThat(again.at("/current/revealed").asBoolean()).isFalse();
		for (String[] step : new String[][] { { "2", "2" }, { "3", "3" }, { "5", "5" } }) {
			vote(t, id, "bo", step[0]);
			ok(t.as("owner").post(t.session(id, "/reveal"), null));
			ok(t.as("owner").post(t.session(id, "/accept"), "{\"estimate\":" + step[1] + "}"));
		}
		ok(t.as("owner").post(t.session(id, "/skip"), "{\"item\":\"" + skipped + "\"}"));
		JsonNode closed = ok(t.as("owner").post(t.session(id, "/close"), null));
		assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
		assertThat(closed.get("current").isNull()).isTrue();
		JsonNode summary = closed.get("summary");
		assertThat(List.of(summary.get("estimated").asInt(), summary.get("changed").asInt(),
				summary.get("confirmed").asInt(), summary.get("skipped").asInt(), summary.get("remaining").asInt()))
			.as("estimated, changed, confirmed, skipped, not reached")
			.containsExactly(1, 1, 1, 1, 1);
		assertThat(ok(t.product().api().get(t.product().path("/items/" + changed))).get("estimate").asInt())
			.isEqualTo(5);
		assertThat(ok(t.as("vi").get(t.sessions())).get(0).get("settled").asInt()).isEqualTo(4);
	}

	@Test
	void aSessionWithoutItemsTakesTheTopItemsThatAreNotReadyInBacklogOrder() {
		Team t = team("PKD");
		aStory("Ready already").estimate(3).ready().in(t.product());
		anEpic("Big theme").in(t.product());
		for (int i = 1; i <= 12; i++) {
			aStory("Vague " + i).in(t.product());
		}
		JsonNode s = ok(t.as("mo").post(t.sessions(), "{}"));
		assertThat(s.get("name").asText()).startsWith("Refinement ");
		assertThat(s.get("items").findValues("title")).extracting(JsonNode::asText)
			.containsExactly("Vague 1", "Vague 2", "Vague 3", "Vague 4", "Vague 5", "Vague 6", "Vague 7", "Vague 8",
					"Vague 9", "Vague 10");
		assertThat(ok(t.as("vi").get(t.product().path("/refinement/candidates")))).hasSize(12);
	}

	@Test
	void rolesDecideWhoVotesAndWhoFacilitates() {
		Team t = team("PKE");
		aStory("Roles").in(t.product());
		assertThat(t.as("ana").post(t.sessions(), "{}").status()).as("a member starts no session").isEqualTo(403);
		long id = start(t);
		assertThat(t.as("vi").post(t.session(id, "/vote"), "{\"card\":\"3\"}").status()).isEqualTo(403);
		assertThat(t.as("mo").post(t.session(id, "/vote"), "{\"card\":\"3\"}").status())
			.as("a manager facilitates, members vote")
			.isEqualTo(403);
		assertThat(t.as("vi").post(t.session(id, "/join"), null).status()).isEqualTo(403);
		ok(t.as("ana").post(t.session(id, "/join"), null));
		vote(t, id, "ana", "3");
		assertThat(t.as("ana").post(t.session(id, "/reveal"), null).status()).isEqualTo(403);
		assertThat(t.as("ana").post(t.session(id, "/close"), null).status()).isEqualTo(403);
		ok(t.as("mo").post(t.session(id, "/reveal"), null));
		ok(t.as("mo").post(t.session(id, "/accept"), "{\"estimate\":3}"));
	}

	private static void refused(ApiClient.Response r, int status, String field) {
		assertThat(r.status()).as(r.text()).isEqualTo(status);
		assertThat(r.isProblem()).isTrue();
		if (field != null) {
			assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo(field);
		}
	}

	@Test
	void badInputIsRefusedNamingTheFieldAndWritesNothing() {
		Team t = team("PKF");
		TestProduct other = aProduct("PKX").createdBy(api());
		String theirs = aStory("Theirs").in(other);
		String mine = aStory("Mine").in(t.product());
		String next = aStory("Next").in(t.product());
		ApiClient owner = t.as("owner");
		refused(owner.post(t.sessions(), "{\"items\":[\"" + mine + "\",\"" + theirs + "\"]}"), 400, "items");
		refused(owner.post(t.sessions(), "{\"items\":[\"" + mine + "\",\"" + mine + "\"]}"), 400, "items");
		refused(owner.post(t.sessions(), "{\"items\":[\"PKF-99\"]}"), 400, "items");
		refused(owner.post(t.sessions(), "{\"items\":[]}"), 400, "items");
		refused(owner.post(t.sessions(), "{\"name\":\"a\\u0007b\"}"), 400, "name");
		assertThat(ok(owner.get(t.sessions()))).as("no session was written").isEmpty();

		long id = start(t, mine, next);
		refused(t.as("ana").post(t.session(id, "/vote"), "{\"card\":\"4\"}"), 400, "card");
		refused(t.as("ana").post(t.session(id, "/vote"), "{\"card\":\"3\",\"item\":\"" + theirs + "\"}"), 400, "item");
		refused(t.as("ana").post(t.session(id, "/vote"), "{\"card\":\"3\",\"item\":\"" + next + "\"}"), 409, null);
		refused(owner.post(t.session(id, "/reveal"), null), 409, null);
		vote(t, id, "ana", "3");
		refused(owner.post(t.session(id, "/accept"), "{\"estimate\":3}"), 409, null);
		ok(owner.post(t.session(id, "/reveal"), null));
		refused(t.as("bo").post(t.session(id, "/vote"), "{\"card\":\"5\"}"), 409, null);
		refused(owner.post(t.session(id, "/accept"), "{\"estimate\":4}"), 400, "estimate");
		refused(owner.post(t.session(id, "/accept"), "{\"estimate\":1e999999}"), 400, "estimate");
		assertThat(ok(owner.get(t.product().path("/items/" + mine))).get("estimate").isNull()).isTrue();
		ok(owner.post(t.session(id, "/close"), null));
		refused(t.as("ana").post(t.session(id, "/vote"), "{\"card\":\"3\"}"), 409, null);
		refused(owner.post(t.session(id, "/close"), null), 409, null);
		refused(owner.get(t.session(id + 1000, "")), 404, null);
		refused(owner.get("/api/v1/products/PKX/refinement/sessions/" + id), 404, null);
	}

}
