package dev.priora.planning.web;

import static dev.priora.planning.web.PlanningApiIntegrationTest.await;
import static dev.priora.planning.web.PlanningApiIntegrationTest.create;
import static dev.priora.planning.web.PlanningApiIntegrationTest.itemOnBoard;
import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.aStory;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import dev.priora.support.ApiClient.Response;
import dev.priora.support.ApiClient;
import dev.priora.support.HookReceiver;
import dev.priora.support.IntegrationTestBase;
import dev.priora.support.TestProduct;
import tools.jackson.databind.JsonNode;

/**
 * Applying an optimizer plan and undoing it change items' releases and sprints as every
 * other change does: in each item's history, announced as {@code item.updated}, and never
 * taking an item out of a closed sprint or back into one.
 */
class PlanApplyIntegrationTest extends IntegrationTestBase {

	/**
	 * Product {@code key}: items 1 and 2 (3 and 2 points, worth 1) ran in Sprint 1 of R1,
	 * which closed with both done, and item 2 was reopened since; 3 Valuable (5, worth
	 * 80) and 4 Quick (2, worth 30) unplanned; Sprint 2 of R2 planned. {@code moves}: a
	 * plan made while Sprint 1 ran, which took item 1 out of it.
	 */
	private record ClosedSprint(ApiClient api, String key, long r1, long r2, long s1, long s2, long moves) {

		String base() {
			return "/api/v1/products/" + key;
		}

		String item(int n) {
			return key + "-" + n;
		}

	}

	private ClosedSprint closedSprint(String key) {
		ApiClient api = api();
		String base = "/api/v1/products/" + key;
		setUp(api, key);
		long r1 = create(api, base + "/releases", "{\"name\":\"R1\",\"targetDate\":\"2030-01-31\",\"capacity\":10}");
		long r2 = create(api, base + "/releases", "{\"name\":\"R2\",\"targetDate\":\"2030-03-31\",\"capacity\":10}");
		long s1 = create(api, base + "/sprints", "{\"name\":\"Sprint 1\",\"start\":\"2029-12-01\","
				+ "\"end\":\"2029-12-14\",\"capacity\":6,\"releaseId\":" + r1 + "}");
		long s2 = create(api, base + "/sprints", "{\"name\":\"Sprint 2\",\"start\":\"2029-12-15\","
				+ "\"end\":\"2029-12-28\",\"capacity\":6,\"releaseId\":" + r2 + "}");
		for (String item : new String[] { key + "-1", key + "-2" }) {
			assertThat(api.put(base + "/items/" + item + "/release", "{\"sprintId\":" + s1 + "}", null).status())
				.isEqualTo(204);
		}
		assertThat(api.post(base + "/sprints/" + s1 + "/start", "{\"force\":true}").status()).isEqualTo(200);
		long moves = plan(api, base, "Moves the sprint", key + "-1");
		assertThat(await(api, base, moves).get("sprintChanges").toString()).contains("\"key\":\"" + key + "-1\"");
		status(api, base, key + "-1", "READY", "IN_PROGRESS", "DONE");
		status(api, base, key + "-2", "READY", "IN_PROGRESS", "DONE");
		assertThat(api.post(base + "/sprints/" + s1 + "/close", "{}").status()).isEqualTo(200);
		status(api, base, key + "-2", "IN_PROGRESS");
		return new ClosedSprint(api, key, r1, r2, s1, s2, moves);
	}

	@Test
	void anApplyLeavesTheItemsOfASprintClosedSinceThePlanWhereTheyAre() {
		ClosedSprint c = closedSprint("PLH");
		ApiClient api = c.api();
		assertThat(api.get(c.base() + "/plans/" + c.moves()).json().get("sprintChanges"))
			.as("the preview no longer lists them")
			.isEmpty();
		Response applied = api.post(c.base() + "/plans/" + c.moves() + "/apply", "{\"sprintItems\":\"MOVE\"}");
		assertThat(applied.status()).as(applied.text()).isEqualTo(200);
		assertThat(itemOnBoard(api, c.base(), c.item(1)).get("sprintId").asLong()).isEqualTo(c.s1());
		assertThat(itemOnBoard(api, c.base(), c.item(2)).get("sprintId").asLong()).isEqualTo(c.s1());
		assertThat(changes(api, c.base(), c.item(1))).as("only the move into Sprint 1 by hand")
			.containsExactly("sprint: - → Sprint 1 ()", "release: - → R1 ()");
	}

	@Test
	void anApplyAndItsUndoAreInEachMovedItemsHistoryAndAnnouncedAsItemUpdated() throws Exception {
		HttpServer receiver = HookReceiver.start();
		ClosedSprint c = closedSprint("PAH");
		ApiClient api = c.api();
		try {
			long hook = webhook(api, c.base(), receiver.getAddress().getPort());
			assertThat(api.post(c.base() + "/plans/" + c.moves() + "/apply", "{\"sprintItems\":\"MOVE\"}").status())
				.isEqualTo(200);
			String valuable = releaseOf(api, c.base(), c.item(3), c.r1(), c.r2());
			assertThat(valuable).as("the valuable item is planned").isNotNull();
			assertThat(changes(api, c.base(), c.item(3)))
				.containsExactly("release: - → " + valuable + " (plan \"Moves the sprint\" applied)");
			assertThat(api.post(c.base() + "/plans/" + c.moves() + "/undo", null).status()).isEqualTo(200);
			assertThat(itemOnBoard(api, c.base(), c.item(3))).isNull();
			assertThat(changes(api, c.base(), c.item(3))).containsExactly(
					"release: " + valuable + " → - (plan \"Moves the sprint\" undone)",
					"release: - → " + valuable + " (plan \"Moves the sprint\" applied)");
			assertThat(deliveries(api, c.base(), hook, c.item(3))).as("item.updated for the apply and the undo")
				.isEqualTo(2);
		}
		finally {
			api.put("/api/v1/admin/webhooks", "{\"allowPrivateTargets\":false}", null);
			receiver.stop(0);
		}
	}

	@Test
	void aNewPlanKeepsTheReopenedItemOfAClosedSprintInItsReleaseEvenWhenPinnedOut() {
		ClosedSprint c = closedSprint("PAK");
		ApiClient api = c.api();
		long keeps = plan(api, c.base(), "Keeps the closed sprint", c.item(2));
		JsonNode kept = await(api, c.base(), keeps);
		assertThat(kept.get("result").get("planned").toString()).contains("\"key\":\"" + c.item(2) + "\"")
			.contains("kept: in Sprint 1, which is closed");
		assertThat(kept.get("sprintChanges")).isEmpty();
		assertThat(api.post(c.base() + "/plans/" + keeps + "/apply", null).status()).isEqualTo(200);
		assertThat(itemOnBoard(api, c.base(), c.item(2)).get("sprintId").asLong()).isEqualTo(c.s1());
		assertThat(api.post(c.base() + "/plans/" + keeps + "/undo", null).status()).isEqualTo(200);
		assertThat(itemOnBoard(api, c.base(), c.item(2)).get("sprintId").asLong()).isEqualTo(c.s1());
	}

	@Test
	void refusesWholeAnUndoThatWouldPutAnItemBackIntoASprintClosedSince() {
		ClosedSprint c = closedSprint("PAU");
		ApiClient api = c.api();
		String base = c.base();
		api.put(base + "/items/" + c.item(4) + "/release", "{\"sprintId\":" + c.s2() + "}", null);
		long out = plan(api, base, "Takes item 4 out", c.item(4));
		await(api, base, out);
		assertThat(api.post(base + "/plans/" + out + "/apply", "{\"sprintItems\":\"MOVE\"}").status()).isEqualTo(200);
		assertThat(itemOnBoard(api, base, c.item(4))).isNull();
		api.put(base + "/items/" + c.item(3) + "/release", "{\"sprintId\":" + c.s2() + "}", null);
		assertThat(api.post(base + "/sprints/" + c.s2() + "/start", "{\"force\":true}").status()).isEqualTo(200);
		assertThat(api.post(base + "/sprints/" + c.s2() + "/close", "{}").status()).isEqualTo(200);
		Response refused = api.post(base + "/plans/" + out + "/undo", null);
		assertThat(refused.status()).as(refused.text()).isEqualTo(409);
		assertThat(refused.json().get("detail").asText()).contains(c.item(4) + " (Sprint 2)")
			.contains("Nothing was changed");
		assertThat(itemOnBoard(api, base, c.item(4))).as("nothing undone").isNull();
		assertThat(releaseOf(api, base, c.item(3), c.r1(), c.r2())).as("nothing undone").isEqualTo("R2");
	}

	/** The product: four items with values. */
	private static void setUp(ApiClient api, String key) {
		TestProduct product = aProduct(key).named("Plan history").createdBy(api);
		String base = product.base();
		String[][] items = { { "Finished in the sprint", "3" }, { "Reopened after the close", "2" },
				{ "Valuable", "5" }, { "Quick", "2" } };
		for (String[] i : items) {
			aStory(i[0]).estimate(i[1]).in(product);
		}
		long model = 0;
		for (JsonNode m : api.get(base + "/scoring-models").json()) {
			if ("VALUE_EFFORT".equals(m.get("preset").asText())) {
				model = m.get("id").asLong();
			}
		}
		api.post(base + "/scoring-models/" + model + "/activate", null);
		int[] values = { 1, 1, 80, 30 };
		for (int i = 0; i < values.length; i++) {
			api.put(base + "/items/" + key + "-" + (i + 1) + "/scores/" + model,
					"{\"inputs\":{\"value\":\"" + values[i] + "\"}}", null);
		}
	}

	/** A webhook for item.updated to the receiver on {@code port}; its id. */
	private static long webhook(ApiClient api, String base, int port) {
		api.put("/api/v1/admin/webhooks", "{\"allowPrivateTargets\":true}", null);
		return create(api, base + "/webhooks",
				"{\"url\":\"http://127.0.0.1:" + port + "/hook\",\"events\":[\"item.updated\"]}");
	}

	/**
	 * Starts a plan free to move the started sprints' items, with one item pinned out.
	 */
	private static long plan(ApiClient api, String base, String name, String pinnedOut) {
		Response started = api.post(base + "/plans", "{\"name\":\"" + name + "\",\"timeLimitSeconds\":5,"
				+ "\"discount\":0,\"keepStartedSprints\":false,\"mustExclude\":[\"" + pinnedOut + "\"]}");
		assertThat(started.status()).as(started.text()).isEqualTo(202);
		return started.json().get("id").asLong();
	}

	private static void status(ApiClient api, String base, String item, String... statuses) {
		for (String status : statuses) {
			String etag = api.get(base + "/items/" + item).etag();
			Response r = api.send("PATCH", base + "/items/" + item + "?force=true", "{\"status\":\"" + status + "\"}",
					etag);
			assertThat(r.status()).as(r.text()).isEqualTo(200);
		}
	}

	/** The item's release and sprint changes, newest first: "field: old → new (note)". */
	private static List<String> changes(ApiClient api, String base, String item) {
		List<String> changes = new ArrayList<>();
		api.get(base + "/items/" + item + "/history").json().forEach(h -> {
			String field = h.get("field").asText();
			if (field.equals("release") || field.equals("sprint")) {
				changes.add(field + ": " + h.path("oldValue").asText("-") + " → " + h.path("newValue").asText("-")
						+ " (" + h.path("note").asText() + ")");
			}
		});
		return changes;
	}

	private static String releaseOf(ApiClient api, String base, String item, long... releases) {
		for (long r : releases) {
			JsonNode release = api.get(base + "/releases/" + r).json();
			for (JsonNode i : release.get("items")) {
				if (item.equals(i.get("key").asText())) {
					return release.get("name").asText();
				}
			}
		}
		return null;
	}

	private static long deliveries(ApiClient api, String base, long hook, String item) {
		long n = 0;
		for (JsonNode d : api.get(base + "/webhooks/" + hook + "/deliveries").json()) {
			if ("item.updated".equals(d.get("event").asText())
					&& d.get("payload").asText().contains("\"key\":\"" + item + "\"")) {
				n++;
			}
		}
		return n;
	}

}
