package dev.priora.backlog.web;

import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.aRelease;
import static dev.priora.support.Fixtures.aSprint;
import static dev.priora.support.Fixtures.aStory;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import dev.priora.support.ApiClient.Response;
import dev.priora.support.ApiClient;
import dev.priora.support.BrowserlessSession;
import dev.priora.support.HookReceiver;
import dev.priora.support.IntegrationTestBase;
import dev.priora.support.SprintBuilder;
import dev.priora.support.TestProduct;
import tools.jackson.databind.JsonNode;

/**
 * Release and sprint on the backlog's rows and in bulk changes: the planning API's rules
 * (a sprint brings its release, a new release keeps a sprint that fits, a closed sprint
 * takes no items and keeps its own), refusals naming the field, one change undone
 * exactly, history and webhooks as for every assignment.
 */
class ReleaseSprintEditIntegrationTest extends IntegrationTestBase {

	private static final AtomicInteger PRODUCTS = new AtomicInteger();

	/** A product's items, releases and sprints by name. */
	record Fixture(String key, Map<String, Long> ids) {

		String base() {
			return "/api/v1/products/" + key;
		}

		long id(String name) {
			return ids.get(name);
		}

		String item(int n) {
			return key + "-" + n;
		}

	}

	/**
	 * Items 1..n (ready to start: estimate and a criterion); releases R1 and R2; sprints
	 * S1 (R1), S2 (R2), S3 (no release); sprint SC (R1) closed with item n done in it.
	 */
	private Fixture fixture(int items) {
		ApiClient api = api();
		String key = "RS" + PRODUCTS.incrementAndGet();
		TestProduct product = aProduct(key).named("Plans " + key).createdBy(api);
		Fixture f = new Fixture(key, new HashMap<>());
		for (int i = 1; i <= items; i++) {
			aStory("Item " + i).description("Why").estimate(3).criteria("Works").in(product);
		}
		for (String r : List.of("R1", "R2")) {
			f.ids().put(r, aRelease(r).capacity(40).in(product));
		}
		LocalDate day = LocalDate.now();
		sprint(f, "SC", day.minusDays(20), f.id("R1"));
		sprint(f, "S1", day, f.id("R1"));
		sprint(f, "S2", day.plusDays(14), f.id("R2"));
		sprint(f, "S3", day.plusDays(28), null);
		assertThat(api.put(f.base() + "/items/" + f.item(items) + "/release", "{\"sprintId\":" + f.id("SC") + "}", null)
			.status()).isEqualTo(204);
		assertThat(api.post(f.base() + "/sprints/" + f.id("SC") + "/start", "{\"force\":true}").status())
			.isEqualTo(200);
		product.finish(f.item(items));
		assertThat(api.post(f.base() + "/sprints/" + f.id("SC") + "/close", "{}").status()).isEqualTo(200);
		return f;
	}

	private void sprint(Fixture f, String name, LocalDate start, Long release) {
		SprintBuilder sprint = aSprint(name).starting(start).capacity(10);
		f.ids().put(name, (release == null ? sprint : sprint.forRelease(release)).in(new TestProduct(api(), f.key())));
	}

	/** Each item's release and sprint by name, "-" for none, from the planning board. */
	private Map<String, String> plans(Fixture f) {
		JsonNode board = api().get(f.base() + "/releases").json();
		Map<Long, String> sprints = new HashMap<>();
		board.get("sprints").forEach(s -> sprints.put(s.get("id").asLong(), s.get("name").asText()));
		Map<String, String> result = new TreeMap<>();
		board.get("releases")
			.forEach(r -> r.get("items")
				.forEach(i -> result.put(i.get("key").asText(), r.get("name").asText() + "/"
						+ (i.get("sprintId").isNull() ? "-" : sprints.get(i.get("sprintId").asLong())))));
		board.get("unplanned")
			.forEach(i -> result.put(i.get("key").asText(),
					"-/" + (i.get("sprintId").isNull() ? "-" : sprints.get(i.get("sprintId").asLong()))));
		return result;
	}

	private List<String> history(Fixture f, String item) {
		List<String> rows = new ArrayList<>();
		api().get(f.base() + "/items/" + item + "/history")
			.json()
			.forEach(h -> rows.add(h.get("field").asText() + ": " + text(h.get("oldValue")) + " → "
					+ text(h.get("newValue")) + (h.get("note").isNull() ? "" : " (" + h.get("note").asText() + ")")));
		return rows;
	}

	private static String text(JsonNode v) {
		return v == null || v.isNull() ? "-" : v.asText();
	}

	private Response bulk(Fixture f, String body) {
		return api().post(f.base() + "/bulk-changes", body);
	}

	private static String field(Response problem) {
		return problem.json().get("errors").get(0).get("field").asText();
	}

	@Test
	void aRowSetsItsSprintAndReleaseByThePlanningRulesAndShowsARefusalOnTheRow() {
		Fixture f = fixture(3);
		BrowserlessSession ui = BrowserlessSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD)
			.withHeader("HX-Request", "true");
		String row = "/p/" + f.key() + "/backlog/items/" + f.item(1);

		HttpResponse<String> sprint = ui.post(row + "/sprint", Map.of("sprint", "" + f.id("S1")));
		assertThat(sprint.statusCode()).isEqualTo(200);
		assertThat(sprint.body()).contains("id=\"row-" + f.item(1) + "\"")
			.contains("class=\"plan-sprint\">S1<")
			.doesNotContain("row-error");
		assertThat(plans(f)).containsEntry(f.item(1), "R1/S1");

		// a release the sprint does not belong to takes the item out of the sprint
		assertThat(ui.post(row + "/release", Map.of("release", "" + f.id("R2"))).body())
			.contains("class=\"plan-release\">R2<");
		assertThat(plans(f)).containsEntry(f.item(1), "R2/-");
		// a sprint of no release keeps the item's release
		ui.post(row + "/sprint", Map.of("sprint", "" + f.id("S3")));
		assertThat(plans(f)).containsEntry(f.item(1), "R2/S3");
		ui.post(row + "/release", Map.of("release", "none"));
		assertThat(plans(f)).containsEntry(f.item(1), "-/-");
		assertThat(history(f, f.item(1))).contains("sprint: - → S1", "release: - → R1", "release: R1 → R2",
				"sprint: S1 → -", "sprint: - → S3", "release: R2 → -", "sprint: S3 → -");

		// a closed sprint: refused on the row, nothing changed
		HttpResponse<String> closed = ui.post(row + "/sprint", Map.of("sprint", "" + f.id("SC")));
		assertThat(closed.statusCode()).isEqualTo(200);
		assertThat(closed.body()).contains("row-error").contains("SC is closed");
		HttpResponse<String> leave = ui.post("/p/" + f.key() + "/backlog/items/" + f.item(3) + "/sprint",
				Map.of("sprint", "" + f.id("S1")));
		assertThat(leave.body()).contains("row-error").contains(f.item(3) + " is in SC, which is closed");
		assertThat(ui.post(row + "/sprint", Map.of("sprint", "soon")).body()).contains("row-error").contains("sprint");
		assertThat(plans(f)).containsEntry(f.item(1), "-/-").containsEntry(f.item(3), "R1/SC");

		// without htmx: post/redirect/get with the refusal in a toast
		HttpResponse<String> plain = BrowserlessSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD)
			.post(row + "/sprint", Map.of("sprint", "" + f.id("S2")));
		assertThat(plain.statusCode()).isEqualTo(302);
		assertThat(plans(f)).containsEntry(f.item(1), "R2/S2");
	}

	@Test
	void thePlanningApiRefusesAClosedSprintNamingTheFieldAndRecordsHistory() {
		Fixture f = fixture(2);
		Response into = api().put(f.base() + "/items/" + f.item(1) + "/release", "{\"sprintId\":" + f.id("SC") + "}",
				null);
		assertThat(into.status()).isEqualTo(400);
		assertThat(into.isProblem()).isTrue();
		assertThat(field(into)).isEqualTo("sprintId");
		assertThat(into.text()).contains("SC is closed");
		Response out = api().put(f.base() + "/items/" + f.item(2) + "/release", "{\"releaseId\":" + f.id("R2") + "}",
				null);
		assertThat(out.status()).isEqualTo(409);
		assertThat(out.json().get("type").asText()).endsWith("/sprint-closed");
		assertThat(field(out)).isEqualTo("sprintId");
		assertThat(plans(f)).containsEntry(f.item(1), "-/-").containsEntry(f.item(2), "R1/SC");
		assertThat(api().put(f.base() + "/items/" + f.item(1) + "/release", "{\"sprintId\":" + f.id("S2") + "}", null)
			.status()).isEqualTo(204);
		assertThat(history(f, f.item(1))).contains("release: - → R2", "sprint: - → S2");
	}

	@Test
	void aBulkSprintAndStatusAreOneChangeAndTheUndoRestoresEveryReleaseAndSprintExactly() {
		Fixture f = fixture(5);
		api().put(f.base() + "/items/" + f.item(2) + "/release", "{\"sprintId\":" + f.id("S1") + "}", null);
		api().put(f.base() + "/items/" + f.item(3) + "/release", "{\"releaseId\":" + f.id("R2") + "}", null);
		api().put(f.base() + "/items/" + f.item(4) + "/release", "{\"sprintId\":" + f.id("S3") + "}", null);
		Map<String, String> before = plans(f);
		assertThat(before).containsEntry(f.item(1), "-/-")
			.containsEntry(f.item(2), "R1/S1")
			.containsEntry(f.item(3), "R2/-")
			.containsEntry(f.item(4), "-/S3");

		Response done = bulk(f, "{\"items\":[\"" + f.item(1) + "\",\"" + f.item(2) + "\",\"" + f.item(3) + "\",\""
				+ f.item(4) + "\"],\"status\":\"REJECTED\",\"sprint\":{\"id\":" + f.id("S2") + "}}");
		assertThat(done.status()).as(done.text()).isEqualTo(200);
		assertThat(done.json().get("summary").asText()).isEqualTo("4 items: status rejected, sprint S2");
		assertThat(plans(f)).containsEntry(f.item(1), "R2/S2")
			.containsEntry(f.item(2), "R2/S2")
			.containsEntry(f.item(3), "R2/S2")
			.containsEntry(f.item(4), "R2/S2");
		assertThat(history(f, f.item(2))).contains("sprint: S1 → S2", "release: R1 → R2");

		Response undone = api().post(f.base() + "/bulk-changes/" + done.json().get("changeId").asLong() + "/undo", "");
		assertThat(undone.status()).as(undone.text()).isEqualTo(200);
		assertThat(plans(f)).isEqualTo(before);
		assertThat(api().get(f.base() + "/items/" + f.item(2)).json().get("status").asText()).isEqualTo("NEW");
		assertThat(history(f, f.item(2))).anyMatch(h -> h.startsWith("sprint: S2 → S1 (undo of: 4 items"));

		// a release alone keeps a sprint that fits, and none unplans
		Response release = bulk(f,
				"{\"items\":[\"" + f.item(2) + "\",\"" + f.item(4) + "\"],\"release\":{\"id\":" + f.id("R1") + "}}");
		assertThat(release.status()).as(release.text()).isEqualTo(200);
		assertThat(plans(f)).containsEntry(f.item(2), "R1/S1").containsEntry(f.item(4), "R1/S3");
		Response none = bulk(f, "{\"items\":[\"" + f.item(2) + "\"],\"release\":{\"id\":null}}");
		assertThat(none.json().get("summary").asText()).isEqualTo("1 item: no release");
		assertThat(plans(f)).containsEntry(f.item(2), "-/-");
		api().post(f.base() + "/bulk-changes/" + none.json().get("changeId").asLong() + "/undo", "");
		api().post(f.base() + "/bulk-changes/" + release.json().get("changeId").asLong() + "/undo", "");
		assertThat(plans(f)).isEqualTo(before);
	}

	@Test
	void aBulkChangeRefusesClosedSprintsByFieldAndChangesNothing() {
		Fixture f = fixture(3);
		String two = "\"items\":[\"" + f.item(1) + "\",\"" + f.item(2) + "\"]";
		Map<String, String> before = plans(f);

		Response closed = bulk(f, "{" + two + ",\"status\":\"REJECTED\",\"sprint\":{\"id\":" + f.id("SC") + "}}");
		assertThat(closed.status()).isEqualTo(400);
		assertThat(field(closed)).isEqualTo("sprint");
		assertThat(closed.text()).contains("SC is closed");

		Response leaving = bulk(f,
				"{\"items\":[\"" + f.item(1) + "\",\"" + f.item(3) + "\"],\"sprint\":{\"id\":" + f.id("S1") + "}}");
		assertThat(leaving.status()).isEqualTo(409);
		assertThat(field(leaving)).isEqualTo("sprint");
		assertThat(leaving.text()).contains(f.item(3) + " is in SC, which is closed");

		Response mismatch = bulk(f,
				"{" + two + ",\"release\":{\"id\":" + f.id("R1") + "},\"sprint\":{\"id\":" + f.id("S2") + "}}");
		assertThat(mismatch.status()).isEqualTo(400);
		assertThat(field(mismatch)).isEqualTo("sprint");
		Response unknown = bulk(f, "{" + two + ",\"release\":{\"id\":999999}}");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(field(unknown)).isEqualTo("release");
		assertThat(bulk(f, "{" + two + ",\"sprint\":{\"id\":\"soon\"}}").status()).isEqualTo(400);

		assertThat(plans(f)).isEqualTo(before);
		assertThat(api().get(f.base() + "/items/" + f.item(1)).json().get("status").asText()).isEqualTo("NEW");
	}

	@Test
	void theUndoIsRefusedWhenAnItemWasPlannedElsewhereOrItsSprintClosedSince() {
		Fixture f = fixture(3);
		long moved = bulk(f,
				"{\"items\":[\"" + f.item(1) + "\",\"" + f.item(2) + "\"],\"sprint\":{\"id\":" + f.id("S2") + "}}")
			.json()
			.get("changeId")
			.asLong();
		api().put(f.base() + "/items/" + f.item(2) + "/release", "{\"releaseId\":" + f.id("R1") + "}", null);
		Response refused = api().post(f.base() + "/bulk-changes/" + moved + "/undo", "");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.text()).contains(f.item(2));
		assertThat(plans(f)).containsEntry(f.item(1), "R2/S2").containsEntry(f.item(2), "R1/-");

		// S1 had item 1 before the change and is closed since: it takes nothing back
		api().put(f.base() + "/items/" + f.item(1) + "/release", "{\"sprintId\":" + f.id("S1") + "}", null);
		long change = bulk(f, "{\"items\":[\"" + f.item(1) + "\"],\"sprint\":{\"id\":" + f.id("S2") + "}}").json()
			.get("changeId")
			.asLong();
		api().put(f.base() + "/items/" + f.item(2) + "/release", "{\"sprintId\":" + f.id("S1") + "}", null);
		assertThat(api().post(f.base() + "/sprints/" + f.id("S1") + "/start", "{\"force\":true}").status())
			.isEqualTo(200);
		assertThat(api().post(f.base() + "/sprints/" + f.id("S1") + "/close", "{}").status()).isEqualTo(200);
		Response closed = api().post(f.base() + "/bulk-changes/" + change + "/undo", "");
		assertThat(closed.status()).isEqualTo(409);
		assertThat(closed.text()).contains("S1 was closed since");
		assertThat(plans(f)).containsEntry(f.item(1), "R2/S2");
	}

	@Test
	void everyReleaseOrSprintChangeSendsItemUpdated() throws Exception {
		HttpServer receiver = HookReceiver.start();
		ApiClient api = api();
		try {
			Fixture f = fixture(2);
			api.put("/api/v1/admin/webhooks", "{\"allowPrivateTargets\":true}", null);
			long hook = api
				.post(f.base() + "/webhooks",
						"{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort()
								+ "/hook\",\"events\":[\"item.updated\"]}")
				.json()
				.get("id")
				.asLong();
			api.put(f.base() + "/items/" + f.item(1) + "/release", "{\"sprintId\":" + f.id("S1") + "}", null);
			BrowserlessSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD)
				.withHeader("HX-Request", "true")
				.post("/p/" + f.key() + "/backlog/items/" + f.item(1) + "/release", Map.of("release", "none"));
			bulk(f, "{\"items\":[\"" + f.item(1) + "\"],\"sprint\":{\"id\":" + f.id("S2") + "}}");
			// no change, no event
			api.put(f.base() + "/items/" + f.item(1) + "/release", "{\"sprintId\":" + f.id("S2") + "}", null);
			JsonNode log = api.get(f.base() + "/webhooks/" + hook + "/deliveries").json();
			List<String> events = new ArrayList<>();
			log.forEach(d -> events.add(d.get("event").asText() + " "
					+ (d.get("payload").asText().contains("\"key\":\"" + f.item(1) + "\"") ? "item 1" : "?")));
			assertThat(events).containsExactly("item.updated item 1", "item.updated item 1", "item.updated item 1");
		}
		finally {
			api.put("/api/v1/admin/webhooks", "{\"allowPrivateTargets\":false}", null);
			receiver.stop(0);
		}
	}

}
