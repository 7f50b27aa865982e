package dev.priora.portal;

import java.util.Map;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import dev.priora.support.BrowserlessSession;
import dev.priora.support.TestProduct;

import static dev.priora.support.Fixtures.aCustomer;
import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.aStory;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ideas on the portal: each is PORTAL feedback; a vote is feedback of the voter's
 * customer linked wherever the idea is, so linking the idea carries every voter's
 * customer into the item's demand (and taking a vote back takes it out); the status
 * follows the item; what visitors type renders inert; posting is throttled.
 */
class PortalIdeasIntegrationTest extends PortalTestBase {

	@Test
	void votesCarryTheVotersCustomersIntoTheDemandOfTheItemTheIdeaIsLinkedTo() {
		TestProduct p = aProduct("VZF").named("Portal demand").createdBy(api());
		portal(api(), p, Map.of());
		aCustomer("Acme").segment("Enterprise")
			.revenue(120000)
			.currency("EUR")
			.contact("Ann", "ann@acme-vzf.test")
			.in(p);
		aCustomer("Bolt").segment("SMB").revenue(8000).currency("EUR").contact("Bob", "bob@bolt-vzf.test").in(p);
		String item = aStory("Export to Excel").estimate(3).in(p);
		BrowserlessSession ann = visitor("VZF", "ann@acme-vzf.test");
		long idea = postIdea(ann, "VZF", "Excel export of orders", "Every Monday we copy orders by hand.");
		BrowserlessSession bea = visitor("VZF", "bea@bolt-vzf.test");
		assertThat(bea.post("/portal/VZF/ideas/" + idea + "/vote", Map.of("importance", "CRITICAL")).statusCode())
			.isEqualTo(302);
		assertThat(bea.get("/portal/VZF/ideas/" + idea).body()).contains("You voted");
		long feedback = teamIdea(p, idea).get("feedbackId").asLong();
		assertThat(api().get(p.path("/feedback/" + feedback)).json().get("channel").asText()).isEqualTo("PORTAL");
		var link = api().post(p.path("/feedback/" + feedback + "/links"),
				"{\"item\":\"" + item + "\",\"importance\":\"IMPORTANT\"}");
		assertThat(link.status()).as(link.text()).isEqualTo(200);
		JsonNode demand = api().get(p.path("/items/" + item + "/demand")).json();
		assertThat(demand.get("customers").asInt()).isEqualTo(2);
		assertThat(teamIdea(p, idea).get("customers").asInt()).isEqualTo(2);
		assertThat(teamIdea(p, idea).get("revenue").get("EUR").decimalValue()).isEqualByComparingTo("128000");
		assertThat(ann.get("/portal/VZF/ideas/" + idea).body()).contains("Planned");
		assertThat(bea.post("/portal/VZF/ideas/" + idea + "/unvote", Map.of()).statusCode()).isEqualTo(302);
		assertThat(api().get(p.path("/items/" + item + "/demand")).json().get("customers").asInt()).isEqualTo(1);
		assertThat(ann.get("/portal/VZF/ideas.json?sort=top").body()).contains("\"votes\":1");
	}

	@Test
	void aSecondVoteOfOnePersonIsNotCountedAndAVoteAfterTheLinkIsLinkedToo() {
		TestProduct p = aProduct("VZG").named("Portal one vote").createdBy(api());
		portal(api(), p, Map.of());
		aCustomer("Cargo").revenue(5000).currency("USD").contact("Cid", "cid@cargo-vzg.test").in(p);
		String item = aStory("Dark mode").estimate(2).in(p);
		BrowserlessSession poster = visitor("VZG", "pat@free-vzg.test");
		long idea = postIdea(poster, "VZG", "Dark mode please", "My eyes hurt at night.");
		long feedback = teamIdea(p, idea).get("feedbackId").asLong();
		api().post(p.path("/feedback/" + feedback + "/links"),
				"{\"item\":\"" + item + "\",\"importance\":\"NICE_TO_HAVE\"}");
		BrowserlessSession cid = visitor("VZG", "cid@cargo-vzg.test");
		cid.post("/portal/VZG/ideas/" + idea + "/vote", Map.of());
		cid.post("/portal/VZG/ideas/" + idea + "/vote", Map.of("importance", "IMPORTANT"));
		assertThat(teamIdea(p, idea).get("votes").asInt()).isEqualTo(2);
		JsonNode demand = api().get(p.path("/items/" + item + "/demand")).json();
		assertThat(demand.get("customers").asInt()).isEqualTo(1);
		assertThat(demand.get("revenue").get("USD").decimalValue()).isEqualByComparingTo("5000");
	}

	@Test
	void whatVisitorsTypeRendersInertOnThePortalAndTheTeamsPage() {
		TestProduct p = aProduct("VZH").named("Portal XSS").createdBy(api());
		portal(api(), p, Map.of());
		BrowserlessSession v = visitor("VZH", "xss@vzh.test");
		long idea = postIdea(v, "VZH", "<script>alert('t')</script>",
				"<img src=x onerror=alert(1)> [x](javascript:alert(2))");
		v.post("/portal/VZH/ideas/" + idea + "/comments", Map.of("body", "<svg onload=alert(3)>"));
		for (String page : new String[] { v.get("/portal/VZH/ideas/" + idea).body(), v.get("/portal/VZH").body() }) {
			assertThat(page).doesNotContain("<script>alert", "<img src=x", "<svg onload", "javascript:alert");
			assertThat(page).contains("&lt;script&gt;");
		}
		var team = BrowserlessSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD).get("/p/VZH/portal");
		assertThat(team.statusCode()).isEqualTo(200);
		assertThat(team.body()).doesNotContain("<script>alert").contains("&lt;script&gt;");
	}

	@Test
	void manyIdeasFromOneVisitorAreThrottledWithAClearMessageAndBadOnesNameTheirField() {
		TestProduct p = aProduct("VZI").named("Portal throttle").createdBy(api());
		portal(api(), p, Map.of());
		BrowserlessSession v = visitor("VZI", "busy@vzi.test");
		assertThat(v.post("/portal/VZI/ideas", Map.of("title", "", "text", "x")).body())
			.contains("title: is one line of 1 to 300 characters");
		assertThat(
				v.post("/portal/VZI/ideas", Map.of("title", "Bot", "text", "spam", "website", "http://x")).statusCode())
			.isEqualTo(302);
		for (int i = 0; i < 10; i++) {
			postIdea(v, "VZI", "Idea number " + i, "Text " + i);
		}
		var refused = v.post("/portal/VZI/ideas", Map.of("title", "One more", "text", "and more"));
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.body()).contains("You posted many ideas within the hour");
		assertThat(api().get(p.path("/portal/ideas")).json()).hasSize(10);
	}

	@Test
	void heldIdeasWaitForTheTeamAndADeclineCarriesItsReason() {
		TestProduct p = aProduct("VZJ").named("Portal moderation").createdBy(api());
		portal(api(), p, Map.of("holdNewIdeas", true));
		BrowserlessSession poster = visitor("VZJ", "held@vzj.test");
		long idea = postIdea(poster, "VZJ", "Held idea", "Wait for it.");
		assertThat(poster.get("/portal/VZJ/ideas/" + idea).statusCode()).isEqualTo(200);
		BrowserlessSession other = visitor("VZJ", "other@vzj.test");
		assertThat(other.get("/portal/VZJ/ideas/" + idea).statusCode()).isEqualTo(404);
		assertThat(api().put(p.path("/portal/ideas/" + idea + "/state"), "{\"state\":\"VISIBLE\"}", null).status())
			.isEqualTo(200);
		assertThat(other.get("/portal/VZJ/ideas/" + idea).statusCode()).isEqualTo(200);
		var noReason = api().put(p.path("/portal/ideas/" + idea + "/status"), "{\"status\":\"DECLINED\"}", null);
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.text()).contains("reason");
		api().put(p.path("/portal/ideas/" + idea + "/status"),
				"{\"status\":\"DECLINED\",\"reason\":\"Out of scope for <b>now</b>\"}", null);
		String page = other.get("/portal/VZJ/ideas/" + idea).body();
		assertThat(page).contains("Declined: Out of scope for &lt;b&gt;now&lt;/b&gt;");
	}

	@Test
	void followersAreMailedWhenTheItemTheIdeaIsLinkedToShips() throws Exception {
		TestProduct p = aProduct("VZM").named("Portal shipped").createdBy(api());
		portal(api(), p, Map.of());
		String item = aStory("Bulk edit").estimate(1).ready().in(p);
		BrowserlessSession poster = visitor("VZM", "poster@vzm.test");
		long idea = postIdea(poster, "VZM", "Bulk edit of orders", "Change many orders at once.");
		BrowserlessSession fan = visitor("VZM", "fan@vzm.test");
		fan.post("/portal/VZM/ideas/" + idea + "/follow", Map.of("follow", "true"));
		long feedback = teamIdea(p, idea).get("feedbackId").asLong();
		api().post(p.path("/feedback/" + feedback + "/links"),
				"{\"item\":\"" + item + "\",\"importance\":\"IMPORTANT\"}");
		p.finish(item);
		assertThat(fan.get("/portal/VZM/ideas/" + idea).body()).contains("Shipped");
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(20))
			.until(() -> SMTP.to("fan@vzm.test").stream().anyMatch(PortalIdeasIntegrationTest::shipped)
					&& SMTP.to("poster@vzm.test").stream().anyMatch(PortalIdeasIntegrationTest::shipped));
	}

	private static boolean shipped(jakarta.mail.internet.MimeMessage m) {
		try {
			return m.getSubject().equals("Shipped: Bulk edit of orders");
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
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
