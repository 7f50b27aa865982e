package dev.priora.progress.web;

import static dev.priora.support.Fixtures.aSprint;
import static dev.priora.support.Fixtures.aStory;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.annotation.Import;

import dev.priora.support.ApiClient;
import dev.priora.support.BrowserlessSession;
import dev.priora.support.IntegrationTestBase;
import dev.priora.support.RequestProbe;
import tools.jackson.databind.JsonNode;

/**
 * The board reads only its scope: as many SQL statements for a product with six sprints
 * and a larger backlog as for one with a single sprint, while cards still show what lies
 * outside the scope (a prerequisite in the backlog, an epic's place in the backlog).
 */
@Import(RequestProbe.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoardScaleIntegrationTest extends IntegrationTestBase {

	BoardFixture small;

	BoardFixture large;

	BrowserlessSession session;

	@BeforeAll
	void products() {
		ApiClient api = api();
		small = BoardFixture.create(api, "BSS");
		large = BoardFixture.create(api, "BSL");
		for (int s = 2; s <= 6; s++) {
			aSprint("Sprint " + s).starting(LocalDate.now().plusDays(14L * s))
				.capacity(10)
				.forRelease(large.release())
				.in(large.product());
		}
		// BSL-7…BSL-36 stay in the backlog; BSL-4 also waits on BSL-7; BSL-37 is an epic
		for (int i = 7; i <= 36; i++) {
			aStory("Backlog story " + i).estimate(3).ready().in(large.product());
		}
		ok(api.post(large.base() + "/items/BSL-4/dependencies", "{\"kind\":\"DEPENDS_ON\",\"target\":\"BSL-7\"}"));
		ok(api.post(large.base() + "/items", "{\"type\":\"EPIC\",\"title\":\"Search epic\"}"));
		String etag = api.get(large.base() + "/items/BSL-3").etag();
		ok(api.patch(large.base() + "/items/BSL-3", "{\"parent\":\"BSL-37\"}", etag));
		ok(api.post(large.base() + "/items/BSL-37/move", "{\"position\":\"top\"}"));
		session = BrowserlessSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
	}

	@Test
	void theBoardRunsAsManyStatementsWithSixSprintsAndALargerBacklogAsWithOneSprint() {
		for (String query : new String[] { "", "?lanes=assignee", "?lanes=epic&mine=true" }) {
			int one = statements("/p/BSS/board" + query);
			int six = statements("/p/BSL/board" + query);
			assertThat(six).as("statements of the board page %s with six sprints (one sprint: %d)", query, one)
				.isLessThanOrEqualTo(one);
		}
		assertThat(statements("/p/BSL/board?release=" + large.release()))
			.isLessThanOrEqualTo(statements("/p/BSS/board?release=" + small.release()));
	}

	@Test
	void aPrerequisiteOutsideTheSprintBlocksACardUntilItIsDone() {
		ApiClient api = api();
		JsonNode card = card(api.get(large.base() + "/board").json(), "BSL-4");
		assertThat(card.get("blockedBy").toString()).isEqualTo("[\"BSL-5\",\"BSL-7\"]");
		large.product().finish("BSL-7");
		card = card(api.get(large.base() + "/board").json(), "BSL-4");
		assertThat(card.get("blockedBy").toString()).isEqualTo("[\"BSL-5\"]");
		assertThat(card.get("version").asLong())
			.isEqualTo(api.get(large.base() + "/items/BSL-4").json().get("version").asLong());
	}

	@Test
	void epicLanesFollowTheEpicsBacklogOrder() {
		JsonNode lanes = api().get(large.base() + "/board?lanes=epic").json().get("lanes");
		assertThat(lanes).hasSize(3);
		assertThat(lanes.get(0).get("label").asText()).isEqualTo("BSL-37 Search epic");
		assertThat(lanes.get(1).get("label").asText()).isEqualTo("BSL-6 Checkout epic");
		assertThat(lanes.get(2).get("label").asText()).isEqualTo("No epic");
	}

	private static JsonNode card(JsonNode board, String key) {
		for (JsonNode lane : board.get("lanes")) {
			for (JsonNode cell : lane.get("cells")) {
				for (JsonNode c : cell.get("cards")) {
					if (key.equals(c.get("key").asText())) {
						return c;
					}
				}
			}
		}
		throw new AssertionError(key + " is not on the board " + board);
	}

	private int statements(String path) {
		probe(path);
		return probe(path).count();
	}

	private RequestProbe.Result probe(String path) {
		String id = UUID.randomUUID().toString();
		var response = session.withHeader(RequestProbe.HEADER, id).get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return RequestProbe.await(id);
	}

	private static void ok(ApiClient.Response r) {
		assertThat(r.status()).as(r.text()).isLessThan(300);
	}

}
