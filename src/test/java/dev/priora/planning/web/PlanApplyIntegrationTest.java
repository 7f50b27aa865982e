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

	private static final String BASE = "/api/v1/products/PLH";

	@Test
	void appliesAndUndoesInTheItemHistoryAndNeverMovesAnItemOfAClosedSprint() throws Exception {
		HttpServer receiver = HookReceiver.start();
		ApiClient api = api();
		try {
			long hook = setUp(api, receiver.getAddress().getPort());
			long r1 = create(api, BASE + "/releases",
					"{\"name\":\"R1\",\"targetDate\":\"2030-01-31\",\"capacity\":10}");
			long r2 = create(api, BASE + "/releases",
					"{\"name\":\"R2\",\"targetDate\":\"2030-03-31\",\"capacity\":10}");
			long s1 = create(api, BASE + "/sprints", "{\"name\":\"Sprint 1\",\"start\":\"2029-12-01\","
					+ "\"end\":\"2029-12-14\",\"capacity\":6,\"releaseId\":" + r1 + "}");
			long s2 = create(api, BASE + "/sprints", "{\"name\":\"Sprint 2\",\"start\":\"2029-12-15\","
					+ "\"end\":\"2029-12-28\",\"capacity\":6,\"releaseId\":" + r2 + "}");
			for (String item : new String[] { "PLH-1", "PLH-2" }) {
				assertThat(api.put(BASE + "/items/" + item + "/release", "{\"sprintId\":" + s1 + "}", null).status())
					.isEqualTo(204);
			}
			assertThat(api.post(BASE + "/sprints/" + s1 + "/start", "{\"force\":true}").status()).isEqualTo(200);

			// a plan made while Sprint 1 runs takes PLH-1 out of it
			long moves = plan(api, "Moves the sprint", "PLH-1");
			assertThat(await(api, BASE, moves).get("sprintChanges").toString()).contains("\"key\":\"PLH-1\"");

			// then Sprint 1 closes with both items done, and PLH-2 is reopened in it
			status(api, "PLH-1", "READY", "IN_PROGRESS", "DONE");
			status(api, "PLH-2", "READY", "IN_PROGRESS", "DONE");
			assertThat(api.post(BASE + "/sprints/" + s1 + "/close", "{}").status()).isEqualTo(200);
			status(api, "PLH-2", "IN_PROGRESS");

			// the closed sprint keeps its items: the preview no longer lists them, and
			// the
			// apply leaves them where they are
			assertThat(api.get(BASE + "/plans/" + moves).json().get("sprintChanges")).isEmpty();
			Response applied = api.post(BASE + "/plans/" + moves + "/apply", "{\"sprintItems\":\"MOVE\"}");
			assertThat(applied.status()).as(applied.text()).isEqualTo(200);
			assertThat(itemOnBoard(api, BASE, "PLH-1").get("sprintId").asLong()).isEqualTo(s1);
			assertThat(itemOnBoard(api, BASE, "PLH-2").get("sprintId").asLong()).isEqualTo(s1);
			assertThat(changes(api, "PLH-1")).as("only the move into Sprint 1 by hand")
				.containsExactly("sprint: - → Sprint 1 ()", "release: - → R1 ()");

			// every item the apply moved has it in its history, and the undo too
			String valuable = itemOnBoard(api, BASE, "PLH-3") == null ? null : releaseOf(api, "PLH-3", r1, r2);
			assertThat(valuable).as("the valuable item is planned").isNotNull();
			assertThat(changes(api, "PLH-3"))
				.containsExactly("release: - → " + valuable + " (plan \"Moves the sprint\" applied)");
			assertThat(api.post(BASE + "/plans/" + moves + "/undo", null).status()).isEqualTo(200);
			assertThat(itemOnBoard(api, BASE, "PLH-3")).isNull();
			assertThat(changes(api, "PLH-3")).containsExactly(
					"release: " + valuable + " → - (plan \"Moves the sprint\" undone)",
					"release: - → " + valuable + " (plan \"Moves the sprint\" applied)");
			assertThat(deliveries(api, hook, "PLH-3")).as("item.updated for the apply and the undo").isEqualTo(2);

			// a new plan keeps the reopened item of the closed sprint in its release,
			// even
			// when pinned out
			long keeps = plan(api, "Keeps the closed sprint", "PLH-2");
			JsonNode kept = await(api, BASE, keeps);
			assertThat(kept.get("result").get("planned").toString()).contains("\"key\":\"PLH-2\"")
				.contains("kept: in Sprint 1, which is closed");
			assertThat(kept.get("sprintChanges")).isEmpty();
			assertThat(api.post(BASE + "/plans/" + keeps + "/apply", null).status()).isEqualTo(200);
			assertThat(itemOnBoard(api, BASE, "PLH-2").get("sprintId").asLong()).isEqualTo(s1);
			assertThat(api.post(BASE + "/plans/" + keeps + "/undo", null).status()).isEqualTo(200);

			// an undo that would put an item back into a sprint closed since is refused
			// whole
			api.put(BASE + "/items/PLH-4/release", "{\"sprintId\":" + s2 + "}", null);
			long out = plan(api, "Takes PLH-4 out", "PLH-4");
			await(api, BASE, out);
			assertThat(api.post(BASE + "/plans/" + out + "/apply", "{\"sprintItems\":\"MOVE\"}").status())
				.isEqualTo(200);
			assertThat(itemOnBoard(api, BASE, "PLH-4")).isNull();
			api.put(BASE + "/items/PLH-3/release", "{\"sprintId\":" + s2 + "}", null);
			assertThat(api.post(BASE + "/sprints/" + s2 + "/start", "{\"force\":true}").status()).isEqualTo(200);
			assertThat(api.post(BASE + "/sprints/" + s2 + "/close", "{}").status()).isEqualTo(200);
			Response refused = api.post(BASE + "/plans/" + out + "/undo", null);
			assertThat(refused.status()).as(refused.text()).isEqualTo(409);
			assertThat(refused.json().get("detail").asText()).contains("PLH-4 (Sprint 2)")
				.contains("Nothing was changed");
			assertThat(itemOnBoard(api, BASE, "PLH-4")).as("nothing undone").isNull();
		}
		finally {
			api.put("/api/v1/admin/webhooks", "{\"allowPrivateTargets\":false}", null);
			receiver.stop(0);
		}
	}

	/** The product, four items with values, and a webhook for item.updated; its id. */
	private static long setUp(ApiClient api, int port) {
		TestProduct product = aProduct("PLH").named("Plan history").createdBy(api);
		String[][] items = { { "Finished in the sprint", "3" }, { "Reopened after the close", "2" },
				{ "Valuable", "5" }, { "Quick", "2" } };
		for (String[] i : items) {
			aStory(i[0]).estimate(i[1]).in(product);
		}
		long model = 0;
		for (JsonNode m : api.get(BASE + "/scoring-models").json()) {
			if ("VALUE_EFFORT".equals(m.get("preset").asText())) {
				model = m.get("id").asLong();
			}
		}
		api.post(BASE + "/scoring-models/" + model + "/activate", null);
		int[] values = { 1, 1, 80, 30 };
		for (int i = 0; i < values.length; i++) {
			api.put(BASE + "/items/PLH-" + (i + 1) + "/scores/" + model,
					"{\"inputs\":{\"value\":\"" + values[i] + "\"}}", null);
		}
		api.put("/api/v1/admin/webhooks", "{\"allowPrivateTargets\":true}", null);
		return create(api, BASE + "/webhooks",
				"{\"url\":\"http://127.0.0.1:" + port + "/hook\",\"events\":[\"item.updated\"]}");
	}

	/**
	 * Starts a plan free to move the started sprints' items, with one item pinned out.
	 */
	private static long plan(ApiClient api, String name, String pinnedOut) {
		Response started = api.post(BASE + "/plans", "{\"name\":\"" + name + "\",\"timeLimitSeconds\":5,"
				+ "\"discount\":0,\"keepStartedSprints\":false,\"mustExclude\":[\"" + pinnedOut + "\"]}");
		assertThat(started.status()).as(started.text()).isEqualTo(202);
		return started.json().get("id").asLong();
	}

	private static void status(ApiClient api, String item, String... statuses) {
		for (String status : statuses) {
			String etag = api.get(BASE + "/items/" + item).etag();
			Response r = api.send("PATCH", BASE + "/items/" + item + "?force=true", "{\"status\":\"" + status + "\"}",
					etag);
			assertThat(r.status()).as(r.text()).isEqualTo(200);
		}
	}

	/** The item's release and sprint changes, newest first: "field: old → new (note)". */
	private static List<String> changes(ApiClient api, String item) {
		List<String> changes = new ArrayList<>();
		api.get(BASE + "/items/" + item + "/history").json().forEach(h -> {
			String field = h.get("field").asText();
			if (field.equals("release") || field.equals("sprint")) {
				changes.add(field + ": " + h.path("oldValue").asText("-") + " → " + h.path("newValue").asText("-")
						+ " (" + h.path("note").asText() + ")");
			}
		});
		return changes;
	}

	private static String releaseOf(ApiClient api, String item, long... releases) {
		for (long r : releases) {
			JsonNode release = api.get(BASE + "/releases/" + r).json();
			for (JsonNode i : release.get("items")) {
				if (item.equals(i.get("key").asText())) {
					return release.get("name").asText();
				}
			}
		}
		return null;
	}

	private static long deliveries(ApiClient api, long hook, String item) {
		long n = 0;
		for (JsonNode d : api.get(BASE + "/webhooks/" + hook + "/deliveries").json()) {
			if ("item.updated".equals(d.get("event").asText())
					&& d.get("payload").asText().contains("\"key\":\"" + item + "\"")) {
				n++;
			}
		}
		return n;
	}

}
