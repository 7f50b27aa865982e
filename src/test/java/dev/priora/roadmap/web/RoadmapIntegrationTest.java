package dev.priora.roadmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import dev.priora.support.ApiClient;
import dev.priora.support.ApiClient.Response;
import dev.priora.support.BrowserlessSession;
import dev.priora.support.IntegrationTestBase;
import tools.jackson.databind.JsonNode;

class RoadmapIntegrationTest extends IntegrationTestBase {

	@Test
	void showsTheRoadmapByObjectiveWithForecastsAndSharesItReadOnly() {
		ApiClient api = api();
		String base = "/api/v1/products/RDP";
		api.post("/api/v1/products",
				"{\"key\":\"RDP\",\"name\":\"Roadmapped\",\"vision\":\"Shops that sell themselves\"}");
		assertThat(api.put(base + "/goal", "{\"goal\":\"Checkout in one minute\"}", null).status()).isEqualTo(204);
		long conversion = api
			.post(base + "/objectives",
					"{\"title\":\"Conversion\",\"keyResults\":[\"+10 % paid carts\"],\"target\":\"3.5 %\"}")
			.json()
			.get("id")
			.asLong();
		long retention = api.post(base + "/objectives", "{\"title\":\"Retention\"}").json().get("id").asLong();
		assertThat(api.post(base + "/objectives", "{\"title\":\"Conversion\"}").status()).isEqualTo(400);
		long now = api
			.post(base + "/releases",
					"{\"name\":\"Now\",\"capacity\":20,\"targetDate\":\"" + LocalDate.now().plusDays(30) + "\"}")
			.json()
			.get("id")
			.asLong();
		String etag = api.get(base + "/releases/" + now).etag();
		api.put(base + "/releases/" + now, "{\"name\":\"Now\",\"capacity\":20,\"status\":\"ACTIVE\",\"targetDate\":\""
				+ LocalDate.now().plusDays(30) + "\"}", etag);
		long next = api
			.post(base + "/releases",
					"{\"name\":\"Next\",\"capacity\":20,\"targetDate\":\"" + LocalDate.now().plusDays(60) + "\"}")
			.json()
			.get("id")
			.asLong();
		long later = api.post(base + "/releases", "{\"name\":\"Later\",\"capacity\":20}").json().get("id").asLong();
		long[] releases = { now, next, later, now };
		for (int i = 1; i <= 4; i++) {
			api.post(base + "/items", "{\"type\":\"STORY\",\"title\":\"Item " + i + "\",\"estimate\":5}");
			api.put(base + "/items/RDP-" + i + "/release", "{\"releaseId\":" + releases[i - 1] + "}", null);
		}
		api.put(base + "/items/RDP-1/objectives", "{\"objectives\":[" + conversion + "]}", null);
		api.put(base + "/items/RDP-2/objectives", "{\"objectives\":[" + conversion + "," + retention + "]}", null);
		assertThat(api.put(base + "/items/RDP-3/objectives", "{\"objectives\":[999999]}", null).status())
			.isEqualTo(404);

		JsonNode map = api.get(base + "/roadmap").json();
		assertThat(map.get("goal").asText()).isEqualTo("Checkout in one minute");
		assertThat(map.get("board").get(0).get("name").asText()).isEqualTo("Now");
		assertThat(map.get("board").get(0).get("entries")).hasSize(2);
		assertThat(map.get("board").get(1).get("entries").get(0).get("key").asText()).isEqualTo("RDP-2");
		assertThat(map.get("board").get(2).get("entries").get(0).get("key").asText()).isEqualTo("RDP-3");
		// the release's capacity stands in for a velocity: a forecast, labelled as an
		// assumption
		assertThat(map.get("timeline").get(0).get("p50").asText()).isNotEmpty();
		JsonNode filtered = api.get(base + "/roadmap?objective=" + retention).json();
		assertThat(filtered.get("board").get(0).get("entries")).isEmpty();
		assertThat(filtered.get("board").get(1).get("entries")).hasSize(1);

		// the priority map narrows to an objective's items
		long value = 0;
		for (JsonNode m : api.get(base + "/scoring-models").json()) {
			if ("VALUE_EFFORT".equals(m.get("preset").asText())) {
				value = m.get("id").asLong();
			}
		}
		for (int i = 1; i <= 4; i++) {
			api.put(base + "/items/RDP-" + i + "/scores/" + value, "{\"inputs\":{\"value\":\"10\"}}", null);
		}
		assertThat(api.get(base + "/priority-map?model=" + value).json().get("points")).hasSize(4);
		assertThat(api.get(base + "/priority-map?model=" + value + "&objective=" + conversion).json().get("points"))
			.hasSize(2);
		assertThat(api.get(base + "/priority-map?model=" + value + "&objective=" + retention)
			.json()
			.get("points")
			.get(0)
			.get("key")
			.asText()).isEqualTo("RDP-2");

		JsonNode alignment = api.get(base + "/alignment").json();
		assertThat(alignment.get("objectives").get(0).get("plannedShare").asDouble()).isEqualTo(50.0);
		assertThat(alignment.get("unaligned").toString()).isEqualTo("[\"RDP-3\",\"RDP-4\"]");

		// release notes from the done items, grouped by type, with objectives
		String etag1 = api.get(base + "/items/RDP-1").etag();
		for (String status : new String[] { "READY", "IN_PROGRESS", "DONE" }) {
			api.send("PATCH", base + "/items/RDP-1?force=true", "{\"status\":\"" + status + "\"}", etag1);
			etag1 = api.get(base + "/items/RDP-1").etag();
		}
		Response notesAnswer = api.get(base + "/releases/" + now + "/release-notes");
		assertThat(notesAnswer.status()).as(notesAnswer.text()).isEqualTo(200);
		JsonNode notes = notesAnswer.json();
		assertThat(notes.get("draft").asText()).startsWith("# Now")
			.contains("## New")
			.contains("- Item 1 (RDP-1) — Conversion")
			.doesNotContain("RDP-4");
		assertThat(notes.get("published").isNull()).isTrue();
		assertThat(api
			.put(base + "/releases/" + now + "/release-notes", "{\"markdown\":\"# Now\\n\\nBetter checkout.\"}", null)
			.json()
			.get("published")
			.asText()).isEqualTo("# Now\n\nBetter checkout.");
		assertThat(api.put(base + "/releases/" + now + "/release-notes", "{\"markdown\":\"  \"}", null).status())
			.isEqualTo(400);

		assertThat(api.post(base + "/roadmap/comments", "{\"entry\":\"RDP-2\",\"body\":\"Can this come sooner?\"}")
			.status()).isEqualTo(201);
		assertThat(api.post(base + "/roadmap/feedback", "{\"body\":\"Validated with sales\"}").status()).isEqualTo(201);
		assertThat(api.post(base + "/roadmap/comments", "{\"body\":\"  \"}").status()).isEqualTo(400);
		JsonNode comments = api.get(base + "/roadmap/comments").json();
		assertThat(comments.get(0).get("kind").asText()).isEqualTo("FEEDBACK");
		assertThat(comments.get(1).get("entry").asText()).isEqualTo("RDP-2");

		String url = api.post(base + "/roadmap/links", "{\"days\":7}").json().get("url").asText();
		BrowserlessSession visitor = BrowserlessSession.anonymous(port);
		var shared = visitor.get(url);
		assertThat(shared.statusCode()).isEqualTo(200);
		assertThat(shared.body()).contains("Checkout in one minute")
			.contains("Item 2")
			.doesNotContain("Make a read-only link");
		long link = api.get(base + "/roadmap/links").json().get(0).get("id").asLong();
		assertThat(api.delete(base + "/roadmap/links/" + link, null).status()).isEqualTo(204);
		assertThat(visitor.get(url).statusCode()).isEqualTo(404);
		assertThat(visitor.get("/r/made-up").statusCode()).isEqualTo(404);
		assertThat(api.post(base + "/roadmap/links", "{\"days\":0}").status()).isEqualTo(400);
	}

}
