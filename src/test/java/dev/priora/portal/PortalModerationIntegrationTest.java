package dev.priora.portal;

import java.util.Map;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import dev.priora.support.ApiClient;
import dev.priora.support.BrowserlessSession;
import dev.priora.support.TestProduct;

import static dev.priora.support.Fixtures.aCustomer;
import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.aStory;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The team's second half of moderation: merging duplicate ideas (votes, followers and
 * comments move, each person counted once, the items' demand stays right, the merged idea
 * redirects), comments held for review, and the product's own names for the statuses.
 */
class PortalModerationIntegrationTest extends PortalTestBase {

	@Test
	void mergingADuplicateMovesVotesFollowersAndCommentsAndCountsEachCustomerOnce() {
		TestProduct p = aProduct("VZN").named("Portal merge").createdBy(api());
		portal(api(), p, Map.of());
		aCustomer("Acme").revenue(100000).currency("EUR").contact("Ann", "ann@acme-vzn.test").in(p);
		aCustomer("Bolt").revenue(5000).currency("EUR").contact("Bob", "bob@bolt-vzn.test").in(p);
		aCustomer("Cargo").revenue(700).currency("EUR").contact("Cid", "cid@cargo-vzn.test").in(p);
		String item = aStory("CSV export").estimate(3).in(p);
		String other = aStory("CSV import").estimate(3).in(p);
		BrowserlessSession ann = visitor("VZN", "ann@acme-vzn.test");
		long kept = postIdea(ann, "VZN", "Export orders as CSV", "For our accountant.");
		BrowserlessSession bob = visitor("VZN", "bob@bolt-vzn.test");
		long dup = postIdea(bob, "VZN", "CSV download of orders", "Same thing really.");
		BrowserlessSession cid = visitor("VZN", "cid@cargo-vzn.test");
		// Ann votes for both (NICE on the kept one is her own idea: no importance;
		// CRITICAL on the duplicate)
		ann.post("/portal/VZN/ideas/" + dup + "/vote", Map.of("importance", "CRITICAL"));
		cid.post("/portal/VZN/ideas/" + dup + "/vote", Map.of("importance", "IMPORTANT"));
		cid.post("/portal/VZN/ideas/" + dup + "/comments", Map.of("body", "We need this *weekly*."));
		link(p, kept, item, "IMPORTANT");
		link(p, dup, other, "NICE_TO_HAVE");
		assertThat(demand(p, item).get("customers").asInt()).isEqualTo(1);
		assertThat(demand(p, other).get("customers").asInt()).isEqualTo(3);

		var bad = api().post(p.path("/portal/ideas/" + dup + "/merge"), "{\"into\":" + dup + "}");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.text()).contains("into");
		assertThat(api().post(p.path("/portal/ideas/" + dup + "/merge"), "{}").status()).isEqualTo(400);
		var merged = api().post(p.path("/portal/ideas/" + dup + "/merge"), "{\"into\":" + kept + "}");
		assertThat(merged.status()).as(merged.text()).isEqualTo(200);
		assertThat(merged.json().get("votes").asInt()).isEqualTo(3);
		assertThat(merged.json().get("customers").asInt()).isEqualTo(3);
		assertThat(api().post(p.path("/portal/ideas/" + dup + "/merge"), "{\"into\":" + kept + "}").status())
			.isEqualTo(409);

		// each customer once in both items' demand, at the higher importance
		JsonNode d = demand(p, item);
		assertThat(d.get("customers").asInt()).isEqualTo(3);
		assertThat(d.get("revenue").get("EUR").decimalValue()).isEqualByComparingTo("105700");
		assertThat(demand(p, other).get("customers").asInt()).isEqualTo(3);
		assertThat(teamIdea(p, dup).get("mergedInto").asLong()).isEqualTo(kept);

		// the visitor side: the duplicate redirects, the kept idea shows the comment and
		// counts
		var old = cid.get("/portal/VZN/ideas/" + dup);
		assertThat(old.statusCode()).isEqualTo(302);
		assertThat(old.headers().firstValue("Location").orElse("")).endsWith("/portal/VZN/ideas/" + kept);
		String page = cid.get("/portal/VZN/ideas/" + kept).body();
		assertThat(page).contains("<em>weekly</em>", "You voted", "Following: stop");
		assertThat(bob.get("/portal/VZN/ideas/" + kept).body()).contains("You voted");
		assertThat(ann.get("/portal/VZN").body()).doesNotContain("CSV download of orders");
		assertThat(ann.post("/portal/VZN/ideas/" + dup + "/vote", Map.of()).statusCode()).isEqualTo(404);
	}

	@Test
	void heldCommentsWaitForTheTeamWhoApprovesRejectsOrMarksSpam() {
		TestProduct p = aProduct("VZO").named("Portal comments").createdBy(api());
		portal(api(), p, Map.of("holdNewComments", true));
		BrowserlessSession poster = visitor("VZO", "poster@vzo.test");
		long idea = postIdea(poster, "VZO", "Keyboard shortcuts", "For power users.");
		BrowserlessSession other = visitor("VZO", "other@vzo.test");
		var posted = other.post("/portal/VZO/ideas/" + idea + "/comments", Map.of("body", "Yes, and vim keys"));
		assertThat(posted.statusCode()).isEqualTo(302);
		other.post("/portal/VZO/ideas/" + idea + "/comments", Map.of("body", "Buy cheap pills"));
		other.post("/portal/VZO/ideas/" + idea + "/comments", Map.of("body", "Off topic rant"));
		assertThat(other.get("/portal/VZO/ideas/" + idea).body()).contains("vim keys", "Waiting for review");
		assertThat(poster.get("/portal/VZO/ideas/" + idea).body()).doesNotContain("vim keys").contains("0 comments");
		JsonNode held = api().get(p.path("/portal/comments")).json();
		assertThat(held).hasSize(3);
		assertThat(held.get(0).get("author").asText()).isEqualTo("other@vzo.test");
		long rant = held.get(0).get("id").asLong();
		long pills = held.get(1).get("id").asLong();
		long vim = held.get(2).get("id").asLong();
		assertThat(state(p, vim, "VISIBLE")).isEqualTo(204);
		assertThat(state(p, pills, "SPAM")).isEqualTo(204);
		assertThat(state(p, rant, "REJECTED")).isEqualTo(204);
		assertThat(state(p, rant, "LOUD")).isEqualTo(400);
		assertThat(state(p, 987654321L, "VISIBLE")).isEqualTo(404);
		String page = poster.get("/portal/VZO/ideas/" + idea).body();
		assertThat(page).contains("vim keys", "1 comment").doesNotContain("pills", "rant");
		assertThat(api().get(p.path("/portal/comments")).json()).isEmpty();
		assertThat(api().get(p.path("/portal/comments?state=SPAM")).json()).hasSize(1);
		assertThat(teamIdea(p, idea).get("heldComments").asInt()).isZero();
	}

	@Test
	void eachProductNamesItsStatusesAndTheStatusFollowsTheItemUnlessSetByHand() {
		TestProduct p = aProduct("VZP").named("Portal statuses").createdBy(api());
		portal(api(), p, Map.of("statusNames",
				Map.of("PLANNED", "On our list", "SHIPPED", "Live <now>", "DECLINED", "Not for us")));
		var tooLong = api().get(p.path("/portal"));
		var refused = api().put(p.path("/portal"),
				"{\"enabled\":true,\"title\":\"T\",\"colour\":\"#000000\",\"statusNames\":{\"PLANNED\":\""
						+ "x".repeat(41) + "\"}}",
				tooLong.etag());
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.text()).contains("statusNames");
		assertThat(api().get(p.path("/portal")).json().get("statusNames").get("PLANNED").asText())
			.isEqualTo("On our list");
		String item = aStory("Two factor").estimate(2).ready().in(p);
		BrowserlessSession v = visitor("VZP", "v@vzp.test");
		long idea = postIdea(v, "VZP", "Two-factor sign-in", "Security team asks.");
		assertThat(v.get("/portal/VZP/ideas/" + idea).body()).contains("Under review");
		link(p, idea, item, "IMPORTANT");
		assertThat(v.get("/portal/VZP").body()).contains("On our list");
		move(p, item, "READY", "IN_PROGRESS");
		assertThat(v.get("/portal/VZP/ideas/" + idea).body()).contains("In progress");
		move(p, item, "DONE");
		assertThat(v.get("/portal/VZP/ideas/" + idea).body()).contains("Live &lt;now&gt;");
		api().put(p.path("/portal/ideas/" + idea + "/status"),
				"{\"status\":\"DECLINED\",\"reason\":\"We chose passkeys\"}", null);
		assertThat(v.get("/portal/VZP/ideas/" + idea).body()).contains("Not for us: We chose passkeys");
		api().put(p.path("/portal/ideas/" + idea + "/status"), "{\"status\":null}", null);
		assertThat(v.get("/portal/VZP/ideas/" + idea).body()).contains("Live &lt;now&gt;")
			.doesNotContain("We chose passkeys");
	}

	private void move(TestProduct p, String item, String... statuses) {
		for (String status : statuses) {
			String etag = api().get(p.path("/items/" + item)).etag();
			var r = api().patch(p.path("/items/" + item), ApiClient.json(Map.of("status", status)), etag);
			assertThat(r.status()).as(r.text()).isEqualTo(200);
		}
	}

	private int state(TestProduct p, long comment, String state) {
		return api().put(p.path("/portal/comments/" + comment + "/state"), "{\"state\":\"" + state + "\"}", null)
			.status();
	}

	private void link(TestProduct p, long idea, String item, String importance) {
		long feedback = teamIdea(p, idea).get("feedbackId").asLong();
		var r = api().post(p.path("/feedback/" + feedback + "/links"),
				"{\"item\":\"" + item + "\",\"importance\":\"" + importance + "\"}");
		assertThat(r.status()).as(r.text()).isEqualTo(200);
	}

	private JsonNode demand(TestProduct p, String item) {
		return api().get(p.path("/items/" + item + "/demand")).json();
	}

	private JsonNode teamIdea(TestProduct p, long idea) {
		for (JsonNode i : api().get(p.path("/portal/ideas")).json()) {
			if (i.get("id").asLong() == idea) {
				return i;
			}
		}
		throw new AssertionError("no idea " + idea);
	}

}
