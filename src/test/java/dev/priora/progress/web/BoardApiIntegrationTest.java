package dev.priora.progress.web;

import static dev.priora.support.Fixtures.aProduct;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.priora.support.ApiClient;
import dev.priora.support.IntegrationTestBase;
import tools.jackson.databind.JsonNode;

/** The sprint board as JSON, WIP limits, and the backlog's assignee filter. */
class BoardApiIntegrationTest extends IntegrationTestBase {

	@Test
	void theBoardShowsTheSprintsCardsByStatusWithAssigneeEstimateAndBlockers() {
		ApiClient api = api();
		BoardFixture f = BoardFixture.create(api, "BRA");
		f.product().finish("BRA-3");
		JsonNode board = api.get(f.base() + "/board").json();
		assertThat(board.get("scope").get("id").asLong()).isEqualTo(f.sprint());
		assertThat(statuses(board.get("columns"))).containsExactly("NEW", "READY", "IN_PROGRESS", "DONE");
		assertThat(board.get("columns").get(0).get("count").asInt()).isEqualTo(4);
		assertThat(board.get("columns").get(3).get("count").asInt()).isEqualTo(1);
		JsonNode cards = board.get("lanes").get(0).get("cells").get(0).get("cards");
		assertThat(keys(cards)).containsExactly("BRA-1", "BRA-2", "BRA-4", "BRA-5");
		JsonNode first = cards.get(0);
		assertThat(first.get("assignee").asText()).isEqualTo("Ada Admin");
		assertThat(first.get("estimate").decimalValue()).isEqualByComparingTo("5");
		assertThat(first.get("epic").asText()).isEqualTo("BRA-6");
		assertThat(first.get("blocked").asBoolean()).isFalse();
		assertThat(cards.get(2).get("blocked").asBoolean()).isTrue();
		assertThat(cards.get(2).get("blockedBy").get(0).asText()).isEqualTo("BRA-5");
	}

	@Test
	void lanesGroupCardsByAssigneeOrEpicAndMineKeepsTheReadersCards() {
		ApiClient api = api();
		BoardFixture f = BoardFixture.create(api, "BRL");
		JsonNode byAssignee = api.get(f.base() + "/board?lanes=assignee").json().get("lanes");
		assertThat(labels(byAssignee)).containsExactly("Ada Admin", "Bo Builder", "Unassigned");
		assertThat(byAssignee.get(2).get("cells").get(0).get("cards")).hasSize(2);
		JsonNode byEpic = api.get(f.base() + "/board?lanes=epic").json().get("lanes");
		assertThat(labels(byEpic)).containsExactly("BRL-6 Checkout epic", "No epic");
		JsonNode mine = api.get(f.base() + "/board?mine=true").json();
		assertThat(mine.get("readerOnTeam").asBoolean()).isTrue();
		assertThat(keys(mine.get("lanes").get(0).get("cells").get(0).get("cards"))).containsExactly("BRL-1", "BRL-3");
		assertThat(mine.get("columns").get(0).get("count").asInt()).as("WIP counts every card").isEqualTo(5);
		JsonNode release = api.get(f.base() + "/board?release=" + f.release()).json();
		assertThat(release.get("scope").get("kind").asText()).isEqualTo("release");
		assertThat(release.get("columns").get(0).get("count").asInt()).isEqualTo(5);
	}

	@Test
	void wipLimitsAreKeptPerProductAndFlagAColumnOverTheLimit() {
		ApiClient api = api();
		BoardFixture f = BoardFixture.create(api, "BRW");
		var put = api.put(f.base() + "/board/wip-limits", "{\"limits\":{\"NEW\":2,\"IN_PROGRESS\":3}}", null);
		assertThat(put.status()).as(put.text()).isEqualTo(200);
		assertThat(api.get(f.base() + "/board/wip-limits").json().get("limits").get("IN_PROGRESS").asInt())
			.isEqualTo(3);
		JsonNode todo = api.get(f.base() + "/board").json().get("columns").get(0);
		assertThat(todo.get("wipLimit").asInt()).isEqualTo(2);
		assertThat(todo.get("overLimit").asBoolean()).isTrue();
		api.put(f.base() + "/board/wip-limits", "{\"limits\":{\"NEW\":null}}", null);
		assertThat(api.get(f.base() + "/board/wip-limits").json().get("limits").size()).isZero();
	}

	@Test
	void badBoardInputIsAProblemNamingTheField() {
		ApiClient api = api();
		BoardFixture f = BoardFixture.create(api, "BRB");
		var unknown = api.put(f.base() + "/board/wip-limits", "{\"limits\":{\"SOMEDAY\":2}}", null);
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.text()).contains("limits");
		var zero = api.put(f.base() + "/board/wip-limits", "{\"limits\":{\"READY\":0}}", null);
		assertThat(zero.status()).isEqualTo(400);
		assertThat(zero.text()).contains("limits.READY");
		assertThat(api.put(f.base() + "/board/wip-limits", "{}", null).status()).isEqualTo(400);
		assertThat(api.get(f.base() + "/board?lanes=colour").status()).isEqualTo(400);
		assertThat(api.get(f.base() + "/board?sprint=999999").status()).isEqualTo(404);
		assertThat(api.get(f.base() + "/board?sprint=abc").status()).isEqualTo(400);
		assertThat(api.get(f.base() + "/board/wip-limits").json().get("limits").size()).as("nothing half-written")
			.isZero();
	}

	@Test
	void theBacklogListsAssigneesAndFiltersByMeNobodyOrAMember() {
		ApiClient api = api();
		BoardFixture f = BoardFixture.create(api, "BRF");
		String items = f.base() + "/items?limit=50";
		assertThat(keys(api.get(items + "&assignee=me").json().get("items"))).containsExactly("BRF-1", "BRF-3");
		assertThat(keys(api.get(items + "&assignee=" + f.bo()).json().get("items"))).containsExactly("BRF-2");
		assertThat(keys(api.get(items + "&assignee=none").json().get("items"))).containsExactly("BRF-4", "BRF-5",
				"BRF-6");
		assertThat(api.get(items).json().get("items").get(0).get("assignee").asText()).isEqualTo("Ada Admin");
		var bad = api.get(items + "&assignee=someone");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.text()).contains("assignee");
	}

	@Test
	void theBoardWithoutSprintsIsEmpty() {
		ApiClient api = api();
		aProduct("BRE").named("Empty board").createdBy(api);
		JsonNode board = api.get("/api/v1/products/BRE/board").json();
		assertThat(board.get("scope").get("kind").asText()).isEqualTo("none");
		assertThat(board.get("columns")).hasSize(4);
	}

	static List<String> keys(JsonNode cards) {
		List<String> keys = new ArrayList<>();
		cards.forEach(c -> keys.add(c.get("key").asText()));
		return keys;
	}

	private static List<String> statuses(JsonNode columns) {
		List<String> s = new ArrayList<>();
		columns.forEach(c -> s.add(c.get("status").asText()));
		return s;
	}

	private static List<String> labels(JsonNode lanes) {
		List<String> s = new ArrayList<>();
		lanes.forEach(l -> s.add(l.get("label").asText()));
		return s;
	}

}
