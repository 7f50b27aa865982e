package dev.priora.roadmap.web;

import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.aRelease;
import static dev.priora.support.Fixtures.aStory;
import static dev.priora.support.Fixtures.anObjective;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import dev.priora.support.ApiClient.Response;
import dev.priora.support.ApiClient;
import dev.priora.support.BrowserlessSession;
import dev.priora.support.IntegrationTestBase;
import dev.priora.support.TestProduct;
import tools.jackson.databind.JsonNode;

class RoadmapIntegrationTest extends IntegrationTestBase {

	/**
	 * A product with a goal, objectives Conversion and Retention, releases Now (active,
	 * in 30 days), Next (in 60 days) and Later (no date), and four 5-point items: KEY-1
	 * in Now for Conversion, KEY-2 in Next for both objectives, KEY-3 in Later and KEY-4
	 * in Now, neither aligned.
	 */
	private record Roadmap(TestProduct product, long conversion, long retention, long now) {

		String path(String rest) {
			return product.path(rest);
		}

		String item(int n) {
			return product.item(n);
		}

	}

	private Roadmap roadmap(String key) {
		ApiClient api = api();
		TestProduct product = aProduct(key).named("Roadmapped").vision("Shops that sell themselves").createdBy(api);
		assertThat(api.put(product.path("/goal"), "{\"goal\":\"Checkout in one minute\"}", null).status())
			.isEqualTo(204);
		long conversion = anObjective("Conversion").keyResults("+10 % paid carts").target("3.5 %").in(product);
		long retention = anObjective("Retention").in(product);
		LocalDate today = LocalDate.now();
		long now = aRelease("Now").capacity(20).targetDate(today.plusDays(30)).in(product);
		String etag = api.get(product.path("/releases/" + now)).etag();
		assertThat(api
			.put(product.path("/releases/" + now),
					"{\"name\":\"Now\",\"capacity\":20,\"status\":\"ACTIVE\"," + "\"targetDate\":\""
							+ today.plusDays(30) + "\"}",
					etag)
			.status()).isEqualTo(200);
		long next = aRelease("Next").capacity(20).targetDate(today.plusDays(60)).in(product);
		long later = aRelease("Later").capacity(20).in(product);
		long[] releases = { now, next, later, now };
		for (int i = 1; i <= 4; i++) {
			product.planInRelease(aStory("Item " + i).estimate(5).in(product), releases[i - 1]);
		}
		product.align(product.item(1), conversion);
		product.align(product.item(2), conversion, retention);
		return new Roadmap(product, conversion, retention, now);
	}

	@Test
	void showsTheRoadmapByReleaseWithForecastsAndFiltersItByObjective() {
		Roadmap r = roadmap("RDP");
		ApiClient api = r.product().api();
		JsonNode map = api.get(r.path("/roadmap")).json();
		assertThat(map.get("goal").asText()).isEqualTo("Checkout in one minute");
		assertThat(map.get("board").get(0).get("name").asText()).isEqualTo("Now");
		assertThat(map.get("board").get(0).get("entries")).hasSize(2);
		assertThat(map.get("board").get(1).get("entries").get(0).get("key").asText()).isEqualTo("RDP-2");
		assertThat(map.get("board").get(2).get("entries").get(0).get("key").asText()).isEqualTo("RDP-3");
		// the release's capacity stands in for a velocity: a forecast, labelled as an
		// assumption
		assertThat(map.get("timeline").get(0).get("p50").asText()).isNotEmpty();
		JsonNode filtered = api.get(r.path("/roadmap?objective=" + r.retention())).json();
		assertThat(filtered.get("board").get(0).get("entries")).isEmpty();
		assertThat(filtered.get("board").get(1).get("entries")).hasSize(1);
	}

	@Test
	void refusesADuplicateObjectiveAndAnUnknownOneForAnItemChangingNothing() {
		Roadmap r = roadmap("RDR");
		ApiClient api = r.product().api();
		assertThat(api.post(r.path("/objectives"), "{\"title\":\"Conversion\"}").status()).isEqualTo(400);
		assertThat(api.get(r.path("/objectives")).json()).hasSize(2);
		assertThat(api.put(r.path("/items/RDR-2/objectives"), "{\"objectives\":[999999]}", null).status())
			.isEqualTo(404);
		assertThat(api.get(r.path("/roadmap?objective=" + r.retention())).json().get("board").get(1).get("entries"))
			.as("RDR-2 keeps both objectives")
			.hasSize(1);
	}

	@Test
	void narrowsThePriorityMapAndTheAlignmentToAnObjective() {
		Roadmap r = roadmap("RDQ");
		ApiClient api = r.product().api();
		long value = 0;
		for (JsonNode m : api.get(r.path("/scoring-models")).json()) {
			if ("VALUE_EFFORT".equals(m.get("preset").asText())) {
				value = m.get("id").asLong();
			}
		}
		for (int i = 1; i <= 4; i++) {
			assertThat(
					api.put(r.path("/items/" + r.item(i) + "/scores/" + value), "{\"inputs\":{\"value\":\"10\"}}", null)
						.status())
				.isEqualTo(200);
		}
		String map = "/priority-map?model=" + value;
		assertThat(api.get(r.path(map)).json().get("points")).hasSize(4);
		assertThat(api.get(r.path(map + "&objective=" + r.conversion())).json().get("points")).hasSize(2);
		assertThat(api.get(r.path(map + "&objective=" + r.retention())).json().get("points").get(0).get("key").asText())
			.isEqualTo("RDQ-2");

		JsonNode alignment = api.get(r.path("/alignment")).json();
		assertThat(alignment.get("objectives").get(0).get("plannedShare").asDouble()).isEqualTo(50.0);
		assertThat(alignment.get("unaligned").toString()).isEqualTo("[\"RDQ-3\",\"RDQ-4\"]");
	}

	@Test
	void draftsReleaseNotesFromTheDoneItemsGroupedByTypeAndPublishesThem() {
		Roadmap r = roadmap("RDN");
		ApiClient api = r.product().api();
		String item = r.path("/items/RDN-1");
		for (String status : new String[] { "READY", "IN_PROGRESS", "DONE" }) {
			String etag = api.get(item).etag();
			assertThat(api.send("PATCH", item + "?force=true", "{\"status\":\"" + status + "\"}", etag).status())
				.isEqualTo(200);
		}
		String notesPath = r.path("/releases/" + r.now() + "/release-notes");
		Response notesAnswer = api.get(notesPath);
		assertThat(notesAnswer.status()).as(notesAnswer.text()).isEqualTo(200);
		JsonNode notes = notesAnswer.json();
		assertThat(notes.get("draft").asText()).startsWith("# Now")
			.contains("## New")
			.contains("- Item 1 (RDN-1) — Conversion")
			.doesNotContain("RDN-4");
		assertThat(notes.get("published").isNull()).isTrue();
		assertThat(api.put(notesPath, "{\"markdown\":\"# Now\\n\\nBetter checkout.\"}", null)
			.json()
			.get("published")
			.asText()).isEqualTo("# Now\n\nBetter checkout.");
		assertThat(api.put(notesPath, "{\"markdown\":\"  \"}", null).status()).isEqualTo(400);
		assertThat(api.get(notesPath).json().get("published").asText()).as("the published notes stay")
			.isEqualTo("# Now\n\nBetter checkout.");
	}

	@Test
	void takesCommentsOnEntriesAndFeedbackOnTheWholeRoadmap() {
		Roadmap r = roadmap("RDC");
		ApiClient api = r.product().api();
		assertThat(api.post(r.path("/roadmap/comments"), "{\"entry\":\"RDC-2\",\"body\":\"Can this come sooner?\"}")
			.status()).isEqualTo(201);
		assertThat(api.post(r.path("/roadmap/feedback"), "{\"body\":\"Validated with sales\"}").status())
			.isEqualTo(201);
		assertThat(api.post(r.path("/roadmap/comments"), "{\"body\":\"  \"}").status()).isEqualTo(400);
		JsonNode comments = api.get(r.path("/roadmap/comments")).json();
		assertThat(comments).as("the blank comment was not stored").hasSize(2);
		assertThat(comments.get(0).get("kind").asText()).isEqualTo("FEEDBACK");
		assertThat(comments.get(1).get("entry").asText()).isEqualTo("RDC-2");
	}

	@Test
	void sharesTheRoadmapReadOnlyUntilTheLinkIsRevoked() {
		Roadmap r = roadmap("RDL");
		ApiClient api = r.product().api();
		String url = api.post(r.path("/roadmap/links"), "{\"days\":7,\"name\":\"  Board,\\n Q1 review \"}")
			.json()
			.get("url")
			.asText();
		BrowserlessSession visitor = BrowserlessSession.anonymous(port);
		var shared = visitor.get(url);
		assertThat(shared.statusCode()).isEqualTo(200);
		assertThat(shared.body()).contains("Checkout in one minute")
			.contains("Item 2")
			.doesNotContain("Make a read-only link");
		visitor.get(url);
		var listed = api.get(r.path("/roadmap/links")).json().get(0);
		assertThat(listed.get("name").asText()).as("one line, stripped").isEqualTo("Board, Q1 review");
		assertThat(listed.get("opened").asInt()).as("each opening counted").isEqualTo(2);
		assertThat(listed.get("lastOpened").isNull()).isFalse();
		var tooLong = api.post(r.path("/roadmap/links"), "{\"name\":\"" + "x".repeat(101) + "\"}");
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.json().get("errors").toString()).contains("name");
		long link = listed.get("id").asLong();
		assertThat(api.delete(r.path("/roadmap/links/" + link), null).status()).isEqualTo(204);
		assertThat(visitor.get(url).statusCode()).isEqualTo(404);
		assertThat(visitor.get("/r/made-up").statusCode()).isEqualTo(404);
		assertThat(api.post(r.path("/roadmap/links"), "{\"days\":0}").status()).isEqualTo(400);
		assertThat(api.get(r.path("/roadmap/links")).json()).as("only the revoked link: none was made for 0 days")
			.hasSize(1);
	}

}
