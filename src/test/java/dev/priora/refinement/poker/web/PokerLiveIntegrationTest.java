package dev.priora.refinement.poker.web;

import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.aStory;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.priora.accounts.AccountService;
import dev.priora.accounts.ProductRole;
import dev.priora.accounts.ProductRoles;
import dev.priora.support.ApiClient;
import dev.priora.support.BrowserlessSession;
import dev.priora.support.EventStream;
import dev.priora.support.IntegrationTestBase;
import dev.priora.support.TestProduct;
import tools.jackson.databind.JsonNode;

/**
 * A team of twelve on one node: each member's page has the product's event stream open,
 * all twelve vote at once, and every stream hears of the reveal, after which every member
 * reads all twelve cards. The stream's events say what happened, never a card.
 */
class PokerLiveIntegrationTest extends IntegrationTestBase {

	private static final int TEAM = 12;

	private static final Duration SOON = Duration.ofSeconds(10);

	@Autowired
	AccountService accounts;

	@Autowired
	ProductRoles roles;

	@Test
	void aTeamOfTwelveVotesAtOnceAndEveryStreamHearsTheReveal() throws Exception {
		TestProduct p = aProduct("PKL").named("Poker live").createdBy(api());
		aStory("Twelve voices").in(p);
		List<ApiClient> members = new ArrayList<>();
		List<EventStream> streams = new ArrayList<>();
		for (int i = 1; i <= TEAM; i++) {
			String email = "m" + i + "@pkl.test";
			accounts.createUser(email, "Member " + i, "password-pkl-1", false);
			roles.grant("PKL", email, ProductRole.MEMBER, accounts.findByEmail(ADMIN_EMAIL).orElseThrow().id());
			members.add(ApiClient.signIn(port, email, "password-pkl-1"));
			streams.add(BrowserlessSession.signIn(port, email, "password-pkl-1").stream("/p/PKL/live", null).ok());
		}
		try {
			String sessions = p.path("/refinement/sessions");
			long id = p.api().post(sessions, "{}").json().get("id").asLong();
			ExecutorService pool = Executors.newFixedThreadPool(TEAM);
			List<Future<Integer>> votes = new ArrayList<>();
			String[] cards = { "1", "2", "3", "5", "8", "13", "?", "coffee", "5", "5", "8", "3" };
			for (int i = 0; i < TEAM; i++) {
				ApiClient member = members.get(i);
				String card = cards[i];
				votes.add(pool
					.submit(() -> member.post(sessions + "/" + id + "/vote", "{\"card\":\"" + card + "\"}").status()));
			}
			for (Future<Integer> v : votes) {
				assertThat(v.get()).isEqualTo(200);
			}
			pool.shutdown();
			JsonNode before = p.api().get(sessions + "/" + id).json();
			assertThat(before.at("/current/votes").asInt()).isEqualTo(TEAM);
			assertThat(before.get("participants")).hasSize(TEAM + 1)
				.allMatch(m -> m.has("card") && m.get("card").isNull());

			assertThat(p.api().post(sessions + "/" + id + "/reveal", null).status()).isEqualTo(200);
			for (EventStream s : streams) {
				List<EventStream.Event> seen = s.until(e -> "poker".equals(e.name())
						&& e.data().contains("\"session\":" + id) && e.data().contains("\"revealed\""), SOON,
						"of the reveal");
				assertThat(seen).filteredOn(e -> "poker".equals(e.name()))
					.allMatch(e -> !e.data().contains("card") && !e.data().contains("coffee"));
			}
			for (ApiClient member : members) {
				JsonNode after = member.get(sessions + "/" + id).json();
				assertThat(after.get("participants").findValues("card")).filteredOn(c -> !c.isNull()).hasSize(TEAM);
				assertThat(after.at("/current/tally/proposal").asInt()).isEqualTo(5);
			}
		}
		finally {
			streams.forEach(EventStream::close);
		}
	}

}
