package dev.priora.progress.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import dev.priora.support.ApiClient;
import dev.priora.support.ApiClient.Response;
import dev.priora.support.IntegrationTestBase;
import tools.jackson.databind.JsonNode;

class ProgressApiIntegrationTest extends IntegrationTestBase {

	static final String BASE = "/api/v1/products/PRG";

	static void readyItem(ApiClient api, String base, String title, int estimate) {
		Response r = api.post(base + "/items",
				"{\"type\":\"STORY\",\"title\":\"" + title + "\",\"description\":\"Why and what\"," + "\"estimate\":"
						+ estimate + ",\"acceptanceCriteria\":[{\"statement\":\"It works\"}]}");
		assertThat(r.status()).as(r.text()).isEqualTo(201);
	}

	static void finish(ApiClient api, String base, String key) {
		for (String status : new String[] { "READY", "IN_PROGRESS", "DONE" }) {
			String etag = api.get(base + "/items/" + key).etag();
			Response r = api.patch(base + "/items/" + key, "{\"status\":\"" + status + "\"}", etag);
			assertThat(r.status()).as(r.text()).isEqualTo(200);
		}
	}

	static long sprint(ApiClient api, String base, String name, LocalDate start, long release) {
		Response r = api.post(base + "/sprints", "{\"name\":\"" + name + "\",\"start\":\"" + start + "\",\"end\":\""
				+ start.plusDays(13) + "\",\"capacity\":10,\"releaseId\":" + release + "}");
		assertThat(r.status()).as(r.text()).isEqualTo(201);
		return r.json().get("id").asLong();
	}

	@Test
	void burndownAndBurnupShowScopeAddedAndTakenOutMidSprint() {
		ApiClient api = api();
		String base = "/api/v1/products/SCB";
		api.post("/api/v1/products", "{\"key\":\"SCB\",\"name\":\"Scope changes\"}");
		LocalDate today = LocalDate.now();
		long release = api.post(base + "/releases", "{\"name\":\"R\",\"capacity\":40}").json().get("id").asLong();
		long sprint = sprint(api, base, "S", today.minusDays(3), release);
		readyItem(api, base, "A", 5);
		readyItem(api, base, "B", 3);
		readyItem(api, base, "C", 2);
		for (String item : new String[] { "SCB-1", "SCB-2" }) {
			api.put(base + "/items/" + item + "/release", "{\"sprintId\":" + sprint + "}", null);
		}
		assertThat(api.post(base + "/sprints/" + sprint + "/start", "{\"force\":true}").status()).isEqualTo(200);
		// mid-sprint: C comes in, B goes out (stays in the release), A is finished
		api.put(base + "/items/SCB-3/release", "{\"sprintId\":" + sprint + "}", null);
		api.put(base + "/items/SCB-2/release", "{\"releaseId\":" + release + "}", null);
		finish(api, base, "SCB-1");

		JsonNode days = api.get(base + "/sprints/" + sprint + "/burndown").json();
		assertThat(days).hasSize(4);
		assertThat(days.get(0).get("scope").decimalValue()).isEqualByComparingTo("8");
		assertThat(days.get(0).get("remaining").decimalValue()).isEqualByComparingTo("8");
		assertThat(days.get(0).get("added").decimalValue()).isEqualByComparingTo("0");
		JsonNode last = days.get(3);
		assertThat(last.get("scope").decimalValue()).isEqualByComparingTo("7");
		assertThat(last.get("remaining").decimalValue()).isEqualByComparingTo("2");
		assertThat(last.get("added").decimalValue()).isEqualByComparingTo("2");
		assertThat(last.get("removed").decimalValue()).isEqualByComparingTo("3");
		assertThat(last.get("addedItems").toString()).isEqualTo("[\"SCB-3\"]");
		assertThat(last.get("removedItems").toString()).isEqualTo("[\"SCB-2\"]");
		assertThat(api.get(base + "/sprints/" + sprint + "/burndown.csv").text())
			.contains(today + ",2,7,2,3,SCB-3,SCB-2\r\n");

		String burnup = api.get(base + "/releases/" + release + "/burnup.csv").text();
		assertThat(burnup).startsWith("at,time,scope,done\r\n");
		assertThat(burnup.strip()).endsWith(",10,5").contains("now,");
	}

	@Test
	void runsSprintsRecordsSpilloverAndForecastsTheRelease() {
		ApiClient api = api();
		api.post("/api/v1/products", "{\"key\":\"PRG\",\"name\":\"Progress\"}");
		LocalDate today = LocalDate.now();
		long release = api
			.post(BASE + "/releases",
					"{\"name\":\"Big one\",\"capacity\":40,\"targetDate\":\"" + today.plusDays(60) + "\"}")
			.json()
			.get("id")
			.asLong();
		for (int i = 1; i <= 8; i++) {
			readyItem(api, BASE, "Story " + i, 5);
			api.put(BASE + "/items/PRG-" + i + "/release", "{\"releaseId\":" + release + "}", null);
		}
		api.post(BASE + "/items", "{\"type\":\"STORY\",\"title\":\"Not ready\",\"estimate\":3}");
		long s1 = sprint(api, BASE, "S1", today.minusDays(42), release);
		long s2 = sprint(api, BASE, "S2", today.minusDays(28), release);
		long s3 = sprint(api, BASE, "S3", today.minusDays(14), release);

		assertThat(api.post(BASE + "/sprints/" + s1 + "/start", null).status()).as("nothing planned").isEqualTo(409);
		api.put(BASE + "/items/PRG-9/release", "{\"releaseId\":" + release + ",\"sprintId\":" + s1 + "}", null);
		api.put(BASE + "/items/PRG-1/release", "{\"releaseId\":" + release + ",\"sprintId\":" + s1 + "}", null);
		api.put(BASE + "/items/PRG-2/release", "{\"releaseId\":" + release + ",\"sprintId\":" + s1 + "}", null);
		Response notReady = api.post(BASE + "/sprints/" + s1 + "/start", null);
		assertThat(notReady.status()).isEqualTo(409);
		assertThat(notReady.json().get("detail").asText()).contains("PRG-9");
		Response started = api.post(BASE + "/sprints/" + s1 + "/start", "{\"force\":true}");
		assertThat(started.status()).as(started.text()).isEqualTo(200);
		assertThat(started.json().get("committed").decimalValue()).isEqualByComparingTo("13");
		assertThat(api.post(BASE + "/sprints/" + s2 + "/start", "{\"force\":true}").status()).as("one at a time")
			.isEqualTo(409);
		finish(api, BASE, "PRG-1");
		finish(api, BASE, "PRG-2");
		Response closed = api.post(BASE + "/sprints/" + s1 + "/close", "{\"nextSprintId\":" + s2 + "}");
		assertThat(closed.status()).as(closed.text()).isEqualTo(200);
		assertThat(closed.json().get("completed").decimalValue()).isEqualByComparingTo("10");
		assertThat(closed.json().get("spillover").toString()).contains("PRG-9");
		JsonNode burndown = api.get(BASE + "/sprints/" + s1 + "/burndown").json();
		assertThat(burndown).hasSize(14);
		assertThat(api.get(BASE + "/sprints/" + s1 + "/burndown.csv").text())
			.startsWith("day,remaining,scope,added,removed,added_items,removed_items\r\n");

		for (long[] s : new long[][] { { s2, 3, 4 }, { s3, 5, 6 } }) {
			for (long item : new long[] { s[1], s[2] }) {
				api.put(BASE + "/items/PRG-" + item + "/release",
						"{\"releaseId\":" + release + ",\"sprintId\":" + s[0] + "}", null);
			}
			api.post(BASE + "/sprints/" + s[0] + "/start", "{\"force\":true}");
			finish(api, BASE, "PRG-" + s[1]);
			finish(api, BASE, "PRG-" + s[2]);
			api.post(BASE + "/sprints/" + s[0] + "/close", null);
		}
		assertThat(api.get(BASE + "/velocity").text()).isEqualTo("[10.00,10.00,10.00]");

		JsonNode progress = api.get(BASE + "/releases/" + release + "/progress").json();
		assertThat(progress.get("remaining").decimalValue()).isEqualByComparingTo("13");
		assertThat(progress.get("forecast").get("p50").asDouble()).isBetween(1.0, 1.6);
		assertThat(progress.get("flag").asText()).isEqualTo("on track");
		assertThat(progress.get("forecast").get("method").asText()).contains("3 completed sprints");
		assertThat(progress.get("notReady").toString()).contains("PRG-9");
		// PRG-9 (3 points) spilled over from S1 into S2 and out of S2; S3 finished
		// everything
		assertThat(progress.get("spillover").get(0).decimalValue()).isEqualByComparingTo("3");
		assertThat(progress.get("spillover").get(1).decimalValue()).isEqualByComparingTo("3");
		assertThat(progress.get("spillover").get(2).decimalValue()).isEqualByComparingTo("0");
		assertThat(api.get(BASE + "/charts/velocity.csv").text())
			.isEqualTo("sprint,committed,completed\r\nS1,13.00,10.00\r\nS2,13.00,10.00\r\nS3,10.00,10.00\r\n");

		JsonNode velocity = api.get(BASE + "/charts/velocity").json();
		assertThat(velocity).hasSize(3);
		assertThat(velocity.get(0).get("committed").decimalValue()).isEqualByComparingTo("13");
		JsonNode cycle = api.get(BASE + "/charts/cycle-times").json();
		assertThat(cycle.get("items")).hasSize(6);
		assertThat(cycle.get("p85").asDouble()).isGreaterThanOrEqualTo(0);
		JsonNode flow = api.get(BASE + "/charts/cumulative-flow?days=5").json();
		assertThat(flow).hasSize(5);
		assertThat(flow.get(4).get("counts").get("DONE").asInt()).isEqualTo(6);
		assertThat(api.get(BASE + "/charts/cumulative-flow.csv?days=2").text())
			.startsWith("day,new,ready,in_progress,done,rejected\r\n");

		JsonNode upTo = api.get(BASE + "/forecast?above=PRG-8").json();
		assertThat(upTo.get("items").toString()).isEqualTo("[\"PRG-7\",\"PRG-8\"]");
		assertThat(upTo.get("remaining").decimalValue()).isEqualByComparingTo("10");
		assertThat(upTo.get("forecast").get("p50").asDouble()).isBetween(0.8, 1.2);
		assertThat(api.get(BASE + "/forecast?epic=PRG-1").status()).isEqualTo(400);
		assertThat(api.get(BASE + "/forecast").status()).isEqualTo(400);

		// scope grows by 100 points: ten more sprints at 10 points each cannot finish in
		// 60 days
		for (int i = 0; i < 20; i++) {
			readyItem(api, BASE, "More " + i, 5);
			api.put(BASE + "/items/PRG-" + (10 + i) + "/release", "{\"releaseId\":" + release + "}", null);
		}
		JsonNode grown = api.get(BASE + "/releases/" + release + "/progress").json();
		assertThat(grown.get("flag").asText()).isEqualTo("off track");
		assertThat(grown.get("forecast").get("probability").asDouble()).isLessThan(0.5);

		assertThat(api
			.post(BASE + "/releases/" + release + "/decisions", "{\"decision\":\"GO_BACK\",\"note\":\"cut scope\"}")
			.status()).isEqualTo(204);
		assertThat(api.post(BASE + "/releases/" + release + "/decisions", "{\"decision\":\"MAYBE\"}").status())
			.isEqualTo(400);
		assertThat(api.get(BASE + "/releases/" + release + "/progress").json().get("decisions").toString())
			.contains("cut scope");
	}

	@Test
	void reviewsDoneItemsAgainstTheirCriteriaAndSendsRejectedOnesBack() {
		ApiClient api = api();
		String base = "/api/v1/products/PRV";
		api.post("/api/v1/products", "{\"key\":\"PRV\",\"name\":\"Review\"}");
		long release = api.post(base + "/releases", "{\"name\":\"R\",\"capacity\":20}").json().get("id").asLong();
		long sprint = sprint(api, base, "S", LocalDate.now().minusDays(7), release);
		readyItem(api, base, "Good", 3);
		readyItem(api, base, "Flawed", 3);
		for (String key : new String[] { "PRV-1", "PRV-2" }) {
			api.put(base + "/items/" + key + "/release", "{\"releaseId\":" + release + ",\"sprintId\":" + sprint + "}",
					null);
		}
		api.post(base + "/sprints/" + sprint + "/start", null);
		finish(api, base, "PRV-1");
		finish(api, base, "PRV-2");
		Response unticked = api.post(base + "/sprints/" + sprint + "/review", "{\"item\":\"PRV-1\",\"accepted\":true}");
		assertThat(unticked.status()).isEqualTo(400);
		assertThat(unticked.json().get("errors").toString()).contains("It works");
		assertThat(api
			.post(base + "/sprints/" + sprint + "/review", "{\"item\":\"PRV-1\",\"accepted\":true,\"criteriaMet\":[0]}")
			.status()).isEqualTo(200);
		assertThat(
				api.post(base + "/sprints/" + sprint + "/review", "{\"item\":\"PRV-2\",\"accepted\":false}").status())
			.as("a rejection needs a reason")
			.isEqualTo(400);
		Response rejected = api.post(base + "/sprints/" + sprint + "/review",
				"{\"item\":\"PRV-2\",\"accepted\":false,\"reason\":\"crashes on empty carts\"}");
		assertThat(rejected.status()).as(rejected.text()).isEqualTo(200);
		assertThat(api.get(base + "/items/PRV-2").json().get("status").asText()).isEqualTo("READY");
		assertThat(api.get(base + "/items/PRV-2/history").text()).contains("crashes on empty carts");
		assertThat(api.get(base + "/releases/" + release).json().get("items").toString()).contains("PRV-2");
		assertThat(api.get(base + "/sprints/" + sprint + "/review").text()).contains("\"accepted\":true")
			.contains("crashes on empty carts");
		assertThat(api
			.post(base + "/sprints/" + sprint + "/review", "{\"item\":\"PRV-2\",\"accepted\":true,\"criteriaMet\":[0]}")
			.status()).as("no longer in the sprint").isEqualTo(400);
	}

	@Test
	void forecastsUnestimatedReleasesFromWeeklyThroughput() {
		ApiClient api = api();
		String base = "/api/v1/products/THR";
		api.post("/api/v1/products", "{\"key\":\"THR\",\"name\":\"Throughput\"}");
		long release = api
			.post(base + "/releases",
					"{\"name\":\"R\",\"capacity\":0,\"targetDate\":\"" + LocalDate.now().plusDays(300) + "\"}")
			.json()
			.get("id")
			.asLong();
		for (int i = 1; i <= 6; i++) {
			Response r = api.post(base + "/items", "{\"type\":\"STORY\",\"title\":\"Unestimated " + i
					+ "\",\"description\":\"d\",\"acceptanceCriteria\":[{\"statement\":\"ok\"}]}");
			assertThat(r.status()).as(r.text()).isEqualTo(201);
			api.put(base + "/items/THR-" + i + "/release", "{\"releaseId\":" + release + "}", null);
		}
		for (int i = 1; i <= 3; i++) {
			String key = "THR-" + i;
			for (String status : new String[] { "READY", "IN_PROGRESS", "DONE" }) {
				String etag = api.get(base + "/items/" + key).etag();
				api.send("PATCH", base + "/items/" + key + "?force=true", "{\"status\":\"" + status + "\"}", etag);
			}
		}
		JsonNode p = api.get(base + "/releases/" + release + "/progress").json();
		assertThat(p.get("forecast").get("method").asText()).contains("items are not estimated: 3 open items");
		assertThat(p.get("sprintDays").asInt()).isEqualTo(7);
		assertThat(p.get("flag").asText()).isEqualTo("on track");
	}

	@Test
	void blendsOneClosedSprintWithTheStatedVelocityAndForecastsReleasesInSequence() {
		ApiClient api = api();
		String base = "/api/v1/products/FCS";
		api.post("/api/v1/products", "{\"key\":\"FCS\",\"name\":\"Forecasts\"}");
		LocalDate today = LocalDate.now();
		long first = api
			.post(base + "/releases",
					"{\"name\":\"2027.1\",\"capacity\":20,\"targetDate\":\"" + today.plusDays(28) + "\"}")
			.json()
			.get("id")
			.asLong();
		long second = api
			.post(base + "/releases",
					"{\"name\":\"2027.2\",\"capacity\":10,\"targetDate\":\"" + today.plusDays(56) + "\"}")
			.json()
			.get("id")
			.asLong();
		Response s = api.post(base + "/sprints", "{\"name\":\"Sprint 1\",\"start\":\"" + today.minusDays(14)
				+ "\",\"end\":\"" + today.minusDays(1) + "\",\"capacity\":20,\"releaseId\":" + first + "}");
		long sprint = s.json().get("id").asLong();
		int[] points = { 5, 8, 8, 3 };
		for (int i = 0; i < points.length; i++) {
			readyItem(api, base, "Story " + (i + 1), points[i]);
			api.put(base + "/items/FCS-" + (i + 1) + "/release", "{\"releaseId\":" + (i < 3 ? first : second) + "}",
					null);
		}
		for (int i = 1; i <= 3; i++) {
			api.put(base + "/items/FCS-" + i + "/release", "{\"sprintId\":" + sprint + "}", null);
		}
		assertThat(api.post(base + "/sprints/" + sprint + "/start", "{\"force\":true}").status()).isEqualTo(200);
		finish(api, base, "FCS-1");
		assertThat(api.post(base + "/sprints/" + sprint + "/close", null).status()).isEqualTo(200);
		assertThat(api.get(base + "/velocity").text()).isEqualTo("[5.00]");

		// 5 of 21 points in the one sprint: the stated 20 a sprint is not believed as is
		JsonNode p = api.get(base + "/releases/" + first + "/progress").json();
		assertThat(p.get("remaining").decimalValue()).isEqualByComparingTo("16");
		assertThat(p.get("forecast").get("method").asText()).contains("stated velocity 20")
			.contains("blended with 1 completed sprint");
		assertThat(p.get("forecast").get("probability").asDouble()).isLessThan(0.85);
		assertThat(p.get("flag").asText()).isNotEqualTo("on track");
		assertThat(p.get("after")).isEmpty();

		// 2027.2 is small, but its work starts after 2027.1's
		JsonNode q = api.get(base + "/releases/" + second + "/progress").json();
		assertThat(q.get("before").decimalValue()).isEqualByComparingTo("16");
		assertThat(q.get("after").toString()).isEqualTo("[\"2027.1\"]");
		assertThat(q.get("forecast").get("p50").asDouble()).isGreaterThan(p.get("forecast").get("p50").asDouble());
		assertThat(q.get("forecast").get("p85").asDouble()).isGreaterThan(p.get("forecast").get("p85").asDouble());
		assertThat(q.get("forecast").get("method").asText())
			.startsWith("in sequence: after the 16 points left in 2027.1");

		JsonNode all = api.get(base + "/release-forecasts").json();
		assertThat(all).hasSize(2);
		assertThat(all.get(0).get("name").asText()).isEqualTo("2027.1");
		assertThat(LocalDate.parse(all.get(1).get("forecast").get("p50Date").asText()))
			.isAfterOrEqualTo(LocalDate.parse(all.get(0).get("forecast").get("p50Date").asText()));
		JsonNode timeline = api.get(base + "/roadmap").json().get("timeline");
		assertThat(timeline.get(1).get("after").toString()).isEqualTo("[\"2027.1\"]");
		assertThat(LocalDate.parse(timeline.get(1).get("p50").asText()))
			.isAfterOrEqualTo(LocalDate.parse(timeline.get(0).get("p50").asText()));

		JsonNode upTo = api.get(base + "/forecast?above=FCS-4").json();
		assertThat(upTo.get("forecast").get("method").asText()).contains("blended with 1 completed sprint");
	}

	@Test
	void closesIntoASprintOfAnotherReleaseKeepsTheClosedBurndownAndEndsTheReview() {
		ApiClient api = api();
		String base = "/api/v1/products/SPO";
		api.post("/api/v1/products", "{\"key\":\"SPO\",\"name\":\"Spillover\"}");
		LocalDate today = LocalDate.now();
		long first = api.post(base + "/releases", "{\"name\":\"R1\",\"capacity\":40}").json().get("id").asLong();
		long second = api.post(base + "/releases", "{\"name\":\"R2\",\"capacity\":40}").json().get("id").asLong();
		long sprint = sprint(api, base, "S1", today.minusDays(3), first);
		long next = sprint(api, base, "S2", today.plusDays(11), second);
		readyItem(api, base, "Done", 5);
		readyItem(api, base, "Left over", 3);
		for (String item : new String[] { "SPO-1", "SPO-2" }) {
			api.put(base + "/items/" + item + "/release", "{\"sprintId\":" + sprint + "}", null);
		}
		assertThat(api.post(base + "/sprints/" + sprint + "/start", "{\"force\":true}").status()).isEqualTo(200);
		finish(api, base, "SPO-1");

		// the spillover goes to a sprint of the next release, and with it to that release
		Response closed = api.post(base + "/sprints/" + sprint + "/close", "{\"nextSprintId\":" + next + "}");
		assertThat(closed.status()).as(closed.text()).isEqualTo(200);
		assertThat(closed.json().get("spillover").toString()).contains("SPO-2");
		assertThat(api.get(base + "/releases/" + second).json().get("items").toString()).contains("SPO-2");

		// the closed sprint's burndown ends where it was closed: 3 points left, nothing
		// taken out
		JsonNode days = api.get(base + "/sprints/" + sprint + "/burndown").json();
		JsonNode last = days.get(days.size() - 1);
		assertThat(last.get("scope").decimalValue()).isEqualByComparingTo("8");
		assertThat(last.get("remaining").decimalValue()).isEqualByComparingTo("3");
		assertThat(last.get("removed").decimalValue()).isEqualByComparingTo("0");
		assertThat(last.get("removedItems")).isEmpty();

		// the review is over once the sprint is closed
		Response review = api.post(base + "/sprints/" + sprint + "/review",
				"{\"item\":\"SPO-1\",\"accepted\":true,\"criteriaMet\":[0]}");
		assertThat(review.status()).as(review.text()).isEqualTo(409);
		assertThat(review.text()).contains("closed");
	}

}
