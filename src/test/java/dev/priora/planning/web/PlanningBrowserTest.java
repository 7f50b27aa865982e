package dev.priora.planning.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.aRelease;
import static dev.priora.support.Fixtures.aSprint;
import static dev.priora.support.Fixtures.aStory;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;

import dev.priora.support.ApiClient;
import dev.priora.support.BrowserTestBase;
import dev.priora.support.TestProduct;
import tools.jackson.databind.JsonNode;

/**
 * Release planning in the browser: add a release, plan by hand, let the optimizer plan,
 * read why, apply, undo.
 */
class PlanningBrowserTest extends BrowserTestBase {

	/**
	 * Product {@code key}: 1 Foundation (5, worth 5), 2 Polish (8, 40), 3 Quick win (3,
	 * 30), 4 Big feature (3, 80, needs 1), scored by value ÷ effort.
	 */
	private TestProduct scoredProduct(String key) {
		ApiClient api = api();
		TestProduct product = aProduct(key).named("Planned").createdBy(api);
		String[][] items = { { "Foundation", "5", "5" }, { "Polish", "8", "40" }, { "Quick win", "3", "30" },
				{ "Big feature", "3", "80" } };
		for (String[] i : items) {
			aStory(i[0]).estimate(i[1]).in(product);
		}
		api.post(product.base() + "/items/" + key + "-4/dependencies",
				"{\"kind\":\"DEPENDS_ON\",\"target\":\"" + key + "-1\"}");
		score(api, product, items);
		return product;
	}

	/** Activates value ÷ effort and scores item i with {@code items[i][2]}. */
	private static void score(ApiClient api, TestProduct product, String[][] items) {
		long model = 0;
		for (JsonNode m : api.get(product.base() + "/scoring-models").json()) {
			if ("VALUE_EFFORT".equals(m.get("preset").asText())) {
				model = m.get("id").asLong();
			}
		}
		api.post(product.base() + "/scoring-models/" + model + "/activate", null);
		for (int i = 0; i < items.length; i++) {
			api.put(product.base() + "/items/" + product.item(i + 1) + "/scores/" + model,
					"{\"inputs\":{\"value\":\"" + items[i][2] + "\"}}", null);
		}
	}

	/** The board's column of the release named {@code name}. */
	private Locator column(String name) {
		return page.locator("#board .board-column", new com.microsoft.playwright.Page.LocatorOptions()
			.setHas(page.locator("h2", new com.microsoft.playwright.Page.LocatorOptions().setHasText(name))));
	}

	@Test
	void addsReleasesInTheDialogAndShowsOneOverCapacityWhenPlannedByHand() {
		scoredProduct("PBP");
		signIn();
		page.navigate("/p/PBP/releases");
		for (String name : new String[] { "Spring", "Summer" }) {
			page.locator("[data-dialog-open=new-release]").first().click();
			page.locator("#new-release input[name=name]").fill(name);
			page.locator("#new-release input[name=capacity]").fill("8");
			page.locator("#new-release button[type=submit]").click();
			assertThat(page.locator(".toast")).containsText("Release " + name + " added.");
		}
		assertThat(page.locator("#release-forecasts")).isVisible();
		Locator spring = column("Spring");
		assertThat(spring).containsText("0 / 8");
		page.locator("#board .card[data-key=PBP-2] select[name=release]").selectOption(new String[] { "Spring" });
		assertThat(spring.locator(".card[data-key=PBP-2]")).hasCount(1);
		page.locator("#board .card[data-key=PBP-1] select[name=release]").selectOption(new String[] { "Spring" });
		assertThat(spring).containsText("over capacity");
		assertThat(page.locator("#board .board-column.over")).hasCount(1);
	}

	@Test
	void runsTheOptimizerReadsWhyAndAppliesAndUndoesThePlan() {
		TestProduct product = scoredProduct("PBA");
		long spring = aRelease("Spring").capacity(8).in(product);
		aRelease("Summer").capacity(8).in(product);
		product.planInRelease("PBA-2", spring);
		product.planInRelease("PBA-1", spring);
		signIn();
		page.navigate("/p/PBA/releases");
		assertThat(page.locator("#board .board-column.over")).hasCount(1);
		page.locator("[data-dialog-open=plan-for-me]").click();
		page.locator("#plan-form input[name=name]").fill("Best value");
		page.locator("#plan-form input[name=timeLimit]").fill("10");
		page.locator("#plan-form button[type=submit]").click();
		assertThat(page.locator("#plan-state")).containsText("Done",
				new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
		assertThat(page.locator("#plan-summary")).containsText("(optimal)");
		assertThat(page.locator("#plan-gain")).containsText("more value than filling releases in backlog order");
		assertThat(page.locator("#plan-excluded tr[data-key=PBA-2]")).containsText("capacity");
		assertThat(page.locator("#plan-items tr[data-key=PBA-4]")).isVisible();
		page.locator("#apply-plan").click();
		assertThat(page.locator(".toast")).containsText("Applied");
		page.navigate("/p/PBA/releases");
		assertThat(page.locator("#board .board-column.over")).hasCount(0);
		assertThat(page.locator("#board .board-column[data-release=''] .card[data-key=PBA-2]")).hasCount(1);
		page.navigate("/p/PBA/plans");
		page.locator("#plans a").first().click();
		page.locator("#undo-plan").click();
		assertThat(page.locator(".toast")).containsText("Undone");
		page.navigate("/p/PBA/releases");
		assertThat(column("Spring").locator(".card[data-key=PBA-2]")).hasCount(1);
		assertThat(page.locator("#board .board-column.over")).hasCount(1);
	}

	@Test
	void aPlansOddsShowEachReleaseAsThePlanWouldLeaveIt() {
		TestProduct product = scoredProduct("PBO");
		java.time.LocalDate today = java.time.LocalDate.now();
		long spring = aRelease("Spring").capacity(8).targetDate(today.plusDays(20)).in(product);
		aRelease("Summer").capacity(8).targetDate(today.plusDays(90)).in(product);
		product.planInRelease("PBO-2", spring);
		product.planInRelease("PBO-1", spring);
		signIn();
		page.navigate("/p/PBO/releases");
		page.locator("[data-dialog-open=plan-for-me]").click();
		page.locator("#plan-form input[name=timeLimit]").fill("10");
		page.locator("#plan-form button[type=submit]").click();
		assertThat(page.locator("#plan-state")).containsText("Done",
				new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
		Locator springOdds = page.locator("#plan-forecasts tr[data-release=Spring]");
		assertThat(springOdds).isVisible();
		String used = page.locator("#plan-summary tbody tr").first().locator("td").nth(2).innerText();
		assertThat(springOdds.locator("td").nth(2)).hasText(used.substring(0, used.indexOf(" /")));
		for (String col : new String[] { "p50", "p85", "p95" }) {
			assertThat(springOdds.locator("td[data-col=" + col + "]")).not().hasText("–");
		}
		assertThat(springOdds.locator("td[data-col=chance]")).containsText("%");
		screenshot("plan-odds");

		String planPath = page.url().substring(page.url().indexOf("/p/PBO/plans/")).replace("/p/PBO", "");
		JsonNode odds = api().get(product.base() + planPath + "/forecasts").json();
		org.assertj.core.api.Assertions.assertThat(odds.size()).isEqualTo(2);
		org.assertj.core.api.Assertions.assertThat(odds.get(0).get("name").asText()).isEqualTo("Spring");
		org.assertj.core.api.Assertions.assertThat(odds.get(0).get("forecast").get("p95Date").asText()).isNotEmpty();
		page.reload();
		assertThat(springOdds).isVisible();
	}

	@Test
	void editsAReleasesCapacityAndDeletesTheReleaseAfterAskingWhetherTo() {
		TestProduct product = scoredProduct("PBC");
		aRelease("Summer").capacity(8).in(product);
		signIn();
		page.navigate("/p/PBC/releases");
		Locator summer = column("Summer");
		summer.locator(".edit-release summary").click();
		summer.locator(".edit-release input[name=capacity]").fill("20");
		summer.locator(".edit-release button[type=submit]").first().click();
		assertThat(page.locator(".toast")).containsText("Release Summer saved.");
		assertThat(summer.locator(".capacity")).containsText("/ 20");
		summer.locator(".edit-release summary").click();
		summer.locator(".edit-release button.danger").click();
		assertThat(page.locator("#confirm-message")).containsText("Delete the release Summer?");
		page.locator("#confirm-ok").click();
		assertThat(page.locator("#board h2", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Summer")))
			.hasCount(0);
		org.assertj.core.api.Assertions.assertThat(product.api().get(product.base() + "/releases").text())
			.as("deleted")
			.doesNotContain("Summer");
	}

	@Test
	void aSprintChosenOnACardBringsItsReleaseAndAnotherReleaseTakesTheCardOutOfTheSprint() {
		TestProduct product = scoredProduct("PBK");
		aRelease("Spring").capacity(8).in(product);
		long summerId = aRelease("Summer").capacity(20).in(product);
		var created = product.api()
			.post(product.base() + "/sprints", "{\"name\":\"Sprint 7\",\"start\":\"2027-03-01\","
					+ "\"end\":\"2027-03-14\",\"capacity\":10,\"releaseId\":" + summerId + "}");
		org.assertj.core.api.Assertions.assertThat(created.status()).as(created.text()).isEqualTo(201);
		signIn();
		page.navigate("/p/PBK/releases");
		page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
		page.locator("#board .card[data-key=PBK-3] select[name=sprint]").selectOption(new String[] { "Sprint 7" });
		assertThat(column("Summer").locator(".card[data-key=PBK-3] select[name=sprint]"))
			.hasValue(java.util.regex.Pattern.compile("\\d+"));
		page.locator("#board .card[data-key=PBK-3] select[name=release]").selectOption(new String[] { "Spring" });
		assertThat(column("Spring").locator(".card[data-key=PBK-3] select[name=sprint]")).hasValue("");
		JsonNode item = PlanningApiIntegrationTest.itemOnBoard(product.api(), product.base(), "PBK-3");
		org.assertj.core.api.Assertions.assertThat(item.path("sprintId").isNumber())
			.as("stored: out of the sprint")
			.isFalse();
	}

	/**
	 * Product {@code key}: 1 Started work (3, worth 1) in the started Sprint 1 and 2 Next
	 * sprint's work (3, worth 5) in Sprint 2, both of R1 (6 points); 3 Valuable (5, 80)
	 * and 4 Quick (2, 30) unplanned; R2 holds 5. Answers the two sprints' ids.
	 */
	private long[] sprinting(String key) {
		ApiClient api = api();
		TestProduct product = aProduct(key).named("Sprinting").createdBy(api);
		String[][] items = { { "Started work", "3", "1" }, { "Next sprint's work", "3", "5" },
				{ "Valuable", "5", "80" }, { "Quick", "2", "30" } };
		for (String[] i : items) {
			aStory(i[0]).estimate(i[1]).in(product);
		}
		score(api, product, items);
		long r1 = aRelease("R1").targetDate(LocalDate.parse("2030-01-31")).capacity(6).in(product);
		aRelease("R2").targetDate(LocalDate.parse("2030-03-31")).capacity(5).in(product);
		long[] sprints = new long[2];
		for (int s = 0; s < 2; s++) {
			sprints[s] = aSprint("Sprint " + (s + 1)).starting(LocalDate.of(2029, 12, 1 + s * 7))
				.ending(LocalDate.of(2029, 12, 7 + s * 7))
				.capacity(6)
				.forRelease(r1)
				.in(product);
			product.plan(product.item(s + 1), r1, sprints[s]);
		}
		api.post(product.base() + "/sprints/" + sprints[0] + "/start", "{\"force\":true}");
		return sprints;
	}

	/** Runs the default plan from the releases page of {@code key} until it is done. */
	private void planFromThePage(String key) {
		signIn();
		page.navigate("/p/" + key + "/releases");
		assertThat(page.locator("#release-forecasts tr[data-release=R1]")).isVisible();
		page.locator("[data-dialog-open=plan-for-me]").click();
		assertThat(page.locator("#plan-form select[name=keepStartedSprints]")).hasValue("true");
		page.locator("#plan-form input[name=timeLimit]").fill("5");
		page.locator("#plan-form button[type=submit]").click();
		assertThat(page.locator("#plan-state")).containsText("Done",
				new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
	}

	@Test
	void showsWhichItemsThePlanTakesOutOfTheirSprints() {
		sprinting("PBQ");
		planFromThePage("PBQ");
		assertThat(page.locator("#plan-items tr[data-key=PBQ-1]")).containsText("kept: in Sprint 1, which has started");
		Locator leaving = page.locator("#sprint-changes tr[data-key=PBQ-2]");
		assertThat(leaving).containsText("Sprint 2");
		assertThat(leaving).containsText("not started");
		assertThat(leaving).containsText("unplanned");
		assertThat(page.locator("#sprint-changes tr")).hasCount(2);
		screenshot("plan-sprint-changes");
	}

	@Test
	void asksWhatBecomesOfTheSprintsItemsBeforeApplyingAndKeepsThemWhenAskedTo() {
		long[] sprints = sprinting("PBW");
		planFromThePage("PBW");
		// no choice made: the form does not go
		page.locator("#apply-plan").click();
		assertThat(page.locator("#plan")).hasAttribute("data-state", "DONE");
		assertThat(page.locator("#plan-state")).containsText("Done");
		page.locator("#sprint-choice input[value=KEEP]").check();
		page.locator("#apply-plan").click();
		assertThat(page.locator(".toast")).containsText("keep every item that is in a sprint where it is");
		screenshot("plan-applied");
		page.navigate("/p/PBW/releases");
		assertThat(page.locator("#board .card[data-key=PBW-2] select[name=sprint]"))
			.hasValue(String.valueOf(sprints[1]));
	}

	@Test
	void sprintsShowTheirStateAClosedSprintOffersNoDeleteAndCardSelectsShowReleaseNamesWhole() {
		ApiClient api = api();
		TestProduct product = aProduct("PSX").named("Sprint states").createdBy(api);
		String base = product.base();
		long wallets = aRelease("2.5 Wallets and shipping").capacity(40).in(product);
		java.time.LocalDate today = java.time.LocalDate.now();
		long[] sprints = new long[3];
		for (int n = 0; n < 3; n++) {
			sprints[n] = api
				.post(base + "/sprints",
						"{\"name\":\"Sprint " + (n + 1) + "\",\"start\":\"" + today.plusDays(14L * (n - 1))
								+ "\",\"end\":\"" + today.plusDays(14L * (n - 1) + 13)
								+ "\",\"capacity\":10,\"releaseId\":" + wallets + "}")
				.json()
				.get("id")
				.asLong();
		}
		for (int n = 1; n <= 3; n++) {
			aStory("Story " + n).estimate(3).in(product);
			product.plan("PSX-" + n, wallets, sprints[n - 1]);
		}
		api.post(base + "/sprints/" + sprints[0] + "/start", "{\"force\":true}");
		api.post(base + "/sprints/" + sprints[0] + "/close", "{\"nextSprintId\":" + sprints[1] + "}");
		api.post(base + "/sprints/" + sprints[1] + "/start", "{\"force\":true}");
		signIn();
		page.setViewportSize(1280, 900);
		page.navigate("/p/PSX/releases");
		String[] states = { "closed", "active", "planned" };
		for (int n = 0; n < 3; n++) {
			Locator row = page.locator("#sprints-table tr[data-sprint='" + sprints[n] + "']");
			assertThat(row.locator(".badge.sprint-state")).hasText(states[n]);
			assertThat(row.locator("button.danger")).hasCount(n == 0 ? 0 : 1);
		}
		org.assertj.core.api.Assertions
			.assertThat(dev.priora.support.Fits.cutSelects(page, "#board .cards-list select"))
			.as("release and sprint selects on the cards at 1280 px")
			.isEmpty();
		page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions().setFullPage(true)
			.setPath(java.nio.file.Path.of("target/screenshots/releases-sprint-states-1280.png")));
	}

	@Test
	void addingASprintOffersTheNextOneAfterTheLatestAndNoReleasedRelease() {
		TestProduct product = aProduct("WKNX").named("Week next").createdBy(api());
		long old = aRelease("Old").capacity(20).in(product);
		aRelease("Next").capacity(20).in(product);
		aSprint("Sprint 25").starting(LocalDate.parse("2027-01-04"))
			.ending(LocalDate.parse("2027-01-17"))
			.capacity(18)
			.in(product);
		String path = product.base() + "/releases/" + old;
		org.assertj.core.api.Assertions.assertThat(
				product.api().put(path, "{\"name\":\"Old\",\"capacity\":20,\"status\":\"RELEASED\"}", "\"0\"").status())
			.isEqualTo(200);
		signIn();
		page.navigate("/p/WKNX/releases");
		page.locator("[data-dialog-open=new-sprint]").click();
		Locator dialog = page.locator("#new-sprint");
		// before: an empty name ('e.g. Sprint 4'), no dates, capacity 10, and every
		// release, the released one too
		assertThat(dialog.locator("input[name=name]")).hasValue("Sprint 26");
		assertThat(dialog.locator("input[name=start]")).hasValue("2027-01-18");
		assertThat(dialog.locator("input[name=end]")).hasValue("2027-01-31");
		assertThat(dialog.locator("input[name=capacity]")).hasValue("18");
		assertThat(dialog.locator("select[name=releaseId] option")).hasText(new String[] { "none", "Next" });
		dialog.locator("button[type=submit]").click();
		assertThat(page.locator(".toast")).containsText("Sprint 26 added.");
	}

	@Test
	void aRefusedSprintOpensItsDialogAgainWithWhatWasTypedAndTheReasonUnderTheField() {
		TestProduct product = aProduct("WKSP").named("Week sprint").createdBy(api());
		aRelease("Wallets").capacity(20).in(product);
		signIn();
		page.setViewportSize(1280, 900);
		page.navigate("/p/WKSP/releases");
		page.locator("[data-dialog-open=new-sprint]").click();
		Locator dialog = page.locator("#new-sprint");
		// the unit beside "Capacity" reads on one line, not "Capacity (", "points", ")"
		// stacked
		org.assertj.core.api.Assertions
			.assertThat(dialog.locator("label:has(input[name=capacity]) > span").boundingBox().height)
			.as("the capacity label's height")
			.isLessThan(30);
		dialog.locator("input[name=name]").fill("Sprint 26");
		dialog.locator("input[name=start]").fill("2027-01-10");
		dialog.locator("input[name=end]").fill("2027-01-01");
		dialog.locator("input[name=capacity]").fill("18");
		dialog.locator("select[name=releaseId]").selectOption(new String[] { "Wallets" });
		dialog.locator("input[name=goal]").fill("Wallets live for the first shops");
		dialog.locator("button[type=submit]").click();
		page.waitForURL("**/p/WKSP/releases");
		// the dialog is open again: the reason by the field's label, under the field, and
		// what was typed kept
		assertThat(dialog).isVisible();
		assertThat(dialog.locator(".error-summary")).containsText("End: must not be before the start");
		assertThat(dialog.locator("label:has(input[name=end]) .field-error")).hasText("must not be before the start");
		assertThat(dialog.locator("input[name=name]")).hasValue("Sprint 26");
		assertThat(dialog.locator("input[name=start]")).hasValue("2027-01-10");
		assertThat(dialog.locator("input[name=capacity]")).hasValue("18");
		assertThat(dialog.locator("select[name=releaseId] option:checked")).hasText("Wallets");
		assertThat(dialog.locator("input[name=goal]")).hasValue("Wallets live for the first shops");
		// said once, in the dialog: not again above the page nor inside the board
		assertThat(page.locator("main .error, main .error-summary")).hasCount(1);
		screenshot("releases-refused-sprint-1280");
		dialog.locator("input[name=end]").fill("2027-01-23");
		dialog.locator("button[type=submit]").click();
		assertThat(page.locator(".toast")).containsText("Sprint 26 added.");
		org.assertj.core.api.Assertions.assertThat(page.locator(".toast").first().innerText())
			.doesNotContain("Sprint Sprint");
		assertThat(page.locator("#sprints-table")).containsText("Wallets live for the first shops");
		assertThat(dialog).isHidden();
	}

	@Test
	void aCardsSprintMenuOffersNoClosedSprint() {
		ApiClient api = api();
		TestProduct product = aProduct("WKCS").named("Closed sprints").createdBy(api);
		String base = product.base();
		long[] sprints = new long[2];
		for (int n = 0; n < 2; n++) {
			sprints[n] = aSprint("Sprint " + (n + 21)).starting(LocalDate.of(2029, 11, 1 + n * 14))
				.ending(LocalDate.of(2029, 11, 14 + n * 14))
				.capacity(10)
				.in(product);
		}
		aStory("Shipped").estimate(3).in(product);
		aStory("Next up").estimate(5).in(product);
		product.plan("WKCS-1", null, sprints[0]);
		api.post(base + "/sprints/" + sprints[0] + "/start", "{\"force\":true}");
		api.post(base + "/sprints/" + sprints[0] + "/close", "{}");
		signIn();
		page.navigate("/p/WKCS/releases");
		// a card in no sprint is not offered the closed Sprint 21 (choosing it was
		// refused with 'sprintId: …')
		Locator next = page.locator("#board .card[data-key=WKCS-2] select[name=sprint] option");
		assertThat(next).hasText(new String[] { "no sprint", "Sprint 22" });
		assertThat(page.locator("#board .card[data-key=WKCS-1] select[name=sprint] option"))
			.hasText(new String[] { "no sprint", "Sprint 22" });
	}

}
