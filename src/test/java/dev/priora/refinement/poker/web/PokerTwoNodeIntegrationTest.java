package dev.priora.refinement.poker.web;

import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.aStory;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import dev.priora.accounts.AccountService;
import dev.priora.accounts.ProductRole;
import dev.priora.accounts.ProductRoles;
import dev.priora.support.ApiClient;
import dev.priora.support.BrowserlessSession;
import dev.priora.support.EventStream;
import dev.priora.support.IntegrationTestBase;
import dev.priora.support.SecondNode;
import dev.priora.support.TestProduct;
import tools.jackson.databind.JsonNode;

/**
 * A session is stored, not held by a node: a member on a second node votes into the
 * session started on the first, still sees nobody else's card, hears of the reveal made
 * on the first node on a stream open on the second, and reads the same revealed state
 * there.
 */
class PokerTwoNodeIntegrationTest extends IntegrationTestBase {

	@Autowired
	Environment env;

	@Autowired
	AccountService accounts;

	@Autowired
	ProductRoles roles;

	@Test
	void aSecondNodeShowsTheSameSessionAndHearsTheReveal() throws Exception {
		TestProduct p = aProduct("PKN").named("Poker nodes").createdBy(api());
		aStory("Across nodes").in(p);
		for (String who : new String[] { "ann", "bea" }) {
			accounts.createUser(who + "@pkn.test", who, "password-pkn-1", false);
			roles.grant("PKN", who + "@pkn.test", ProductRole.MEMBER,
					accounts.findByEmail(ADMIN_EMAIL).orElseThrow().id());
		}
		String sessions = p.path("/refinement/sessions");
		long id = p.api().post(sessions, "{}").json().get("id").asLong();
		ApiClient annOnA = ApiClient.signIn(port, "ann@pkn.test", "password-pkn-1");
		assertThat(annOnA.post(sessions + "/" + id + "/vote", "{\"card\":\"8\"}").status()).isEqualTo(200);
		try (SecondNode nodeB = SecondNode.start(env, "priora-poker-node-b");
				EventStream stream = BrowserlessSession.signIn(nodeB.port(), "bea@pkn.test", "password-pkn-1")
					.stream("/p/PKN/live", null)
					.ok()) {
			ApiClient beaOnB = ApiClient.signIn(nodeB.port(), "bea@pkn.test", "password-pkn-1");
			JsonNode voted = beaOnB.post(sessions + "/" + id + "/vote", "{\"card\":\"3\"}").json();
			assertThat(voted.at("/current/votes").asInt()).isEqualTo(2);
			assertThat(voted.at("/current/myCard").asText()).isEqualTo("3");
			assertThat(voted.toString()).doesNotContain("\"card\":\"8\"");

			assertThat(p.api().post(sessions + "/" + id + "/reveal", null).status()).isEqualTo(200);
			stream.await(e -> "poker".equals(e.name()) && e.data().contains("\"revealed\""), Duration.ofSeconds(10),
					"on node B of the reveal on node A");
			JsonNode onB = beaOnB.get(sessions + "/" + id).json();
			assertThat(onB.at("/current/revealed").asBoolean()).isTrue();
			assertThat(onB.at("/current/tally/low").asInt()).isEqualTo(3);
			assertThat(onB.at("/current/tally/high").asInt()).isEqualTo(8);
		}
	}

}
