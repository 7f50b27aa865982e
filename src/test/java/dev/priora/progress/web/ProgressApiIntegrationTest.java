package dev.priora.progress.web;

import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.aRelease;
import static dev.priora.support.Fixtures.aSprint;
import static dev.priora.support.Fixtures.aStory;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import dev.priora.support.ApiClient.Response;
import dev.priora.support.ApiClient;
import dev.priora.support.IntegrationTestBase;
import dev.priora.support.TestProduct;
import tools.jackson.databind.JsonNode;

class ProgressApiIntegrationTest extends IntegrationTestBase {

	@Test
	void burndownAndBurnupShowScopeAddedAndTakenOutMidSprint() {
		ApiClient api = api();
		TestProduct p = aProduct("SCB").named("Scope changes").createdBy(api);
		String base = p.base();
		LocalDate today = LocalDate.now();
		long release = aRelease("R").capacity(40).in(p);
		long sprint = aSprint("S").starting(today.minusDays(3)).capacity(10).forRelease(release).in(p);
		String a = aStory("A").estimate(5).ready().in(p);
		String b = aStory("B").estimate(3).ready().in(p);
		String c = aStory("C").estimate(2).ready().in(p);
		p.planInSprint(a, sprint);
		p.planInSprint(b, sprint);
		assertThat(api.post(base + "/sprints/" + sprint + "/start", "{\"force\":true}").status()).isEqualTo(200);
		// mid-sprint: C comes in, B goes out (stays in the release), A is finished
		p.planInSprint(c, sprint);
		p.planInRelease(b, release);
		p.finish(a);

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

	/**
	 * Product {@code key} with release "Big one" (40 points, due in 60 days) holding
	 * KEY-1…KEY-8, ready 5-point stories, and KEY-9, a 3-point story that is not ready;
	 * sprints S1, S2 and S3 of two weeks, the last one started 14 days ago.
	 */
	private record ThreeSprints(TestProduct product, long release, long s1, long s2, long s3) {

		String path(String rest) {
			return product.path(rest);
		}

	}

	private ThreeSprints threeSprints(String key) {
		TestProduct p = aProduct(key).named("Progress").createdBy(api());
		LocalDate today = LocalDate.now();
		long release = aRelease("Big one").capacity(40).targetDate(today.plusDays(60)).in(p);
		for (int i = 1; i <= 8; i++) {
			p.planInRelease(aStory("Story " + i).estimate(5).ready().in(p), release);
		}
		aStory("Not ready").estimate(3).in(p);
		long s1 = aSprint("S1").starting(today.minusDays(42)).capacity(10).forRelease(release).in(p);
		long s2 = aSprint("S2").starting(today.minusDays(28)).capacity(10).forRelease(release).in(p);
		long s3 = aSprint("S3").starting(today.minusDays(14)).capacity(10).forRelease(release).in(p);
		return new ThreeSprints(p, release, s1, s2, s3);
	}

	/**
	 * Runs S1 with KEY-1, KEY-2 and KEY-9, closing it into S2, then S2 with KEY-3 and
	 * KEY-4 and S3 with KEY-5 and KEY-6: 10 points done in each, KEY-9 spilling over
	 * twice.
	 */
	private ThreeSprints threeSprintsRun(String key) {
		ThreeSprints run = threeSprints(key);
		TestProduct p = run.product();
		for (int item : new int[] { 9, 1, 2 }) {
			p.plan(p.item(item), run.release(), run.s1());
		}
		assertThat(p.api().post(run.path("/sprints/" + run.s1() + "/start"), "{\"force\":true}").status())
			.isEqualTo(200);
		p.finish(p.item(1));
		p.finish(p.item(2));
		assertThat(p.api()
			.post(run.path("/sprints/" + run.s1() + "/close"), "{\"nextSprintId\":" + run.s2() + "}")
			.status()).isEqualTo(200);
		runSprint(run, run.s2(), 3, 4);
		runSprint(run, run.s3(), 5, 6);
		return run;
	}

	private static void runSprint(ThreeSprints run, long sprint, int... items) {
		TestProduct p = run.product();
		for (int item : items) {
			p.plan(p.item(item), run.release(), sprint);
		}
		assertThat(p.api().post(run.path("/sprints/" + sprint + "/start"), "{\"force\":true}").status()).isEqualTo(200);
		for (int item : items) {
			p.finish(p.item(item));
		}
		assertThat(p.api().post(run.path("/sprints/" + sprint + "/close"), null).status()).isEqualTo(200);
	}

	private static String sprintState(ThreeSprints run, long sprint) {
		for (JsonNode r : run.product().api().get(run.path("/sprint-runs")).json()) {
			if (r.get("sprint").get("id").asLong() == sprint) {
				return r.get("state").asText();
			}
		}
		throw new AssertionError("no sprint " + sprint);
	}

	@Test
	void startsASprintOnlyWhenPlannedReadyOrForcedAndOneAtATime() {
		ThreeSprints run = threeSprints("PRG");
		TestProduct p = run.product();
		ApiClient api = p.api();
		String s1 = "/sprints/" + run.s1();
		assertThat(api.post(run.path(s1 + "/start"), null).status()).as("nothing planned").isEqualTo(409);
		for (String item : new String[] { "PRG-9", "PRG-1", "PRG-2" }) {
			p.plan(item, run.release(), run.s1());
		}
		Response notReady = api.post(run.path(s1 + "/start"), null);
		assertThat(notReady.status()).isEqualTo(409);
		assertThat(notReady.json().get("detail").asText()).contains("PRG-9");
		String planned = sprintState(run, run.s1());
		Response started = api.post(run.path(s1 + "/start"), "{\"force\":true}");
		assertThat(started.status()).as(started.text()).isEqualTo(200);
		assertThat(sprintState(run, run.s1())).as("the refusals started nothing").isNotEqualTo(planned);
		assertThat(started.json().get("committed").decimalValue()).isEqualByComparingTo("13");
		assertThat(api.post(run.path("/sprints/" + run.s2() + "/start"), "{\"force\":true}").status())
			.as("one at a time")
			.isEqualTo(409);
	}

	@Test
	void closesASprintWithItsSpilloverMovedToTheNextAndKeepsItsBurndown() {
		ThreeSprints run = threeSprints("PGC");
		TestProduct p = run.product();
		ApiClient api = p.api();
		String s1 = "/sprints/" + run.s1();
		for (String item : new String[] { "PGC-9", "PGC-1", "PGC-2" }) {
			p.plan(item, run.release(), run.s1());
		}
		assertThat(api.post(run.path(s1 + "/start"), "{\"force\":true}").status()).isEqualTo(200);
		p.finish("PGC-1");
		p.finish("PGC-2");
		Response closed = api.post(run.path(s1 + "/close"), "{\"nextSprintId\":" + run.s2() + "}");
		assertThat(closed.status()).as(closed.text()).isEqualTo(200);
		assertThat(closed.json().get("completed").decimalValue()).isEqualByComparingTo("10");
		assertThat(closed.json().get("spillover").toString()).contains("PGC-9");
		JsonNode planned = api.get(run.path("/releases/" + run.release())).json().get("items");
		assertThat(planned.findValues("key").stream().map(JsonNode::asText).toList()).contains("PGC-9");
		for (JsonNode item : planned) {
			if ("PGC-9".equals(item.get("key").asText())) {
				assertThat(item.get("sprintId").asLong()).as("stored in S2").isEqualTo(run.s2());
			}
		}
		JsonNode burndown = api.get(run.path(s1 + "/burndown")).json();
		assertThat(burndown).hasSize(14);
		assertThat(api.get(run.path(s1 + "/burndown.csv")).text())
			.startsWith("day,remaining,scope,added,removed,added_items,removed_items\r\n");
	}

	@Test
	void forecastsTheReleaseFromThreeClosedSprintsAndChartsThem() {
		ThreeSprints run = threeSprintsRun("PRF");
		ApiClient api = run.product().api();
		assertThat(api.get(run.path("/velocity")).text()).isEqualTo("[10.00,10.00,10.00]");

		JsonNode progress = api.get(run.path("/releases/" + run.release() + "/progress")).json();
		assertThat(progress.get("remaining").decimalValue()).isEqualByComparingTo("13");
		assertThat(progress.get("forecast").get("p50").asDouble()).isBetween(1.0, 1.6);
		assertThat(progress.get("flag").asText()).isEqualTo("on track");
		assertThat(progress.get("forecast").get("method").asText()).contains("3 completed sprints");
		assertThat(progress.get("notReady").toString()).contains("PRF-9");
		// PRF-9 (3 points) spilled over from S1 into S2 and out of S2; S3 finished
		// everything
		assertThat(progress.get("spillover").get(0).decimalValue()).isEqualByComparingTo("3");
		assertThat(progress.get("spillover").get(1).decimalValue()).isEqualByComparingTo("3");
		assertThat(progress.get("spillover").get(2).decimalValue()).isEqualByComparingTo("0");
		assertThat(api.get(run.path("/charts/velocity.csv")).text())
			.isEqualTo("sprint,committed,completed\r\nS1,13.00,10.00\r\nS2,13.00,10.00\r\nS3,10.00,10.00\r\n");

		JsonNode velocity = api.get(run.path("/charts/velocity")).json();
		assertThat(velocity).hasSize(3);
		assertThat(velocity.get(0).get("committed").decimalValue()).isEqualByComparingTo("13");
		JsonNode cycle = api.get(run.path("/charts/cycle-times")).json();
		assertThat(cycle.get("items")).hasSize(6);
		assertThat(cycle.get("p85").asDouble()).isGreaterThanOrEqualTo(0);
		JsonNode flow = api.get(run.path("/charts/cumulative-flow?days=5")).json();
		assertThat(flow).hasSize(5);
		assertThat(flow.get(4).get("counts").get("DONE").asInt()).isEqualTo(6);
		assertThat(api.get(run.path("/charts/cumulative-flow.csv?days=2")).text())
			.startsWith("day,new,ready,in_progress,done,rejected\r\n");
	}

	@Test
	void forecastsTheItemsUpToOneInTheBacklog() {
		ThreeSprints run = threeSprintsRun("PRU");
		ApiClient api = run.product().api();
		JsonNode upTo = api.get(run.path("/forecast?above=PRU-8")).json();
		assertThat(upTo.get("items").toString()).isEqualTo("[\"PRU-7\",\"PRU-8\"]");
		assertThat(upTo.get("remaining").decimalValue()).isEqualByComparingTo("10");
		assertThat(upTo.get("forecast").get("p50").asDouble()).isBetween(0.8, 1.2);
		assertThat(api.get(run.path("/forecast?epic=PRU-1")).status()).isEqualTo(400);
		assertThat(api.get(run.path("/forecast")).status()).isEqualTo(400);
	}

	@Test
	void flagsTheReleaseOffTrackWhenScopeGrowsAndRecordsTheDecision() {
		ThreeSprints run = threeSprintsRun("PRQ");
		TestProduct p = run.product();
		ApiClient api = p.api();
		String release = "/releases/" + run.release();
		// scope grows by 100 points: ten more sprints at 10 points each cannot finish in
		// 60 days
		for (int i = 0; i < 20; i++) {
			p.planInRelease(aStory("More " + i).estimate(5).ready().in(p), run.release());
		}
		JsonNode grown = api.get(run.path(release + "/progress")).json();
		assertThat(grown.get("flag").asText()).isEqualTo("off track");
		assertThat(grown.get("forecast").get("probability").asDouble()).isLessThan(0.5);

		assertThat(api.post(run.path(release + "/decisions"), "{\"decision\":\"GO_BACK\",\"note\":\"cut scope\"}")
			.status()).isEqualTo(204);
		assertThat(api.post(run.path(release + "/decisions"), "{\"decision\":\"MAYBE\"}").status()).isEqualTo(400);
		JsonNode decisions = api.get(run.path(release + "/progress")).json().get("decisions");
		assertThat(decisions.toString()).contains("cut scope").doesNotContain("MAYBE");
		assertThat(decisions).as("the refused decision was not stored").hasSize(1);
	}

	@Test
	void reviewsDoneItemsAgainstTheirCriteriaAndSendsRejectedOnesBack() {
		ApiClient api = api();
		TestProduct p = aProduct("PRV").named("Review").createdBy(api);
		String base = p.base();
		long release = aRelease("R").capacity(20).in(p);
		long sprint = aSprint("S").starting(LocalDate.now().minusDays(7)).capacity(10).forRelease(release).in(p);
		for (String title : new String[] { "Good", "Flawed" }) {
			p.plan(aStory(title).estimate(3).ready().in(p), release, sprint);
		}
		assertThat(api.post(base + "/sprints/" + sprint + "/start", null).status()).isEqualTo(200);
		p.finish("PRV-1");
		p.finish("PRV-2");
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
		TestProduct product = aProduct("THR").named("Throughput").createdBy(api);
		String base = product.base();
		long release = aRelease("R").capacity(0).targetDate(LocalDate.now().plusDays(300)).in(product);
		for (int i = 1; i <= 6; i++) {
			product.planInRelease(aStory("Unestimated " + i).description("d").criteria("ok").in(product), release);
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
		TestProduct product = aProduct("FCS").named("Forecasts").createdBy(api);
		String base = product.base();
		LocalDate today = LocalDate.now();
		long first = aRelease("2027.1").capacity(20).targetDate(today.plusDays(28)).in(product);
		long second = aRelease("2027.2").capacity(10).targetDate(today.plusDays(56)).in(product);
		long sprint = aSprint("Sprint 1").starting(today.minusDays(14))
			.ending(today.minusDays(1))
			.capacity(20)
			.forRelease(first)
			.in(product);
		int[] points = { 5, 8, 8, 3 };
		for (int i = 0; i < points.length; i++) {
			product.planInRelease(aStory("Story " + (i + 1)).estimate(points[i]).ready().in(product),
					i < 3 ? first : second);
		}
		for (int i = 1; i <= 3; i++) {
			product.planInSprint(product.item(i), sprint);
		}
		assertThat(api.post(base + "/sprints/" + sprint + "/start", "{\"force\":true}").status()).isEqualTo(200);
		product.finish("FCS-1");
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

		toldInHours(api, base, second);
	}

	/** Switched to hours, the product's in-sequence forecast counts hours. */
	private static void toldInHours(ApiClient api, String base, long second) {
		String version = api.get("/api/v1/products/FCS").etag();
		assertThat(api.put("/api/v1/products/FCS", "{\"name\":\"Forecasts\",\"estimateUnit\":\"HOURS\"}", version)
			.status()).isEqualTo(200);
		assertThat(api.get(base + "/releases/" + second + "/progress").json().get("forecast").get("method").asText())
			.startsWith("in sequence: after the 16 hours left in 2027.1");
	}

	@Test
	void closesIntoASprintOfAnotherReleaseKeepsTheClosedBurndownAndEndsTheReview() {
		ApiClient api = api();
		TestProduct p = aProduct("SPO").named("Spillover").createdBy(api);
		String base = p.base();
		LocalDate today = LocalDate.now();
		long first = aRelease("R1").capacity(40).in(p);
		long second = aRelease("R2").capacity(40).in(p);
		long sprint = aSprint("S1").starting(today.minusDays(3)).capacity(10).forRelease(first).in(p);
		long next = aSprint("S2").starting(today.plusDays(11)).capacity(10).forRelease(second).in(p);
		p.planInSprint(aStory("Done").estimate(5).ready().in(p), sprint);
		p.planInSprint(aStory("Left over").estimate(3).ready().in(p), sprint);
		assertThat(api.post(base + "/sprints/" + sprint + "/start", "{\"force\":true}").status()).isEqualTo(200);
		p.finish("SPO-1");

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
