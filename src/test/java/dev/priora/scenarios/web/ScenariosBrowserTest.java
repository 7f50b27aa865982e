package dev.priora.scenarios.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.priora.support.Fixtures.aProduct;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.SelectOption;

import dev.priora.support.BrowserTestBase;
import dev.priora.support.TestProduct;

/**
 * Scenarios in the browser, as a product owner uses them: from the planning board to the
 * scenarios page, two scenarios made through their forms (a member leaving, days off
 * added and removed, a sprint lost, a release's capacity, settings changed), run,
 * compared with the board, and one deleted; every form reloaded after.
 */
class ScenariosBrowserTest extends BrowserTestBase {

	private static final LocatorAssertions.ContainsTextOptions RUN_WAIT = new LocatorAssertions.ContainsTextOptions()
		.setTimeout(120_000);

	private final List<String> consoleErrors = new ArrayList<>();

	private void newScenario(String name) {
		page.locator("#page-action").click();
		page.locator("#new-scenario input[name=name]").fill(name);
		page.locator("#new-scenario select[name=value]").selectOption("CUSTOMER");
		page.locator("#new-scenario input[name=timeLimit]").fill("2");
		page.locator("#create-scenario").click();
		assertThat(page.locator("h1")).hasText(name);
		assertThat(page.locator(".toast")).containsText("saved");
	}

	private void runIt() {
		page.locator("#run-scenario").click();
		assertThat(page.locator("#scenario-state")).containsText("Ran", RUN_WAIT);
		assertThat(page.locator("#scenario-releases tbody tr")).hasCount(2);
	}

	@Test
	void makesTwoScenariosRunsAndComparesThemThenDeletesOne() {
		TestProduct product = aProduct("SCNW").named("Scenarios in the browser").createdBy(api());
		ScenarioFixture.in(product);
		page.onConsoleMessage(m -> {
			if ("error".equals(m.type())) {
				consoleErrors.add(m.text());
			}
		});
		signIn();
		page.navigate("/p/SCNW/releases");
		page.locator("#scenarios-link").click();
		assertThat(page.locator(".empty-state h3")).hasText("No scenarios yet");
		screenshot("scenarios-empty");

		newScenario("Full team");
		page.reload();
		runIt();
		assertThat(page.locator("#scenario-value")).containsText("the board as it stood");

		page.locator("#sidebar [data-nav=scenarios]").click();
		assertThat(page.locator("#sidebar [data-nav=scenarios]")).hasAttribute("aria-current", "page");
		newScenario("Ann leaves");
		Locator changes = page.locator("#scenario-changes li");
		// a day in no sprint: the reason in the form, by its label, and the day kept
		LocalDate far = LocalDate.now().plusDays(400);
		page.locator("#add-member-leaves input[name=from]").fill(far.toString());
		page.locator("#add-member-leaves button[type=submit]").click();
		assertThat(page.locator("#add-member-leaves .error")).containsText("From: "
				+ far.format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)) + " falls in no sprint");
		assertThat(page.locator("#add-member-leaves input[name=from]")).hasValue(far.toString());
		assertThat(changes).hasCount(0);
		page.locator("#add-member-leaves select[name=memberId]").selectOption(new SelectOption().setLabel("Ann"));
		page.locator("#add-member-leaves input[name=from]").fill(LocalDate.now().toString());
		page.locator("#add-member-leaves button[type=submit]").click();
		assertThat(changes).hasCount(1);
		assertThat(changes.first()).containsText(
				"Ann leaves on " + LocalDate.now().format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)));
		page.locator("#add-days-off select[name=memberId]").selectOption(new SelectOption().setLabel("Bob"));
		page.locator("#add-days-off input[name=days]").fill("3");
		page.locator("#add-days-off button[type=submit]").click();
		assertThat(changes.nth(1)).containsText("Bob: 3 more days off in Sprint 1");
		page.reload();
		assertThat(changes).hasCount(2);
		changes.nth(1).locator("button").click();
		assertThat(page.locator(".toast")).containsText("Change removed");
		assertThat(changes).hasCount(1);
		page.locator("#add-sprint-lost select[name=sprintId]").selectOption(new SelectOption().setIndex(3));
		page.locator("#add-sprint-lost button[type=submit]").click();
		assertThat(changes.nth(1)).containsText("Sprint 4 is lost");
		page.locator("#add-release-capacity select[name=releaseId]").selectOption(new SelectOption().setIndex(0));
		page.locator("#add-release-capacity input[name=capacity]").fill("30");
		page.locator("#add-release-capacity button[type=submit]").click();
		assertThat(changes.nth(2)).containsText("R1 holds 30 points");
		page.locator("#scenario-settings input[name=discount]").fill("0");
		page.locator("#save-settings").click();
		assertThat(page.locator(".toast")).containsText("Settings saved");
		page.reload();
		assertThat(page.locator("#scenario-settings input[name=discount]")).hasValue("0.0");
		assertThat(changes).hasCount(3);
		runIt();
		assertThat(page.locator("#scenario-notes")).containsText("Ann leaves on");
		page.locator("#scenario-items summary").click();
		screenshot("scenario-ann-leaves");
		page.reload();
		assertThat(page.locator("#scenario-state")).containsText("Ran");

		compareBoth();

		page.navigate("/p/SCNW/scenarios");
		page.locator("#scenarios a", new Page.LocatorOptions().setHasText("Full team")).click();
		page.locator("#delete-scenario").click();
		page.locator("#confirm-ok").click();
		assertThat(page.locator(".toast")).containsText("Scenario Full team deleted");
		assertThat(page.locator("#scenarios tbody tr")).hasCount(1);
		page.reload();
		assertThat(page.locator("#scenarios tbody tr")).hasCount(1);
		assertThat(page.locator("#scenarios tbody tr").first()).containsText("Ann leaves");
		org.assertj.core.api.Assertions.assertThat(consoleErrors).isEmpty();
	}

	/** Ticks both scenarios on the list and compares them with the board. */
	private void compareBoth() {
		page.navigate("/p/SCNW/scenarios");
		assertThat(page.locator("#scenarios tbody tr")).hasCount(2);
		page.locator("#scenarios input[name=ids]").nth(0).check();
		page.locator("#scenarios input[name=ids]").nth(1).check();
		screenshot("scenarios-list");
		page.locator("#compare").click();
		assertThat(page.locator("#comparison thead th")).hasCount(4);
		assertThat(page.locator("#comparison thead th").nth(1)).hasText("Current board");
		assertThat(page.locator("#differences tbody tr").first()).isVisible();
		// one discounts later releases, the other does not: their values do not compare
		assertThat(page.locator("#compare-measure")).containsText("Customer value, no discount");
		assertThat(page.locator("#compare-measure")).containsText("Customer value, discount 0.1");
		assertThat(page.locator("#measure-differs")).isVisible();
		screenshot("scenarios-compare");
		page.reload();
		assertThat(page.locator("#compare-value td")).hasCount(3);
	}

}
