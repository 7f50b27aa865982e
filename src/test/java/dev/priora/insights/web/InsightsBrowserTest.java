package dev.priora.insights.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.priora.support.Fixtures.aCustomer;
import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.someFeedback;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;

import dev.priora.insights.ThemeTopics;
import dev.priora.support.BrowserTestBase;
import dev.priora.support.TestProduct;

/**
 * Themes and insights in Chromium, every control clicked: the sidebar entry, Recompute
 * with its progress, rename, move, split, merge (confirmed), create an item, a bar of the
 * weekly chart opening that week's quotes, and a CSV downloaded while signed in; each
 * edit survives a reload; no console error, no sideways scrolling at 1280 px.
 */
class InsightsBrowserTest extends BrowserTestBase {

	@Test
	void everyControlOfTheThemesAndInsightsPagesWorks() throws Exception {
		TestProduct p = aProduct("THMBR").named("Themes browser").createdBy(api());
		seed(p);
		List<String> errors = new ArrayList<>();
		page.onConsoleMessage(m -> {
			if ("error".equals(m.type())) {
				errors.add(m.text());
			}
		});
		signIn();
		page.navigate("/p/THMBR/backlog");
		page.locator("a.nav-link[data-nav=insights]").click();
		page.waitForURL("**/p/THMBR/insights");
		page.locator("#open-themes").click();
		page.waitForURL("**/p/THMBR/insights/themes");
		page.locator("#recompute").click();
		page.locator("#recompute-done").waitFor(new Locator.WaitForOptions().setTimeout(180_000));
		page.locator("#reload-themes").click();
		Locator rows = page.locator("#themes-table tbody tr");
		rows.first().waitFor();
		int themes = rows.count();
		org.assertj.core.api.Assertions.assertThat(themes).isBetween(3, 6);
		screenshot("insights/themes");

		rows.first().locator("a").click();
		page.waitForURL("**/insights/themes/*");
		String themeUrl = page.url();
		page.locator("#field-name").fill("Exports to CSV");
		page.locator("#rename").click();
		assertThat(page.locator("#toasts")).containsText("Theme renamed");
		page.reload();
		assertThat(page.locator("#theme-name")).hasText("Exports to CSV");
		assertThat(page.locator("#theme-edits")).containsText("Exports to CSV");
		screenshot("insights/theme");

		moveOneFeedback(themeUrl);

		page.locator("#split").click();
		assertThat(page.locator("#toasts")).containsText("Split");
		page.reload();
		assertThat(page.locator("#theme-edits")).containsText("split");
		page.navigate("/p/THMBR/insights/themes");
		assertThat(rows).hasCount(themes + 1);

		page.navigate(themeUrl);
		page.locator("#merge").click();
		page.locator("#confirm-ok").click();
		page.waitForURL(u -> !u.equals(themeUrl));
		page.reload();
		assertThat(page.locator("#theme-edits")).containsText("merged");
		String mergedUrl = page.url();
		org.assertj.core.api.Assertions.assertThat(mergedUrl).isNotEqualTo(themeUrl);

		page.locator("#field-type").selectOption("EPIC");
		page.locator("#create-item").click();
		assertThat(page.locator("#toasts")).containsText("Created THMBR-1");
		page.reload();
		assertThat(page.locator("#coverage-items")).containsText("THMBR-1");

		page.navigate("/p/THMBR/insights");
		assertThat(page.locator("#top-revenue tbody tr").first()).isVisible();
		assertThat(page.locator("#kind-chart svg").first()).isVisible();
		drillIntoTheLastWeek();
		// back to the top with the mouse off the charts: sticky headers drawn at a
		// scrolled
		// position would hide rows in the full-page screenshot
		page.mouse().move(0, 0);
		page.evaluate("window.scrollTo(0, 0)");
		screenshot("insights/insights");

		Download csv = page.waitForDownload(() -> page.locator("#csv-top-revenue").click());
		String text = Files.readString(csv.path());
		org.assertj.core.api.Assertions.assertThat(text).startsWith("theme,name,feedback");
		org.assertj.core.api.Assertions
			.assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
			.as("no sideways scrolling at 1280 px")
			.isTrue();
		org.assertj.core.api.Assertions.assertThat(errors).as("console errors").isEmpty();
	}

	/**
	 * Moves the theme's first feedback to the first other theme offered, and checks both
	 * pages after a reload.
	 */
	private void moveOneFeedback(String themeUrl) {
		int before = page.locator("#theme-feedback tbody tr").count();
		String target = page.locator("#field-to option").first().getAttribute("value");
		Locator pick = page.locator("#theme-feedback tbody tr input[type=checkbox]").first();
		String feedbackId = pick.getAttribute("value");
		pick.check();
		page.locator("#move").click();
		assertThat(page.locator("#toasts")).containsText("Moved 1 feedback");
		page.reload();
		assertThat(page.locator("#theme-feedback tbody tr")).hasCount(before - 1);
		page.navigate(themeUrl.substring(0, themeUrl.lastIndexOf('/') + 1) + target);
		assertThat(page.locator("#pick-" + feedbackId)).hasCount(1);
		page.navigate(themeUrl);
	}

	/**
	 * Clicks the last week's bar of the kinds chart and checks that week's quotes open.
	 */
	private void drillIntoTheLastWeek() {
		// The chart sits below the fold: a click at page coordinates outside the viewport
		// hits
		// nothing. Click the last week's bar where ECharts drew it (half a feedback up
		// from
		// the axis: the lowest non-empty stacked bar), once the bars have grown in.
		Locator kindChart = page.locator("#kind-chart");
		kindChart.scrollIntoViewIfNeeded();
		page.waitForTimeout(1_500);
		List<?> at = (List<?>) kindChart.evaluate("""
				el => { const c = echarts.getInstanceByDom(el);
				  return c.convertToPixel({ gridIndex: 0 }, [c.getOption().xAxis[0].data.length - 1, 0.5]); }""");
		kindChart.click(new Locator.ClickOptions().setPosition(((Number) at.get(0)).doubleValue(),
				((Number) at.get(1)).doubleValue()));
		assertThat(page.locator("#drill-quotes")).containsText("Feedback of the week of");
		org.assertj.core.api.Assertions.assertThat(page.locator("#drill-quotes blockquote").count()).isPositive();
	}

	private static void seed(TestProduct p) {
		long acme = aCustomer("Acme").segment("Enterprise").revenue(90000).currency("EUR").in(p);
		long beta = aCustomer("Beta").segment("SMB").revenue(1000).currency("EUR").in(p);
		Instant now = Instant.now();
		List<List<String>> topics = List.of(ThemeTopics.EXPORT, ThemeTopics.DARK, ThemeTopics.LOGIN);
		for (int t = 0; t < topics.size(); t++) {
			for (int i = 0; i < topics.get(t).size(); i++) {
				someFeedback(topics.get(t).get(i)).from(t == 0 ? acme : beta)
					.receivedAt(now.minus(Duration.ofDays(i % 2 == 0 ? 0 : 7 * i)))
					.in(p);
			}
		}
	}

}
