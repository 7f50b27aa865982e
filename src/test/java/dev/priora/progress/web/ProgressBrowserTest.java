package dev.priora.progress.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.aRelease;
import static dev.priora.support.Fixtures.aSprint;
import static dev.priora.support.Fixtures.aStory;
import static dev.priora.support.Fixtures.aTeamMember;

import java.time.LocalDate;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.priora.support.ApiClient;
import dev.priora.support.BrowserTestBase;
import dev.priora.support.TestProduct;

/**
 * Running sprints in the browser, the burndown, and a forecast whose flag changes when
 * scope grows.
 */
class ProgressBrowserTest extends BrowserTestBase {

	/**
	 * Product {@code key}: release Launch (40 points, due in 45 days) with three sprints
	 * of 10 points, the last one starting 14 days ago; stories 1–8 of 5 points, ready,
	 * two in each sprint and 7 and 8 in the release only; a team member. Answers the
	 * release and the sprints.
	 */
	private static long[] launch(TestProduct product) {
		LocalDate today = LocalDate.now();
		long release = aRelease("Launch").capacity(40).targetDate(today.plusDays(45)).in(product);
		long[] ids = { release, 0, 0, 0 };
		for (int s = 0; s < 3; s++) {
			ids[s + 1] = aSprint("Sprint " + (s + 1)).starting(today.minusDays(42 - 14L * s))
				.capacity(10)
				.forRelease(release)
				.in(product);
		}
		for (int i = 1; i <= 8; i++) {
			aStory("Story " + i).estimate(5).ready().in(product);
			product.plan(product.item(i), release, i <= 6 ? ids[1 + (i - 1) / 2] : null);
		}
		aTeamMember("Ann").capacity(10).in(product);
		return ids;
	}

	/** {@link #launch} with its three sprints run and closed, their items done. */
	private static long ranThreeSprints(TestProduct product) {
		long[] ids = launch(product);
		for (int s = 0; s < 3; s++) {
			ApiClient api = product.api();
			assertAccepted(api.post(product.base() + "/sprints/" + ids[s + 1] + "/start", "{}"));
			product.finish(product.item(2 * s + 1));
			product.finish(product.item(2 * s + 2));
			assertAccepted(api.post(product.base() + "/sprints/" + ids[s + 1] + "/close", "{}"));
		}
		return ids[0];
	}

	private static void assertAccepted(ApiClient.Response r) {
		org.assertj.core.api.Assertions.assertThat(r.status()).as(r.text()).isEqualTo(200);
	}

	@Test
	void runsASprintFromItsPageWithTheBurndownAReviewAndTheClose() {
		TestProduct product = aProduct("PGB").named("Progress browser").createdBy(api());
		long sprint = launch(product)[1];
		signIn();
		page.navigate("/p/PGB/sprints/" + sprint);
		page.locator("#start-sprint button").click();
		assertThat(page.locator("#sprint-state")).hasText("active");
		product.finish("PGB-1");
		product.finish("PGB-2");
		page.navigate("/p/PGB/sprints/" + sprint);
		JsonNode burndown = drawn("#burndown", "Left", "Scope", "Even pace");
		org.assertj.core.api.Assertions.assertThat(series(burndown, "Left").size()).isPositive();
		assertThat(page.locator("#sprint-items select[name=member]")).hasCount(2);
		var good = page.locator(".review-item[data-key=PGB-1]");
		good.locator("input[name=criteria]").check();
		good.locator("button[value=accept]").click();
		assertThat(page.locator(".review-item[data-key=PGB-1] .verdict")).hasText("accepted");
		// the verdict may come with a new page: its script opens the dialog once loaded
		page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
		page.locator("#close-sprint-open").click();
		assertThat(page.locator("#close-sprint-dialog")).isVisible();
		page.locator("#close-sprint button.primary").click();
		assertThat(page.locator("#sprint-state")).hasText("closed");
		// closed: the review is over and nobody is assigned any more
		assertThat(page.locator(".review-item[data-key=PGB-2]")).isVisible();
		assertThat(page.locator("#review form")).hasCount(0);
		assertThat(page.locator("#review-over")).isVisible();
		assertThat(page.locator("#sprint-items select[name=member]")).hasCount(0);
		org.assertj.core.api.Assertions.assertThat(product.api().get(product.base() + "/sprint-runs").text())
			.as("stored: the run is closed")
			.contains("CLOSED");
	}

	@Test
	void theReleaseProgressShowsTheForecastFlagChangeWhenScopeGrows() {
		TestProduct product = aProduct("PGA").named("Progress flag").createdBy(api());
		long release = ranThreeSprints(product);
		signIn();
		page.navigate("/p/PGA/releases/" + release + "/progress");
		assertThat(page.locator("#remaining")).hasText("10 points");
		assertThat(page.locator("#forecast-flag")).hasText("on track");
		org.assertj.core.api.Assertions.assertThat(series(drawn("#velocity", "Completed"), "Completed").size())
			.isEqualTo(3);
		assertThat(page.locator("#burnup")).hasAttribute("aria-label", "Burnup: 30 of 40 points done");
		for (int i = 0; i < 20; i++) {
			aStory("Later " + i).estimate(5).ready().in(product);
			product.planInRelease(product.item(9 + i), release);
		}
		page.reload();
		assertThat(page.locator("#forecast-flag")).hasText("off track");
	}

	@Test
	void theChartsPageDrawsVelocityFlowAndCycleTimesWithTheirLabelsApart() {
		TestProduct product = aProduct("PGF").named("Progress charts").createdBy(api());
		ranThreeSprints(product);
		signIn();
		page.navigate("/p/PGF/charts");
		JsonNode velocity = drawn("#velocity-chart", "Committed", "Completed");
		org.assertj.core.api.Assertions.assertThat(series(velocity, "Completed").size()).isEqualTo(3);
		JsonNode flow = drawn("#flow-chart", "Done", "In progress", "Ready", "New");
		org.assertj.core.api.Assertions.assertThat(flow.get("series").size()).isEqualTo(4);
		JsonNode cycle = drawn("#cycle-chart", "Finished item", "% within");
		org.assertj.core.api.Assertions.assertThat(series(cycle, "Finished item").size()).isEqualTo(6);
		// the percentile labels do not overlap: their boxes on the page are apart
		var labels = page.locator("#cycle-chart svg text").filter(new Locator.FilterOptions().setHasText(" % within"));
		int levels = cycle.get("levels").size();
		assertThat(labels).hasCount(levels);
		for (int i = 0; i < levels; i++) {
			for (int j = i + 1; j < levels; j++) {
				var a = labels.nth(i).boundingBox();
				var b = labels.nth(j).boundingBox();
				boolean apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y
						|| b.y + b.height <= a.y;
				org.assertj.core.api.Assertions.assertThat(apart)
					.as("percentile labels %s and %s overlap", labels.nth(i).textContent(), labels.nth(j).textContent())
					.isTrue();
			}
		}
	}

	@Test
	void recordsADecisionOnTheReleaseProgressPage() {
		TestProduct product = aProduct("PGD").named("Progress decision").createdBy(api());
		long release = launch(product)[0];
		signIn();
		page.navigate("/p/PGD/releases/" + release + "/progress");
		page.locator("#decision-form input[name=note]").fill("Cut the later stories");
		page.locator("#decision-form select").selectOption("GO_BACK");
		page.locator("#decision-form button").click();
		assertThat(page.locator("#decisions")).containsText("Cut the later stories");
		org.assertj.core.api.Assertions
			.assertThat(product.api().get(product.base() + "/releases/" + release + "/progress").text())
			.as("stored")
			.contains("Cut the later stories");
	}

	@Test
	void forecastsReleasesInSequenceOnTheReleasesThePlanningBoardAndTheRoadmap() {
		ApiClient api = api();
		TestProduct product = aProduct("PGS").named("Sequence").createdBy(api);
		String base = product.base();
		LocalDate today = LocalDate.now();
		long first = api
			.post(base + "/releases",
					"{\"name\":\"2027.1\",\"capacity\":20,\"targetDate\":\"" + today.plusDays(60) + "\"}")
			.json()
			.get("id")
			.asLong();
		long second = api
			.post(base + "/releases",
					"{\"name\":\"2027.2\",\"capacity\":10,\"targetDate\":\"" + today.plusDays(90) + "\"}")
			.json()
			.get("id")
			.asLong();
		aSprint("Sprint 1").starting(today).capacity(10).forRelease(first).in(product);
		for (int i = 1; i <= 5; i++) {
			aStory("Story " + i).estimate(5).ready().in(product);
			product.planInRelease("PGS-" + i, (i <= 4 ? first : second));
		}
		signIn();
		page.navigate("/p/PGS/releases");
		var row = page.locator("#release-forecasts tr[data-release='2027.2']");
		assertThat(row.locator("td").nth(2)).hasText("5");
		assertThat(row.locator("td").nth(3)).hasText("20");
		String firstLikely = page.locator("#release-forecasts tr[data-release='2027.1'] td[data-col=p50]")
			.getAttribute("data-date");
		String secondLikely = row.locator("td[data-col=p50]").getAttribute("data-date");
		org.assertj.core.api.Assertions.assertThat(LocalDate.parse(secondLikely)).isAfter(LocalDate.parse(firstLikely));
		screenshot("releases-forecast");
		page.locator("#release-forecasts a", new com.microsoft.playwright.Page.LocatorOptions().setHasText("2027.2"))
			.click();
		screenshot("release-progress-in-sequence");
		assertThat(page.locator("#forecast-sequence")).containsText("left in 2027.1 come first");
		assertThat(page.locator("#forecast-method")).containsText("in sequence: after the 20 points left in 2027.1");
		page.navigate("/p/PGS/roadmap");
		assertThat(page.locator("#timeline tr[data-release='2027.2']")).containsText("after 2027.1");
	}

	/**
	 * The chart at the selector, once ECharts has drawn it (an SVG with each legend
	 * entry), as the JSON it was drawn from.
	 */
	private JsonNode drawn(String selector, String... legend) {
		Locator chart = page.locator(selector);
		assertThat(chart.locator("svg")).hasCount(1);
		for (String name : legend) {
			assertThat(chart.locator("svg text").filter(new Locator.FilterOptions().setHasText(name)).first())
				.isAttached();
		}
		return JsonMapper.builder().build().readTree(chart.getAttribute("data-chart"));
	}

	private static JsonNode series(JsonNode chart, String name) {
		for (JsonNode s : chart.get("series")) {
			if (s.get("name").asText().equals(name)) {
				return s.get("data");
			}
		}
		throw new AssertionError("no series " + name + " in " + chart);
	}

	@Test
	void startingASprintWhileAnotherRunsSaysWhichOneAndOffersNoStartAnyway() {
		TestProduct product = aProduct("WKST").named("Week start").createdBy(api());
		long[] ids = launch(product);
		assertAccepted(product.api().post(product.base() + "/sprints/" + ids[1] + "/start", "{}"));
		signIn();
		page.navigate("/p/WKST/sprints/" + ids[2]);
		page.locator("#start-sprint button").click();
		page.waitForURL("**/sprints/" + ids[2]);
		// before: 'Sprint Sprint 1 is running; close it first.' and a 'Start anyway' that
		// cannot help
		assertThat(page.locator("#sprint-error")).hasText("Sprint 1 is running: close it before starting Sprint 2.");
		assertThat(page.locator("#force-start")).hasCount(0);
		assertThat(page.locator("#sprint-state")).hasText("planned");
	}

	@Test
	void editsASprintsGoalAndDatesAndARefusalKeepsWhatWasTypedInItsDialog() {
		TestProduct product = aProduct("WKED").named("Week edit").createdBy(api());
		long sprint = launch(product)[3];
		LocalDate start = LocalDate.now().plusDays(1);
		signIn();
		page.navigate("/p/WKED/sprints/" + sprint);
		page.locator("#edit-sprint-open").click();
		Locator dialog = page.locator("#edit-sprint-dialog");
		assertThat(dialog.locator("input[name=name]")).hasValue("Sprint 3");
		dialog.locator("textarea[name=goal]").fill("Checkout works on phones");
		dialog.locator("input[name=start]").fill(start.toString());
		dialog.locator("input[name=end]").fill(start.minusDays(1).toString());
		dialog.locator("button.primary").click();
		// refused: the dialog opens again with what was typed and the reason under the
		// field
		assertThat(dialog).isVisible();
		assertThat(dialog.locator(".field-error")).containsText("must not be before the start");
		assertThat(dialog.locator("textarea[name=goal]")).hasValue("Checkout works on phones");
		assertThat(page.locator("#sprint-error")).hasCount(0);
		screenshot("sprint-edit-refused-1280");
		dialog.locator("input[name=end]").fill(start.plusDays(13).toString());
		dialog.locator("input[name=capacity]").fill("12");
		dialog.locator("button.primary").click();
		assertThat(page.locator(".toast")).containsText("Sprint 3 saved.");
		page.reload();
		assertThat(page.locator(".page-head .lead")).containsText("Goal: Checkout works on phones");
		assertThat(page.locator(".stat").first()).containsText("12");
		ApiClient.Response stored = product.api().get(product.base() + "/sprints/" + sprint);
		org.assertj.core.api.Assertions.assertThat(stored.json().get("end").asString())
			.isEqualTo(start.plusDays(13).toString());
		org.assertj.core.api.Assertions.assertThat(stored.etag()).isEqualTo("\"1\"");
	}

	@Test
	void aClosedSprintKeepsItsDatesAndCapacityWhileItsGoalCanChange() {
		TestProduct product = aProduct("WKCL").named("Week closed").createdBy(api());
		ranThreeSprints(product);
		long sprint = product.api().get(product.base() + "/sprint-runs").json().get(0).get("sprint").get("id").asLong();
		signIn();
		page.navigate("/p/WKCL/sprints/" + sprint);
		page.locator("#edit-sprint-open").click();
		Locator dialog = page.locator("#edit-sprint-dialog");
		assertThat(dialog.locator("#closed-sprint-hint")).isVisible();
		assertThat(dialog.locator("input[name=start]")).isEditable(
				new com.microsoft.playwright.assertions.LocatorAssertions.IsEditableOptions().setEditable(false));
		dialog.locator("textarea[name=goal]").fill("Learn what customers pay for");
		dialog.locator("button.primary").click();
		assertThat(page.locator(".page-head .lead")).containsText("Goal: Learn what customers pay for");
		ApiClient api = product.api();
		String path = product.base() + "/sprints/" + sprint;
		JsonNode now = api.get(path).json();
		String moved = "{\"name\":\"" + now.get("name").asString() + "\",\"start\":\"" + now.get("start").asString()
				+ "\",\"end\":\"" + LocalDate.parse(now.get("end").asString()).plusDays(3) + "\",\"capacity\":10}";
		ApiClient.Response closed = api.put(path, moved, "\"" + now.get("version").asLong() + "\"");
		org.assertj.core.api.Assertions.assertThat(closed.status()).isEqualTo(409);
		org.assertj.core.api.Assertions.assertThat(closed.text()).contains("closed");
		org.assertj.core.api.Assertions.assertThat(api.put(path, moved, null).status()).isEqualTo(428);
		String renamed = "{\"name\":\"Sprint one\",\"start\":\"" + now.get("start").asString() + "\",\"end\":\""
				+ now.get("end").asString() + "\",\"capacity\":10}";
		org.assertj.core.api.Assertions.assertThat(api.put(path, renamed, "\"0\"").status()).isEqualTo(412);
		org.assertj.core.api.Assertions
			.assertThat(api.put(path, renamed, "\"" + now.get("version").asLong() + "\"").json().get("name").asString())
			.isEqualTo("Sprint one");
	}

	@Test
	void aLongRejectionReasonSendsTheItemBackToTheBacklog() {
		TestProduct product = aProduct("RNRJ").named("Run reject").createdBy(api());
		long sprint = launch(product)[1];
		assertAccepted(product.api().post(product.base() + "/sprints/" + sprint + "/start", "{}"));
		product.finish("RNRJ-1");
		signIn();
		page.navigate("/p/RNRJ/sprints/" + sprint);
		Locator card = page.locator(".review-item[data-key=RNRJ-1]");
		// the field takes 2,000 characters; before, a reason above about 460 was a 500
		// (the item's history keeps a note of at most 500)
		card.locator("input[name=reason]").fill("Not what we agreed. ".repeat(100));
		card.locator("button[value=reject]").click();
		assertThat(page.locator(".toast")).containsText("RNRJ-1 rejected: back in the backlog.");
		// out of the sprint, so off its review
		assertThat(page.locator(".review-item[data-key=RNRJ-1]")).hasCount(0);
		JsonNode item = product.api().get(product.base() + "/items/RNRJ-1").json();
		org.assertj.core.api.Assertions.assertThat(item.get("status").asText()).isEqualTo("READY");
		page.navigate("/p/RNRJ/items/RNRJ-1");
		assertThat(page.locator("#history")).containsText("rejected in the review of Sprint 1: Not what we agreed.");
	}

	@Test
	void aRefusedVerdictComesBackOnTheSprintPageSoReloadAndBackPostNothing() {
		TestProduct product = aProduct("RNRV").named("Run review").createdBy(api());
		long sprint = launch(product)[1];
		assertAccepted(product.api().post(product.base() + "/sprints/" + sprint + "/start", "{}"));
		product.finish("RNRV-1");
		signIn();
		page.navigate("/p/RNRV/sprints/" + sprint);
		Locator card = page.locator(".review-item[data-key=RNRV-1]");
		card.locator("input[name=reason]").fill("Looks fine to me");
		card.locator("button[value=accept]").click();
		// before: the page came at the form's address (/review), which a reload posted
		// again and Back or a bookmark answered with 405
		page.waitForURL("**/sprints/" + sprint + "#review-RNRV-1");
		assertThat(card.locator(".error-summary")).containsText("Not met: 'It works'");
		assertThat(card.locator("input[name=reason]")).hasValue("Looks fine to me");
		assertThat(card.locator("input[name=criteria]")).not().isChecked();
		com.microsoft.playwright.Response again = page.reload();
		org.assertj.core.api.Assertions.assertThat(again.status()).isEqualTo(200);
		assertThat(card.locator(".error-summary")).hasCount(0);
		card.locator("input[name=criteria]").check();
		card.locator("button[value=accept]").click();
		assertThat(page.locator(".review-item[data-key=RNRV-1] .verdict")).hasText("accepted");
	}

	@Test
	void closingSaysWhatIsUnfinishedAndOffersOnlySprintsThatHaveNotStarted() {
		TestProduct product = aProduct("RNCL").named("Run close").createdBy(api());
		long[] ids = launch(product);
		ApiClient api = product.api();
		assertAccepted(api.post(product.base() + "/sprints/" + ids[1] + "/start", "{}"));
		product.finish("RNCL-1");
		product.finish("RNCL-2");
		assertAccepted(api.post(product.base() + "/sprints/" + ids[1] + "/close", "{}"));
		assertAccepted(api.post(product.base() + "/sprints/" + ids[2] + "/start", "{}"));
		product.finish("RNCL-3");
		// before: a closed sprint was offered, and the refusal read 'sprintId: Sprint 1
		// is
		// closed; choose a sprint that is not closed'
		ApiClient.Response toClosed = api.post(product.base() + "/sprints/" + ids[2] + "/close",
				"{\"nextSprintId\":" + ids[1] + "}");
		org.assertj.core.api.Assertions.assertThat(toClosed.status()).isEqualTo(409);
		org.assertj.core.api.Assertions.assertThat(toClosed.text())
			.contains(
					"Sprint 1 is closed: send the unfinished items to a sprint that has not started, or to no sprint.");
		signIn();
		page.navigate("/p/RNCL/sprints/" + ids[2]);
		assertThat(page.locator("#done-so-far")).hasText("5");
		page.locator("#close-sprint-open").click();
		Locator dialog = page.locator("#close-sprint-dialog");
		assertThat(dialog.locator("#close-summary"))
			.hasText("Closing records 5 pts completed. 1 item is not done (5 pts): RNCL-4.");
		assertThat(dialog.locator("#close-unreviewed"))
			.hasText("1 done item is not reviewed yet: closing ends the review, so accept or reject them first.");
		Locator options = dialog.locator("select[name=nextSprintId] option");
		assertThat(options).hasCount(2);
		assertThat(options.nth(1)).containsText("Sprint 3");
		assertThat(dialog.locator("select[name=nextSprintId]")).hasValue(String.valueOf(ids[3]));
		screenshot("sprint-close-dialog-1280");
		dialog.locator("button.primary").click();
		assertThat(page.locator("#sprint-state")).hasText("closed");
		page.navigate("/p/RNCL/sprints/" + ids[3]);
		assertThat(page.locator("#sprint-items tr[data-key=RNCL-4]")).hasCount(1);
	}

	@Test
	void aDecisionWithALongWordWrapsInsteadOfWideningTheTable() {
		TestProduct product = aProduct("RNDW").named("Run decision").createdBy(api());
		long release = launch(product)[0];
		signIn();
		page.setViewportSize(1280, 900);
		page.navigate("/p/RNDW/releases/" + release + "/progress");
		page.locator("#decision-form input[name=note]").fill("See https://example.com/" + "a".repeat(300));
		page.locator("#decision-form button").click();
		assertThat(page.locator("#decisions")).containsText("See https://example.com/");
		// before: the word stretched the table past the page, each row on one line, the
		// table scrolling sideways in its box
		Object sideways = page.evaluate("() => { const w = document.querySelector('#decisions').closest('.table-wrap');"
				+ " return w.scrollWidth - w.clientWidth; }");
		org.assertj.core.api.Assertions.assertThat(((Number) sideways).intValue()).isLessThanOrEqualTo(1);
		screenshot("release-decisions-1280");
	}

	@Test
	void theReleaseRisksSayWhichItemsWaitAndWhichAreNotReady() {
		TestProduct product = aProduct("RNBK").named("Run blocked").createdBy(api());
		long release = launch(product)[0];
		org.assertj.core.api.Assertions
			.assertThat(product.api()
				.post(product.path("/items/RNBK-2/dependencies"), "{\"kind\":\"DEPENDS_ON\",\"target\":\"RNBK-1\"}")
				.status())
			.isBetween(200, 299);
		signIn();
		page.navigate("/p/RNBK/releases/" + release + "/progress");
		// before: 'blocked By unfinished prerequisites: RNBK-2', as if RNBK-2 were the
		// prerequisite, and 'not ready RNBK-2' with no word of why it is a risk
		assertThat(page.locator("#risk-blocked")).hasText("RNBK-2 waits on items that are not done yet");
		assertThat(page.locator("#risk-not-ready")).hasText("RNBK-2 does not meet the Definition of Ready");
	}

}
