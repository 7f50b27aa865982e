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
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

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

	/** A drill-down's heading: the week's Monday as days are written, and the series. */
	private static final java.util.regex.Pattern WEEK_HEADING = java.util.regex.Pattern
		.compile("Week of \\d{1,2} [A-Z][a-z]{2} \\d{4} \u00b7 .+");

	@Autowired
	JdbcTemplate jdbc;

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
		renameTheTheme();

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

	/** Renames the open theme, and after a reload its name and edit log say so. */
	private void renameTheTheme() {
		page.locator("#field-name").fill("Exports to CSV");
		page.locator("#rename").click();
		assertThat(page.locator("#toasts")).containsText("Theme renamed");
		page.reload();
		assertThat(page.locator("#theme-name")).hasText("Exports to CSV");
		assertThat(page.locator("#theme-edits li").first()).containsText("renamed the theme from");
		assertThat(page.locator("#theme-edits li").first()).containsText("to \u201cExports to CSV\u201d");
		screenshot("insights/theme");
	}

	/**
	 * Eight themes and feedback without one (seeded straight into the tables, no
	 * recompute), customers paying in two currencies, and a theme emptied by moving its
	 * feedback away: every series of the weekly chart has its own colour and the legend
	 * stays clear of the axis, a drill-down names its week as days are written, growth
	 * lists only themes that grew, revenue carries its currency, the emptied theme is not
	 * listed and offers nothing, the edits read as sentences; no sideways scrolling at
	 * 390 px.
	 */
	@Test
	void chartsFiguresAndAnEmptiedThemeReadRightAtEveryWidth() {
		TestProduct p = aProduct("THMPG").named("Themes pages").createdBy(api());
		Map<String, Long> themes = seedThemes(p);
		long emptied = themes.get("Account deletion requests");
		long target = themes.get("Exports of reports to CSV");
		long moved = jdbc.queryForObject("select feedback_id from theme_feedback where theme_id = ?", Long.class,
				emptied);
		var move = api().post(p.path("/insights/themes/" + target + "/feedback"), "{\"feedbackIds\":[" + moved + "]}");
		org.assertj.core.api.Assertions.assertThat(move.status()).as(move.text()).isEqualTo(200);
		var item = api().post(p.path("/insights/themes/" + emptied + "/items"),
				"{\"type\":\"STORY\",\"title\":\"Nothing to link\"}");
		org.assertj.core.api.Assertions.assertThat(item.status()).as("no item from an empty theme").isEqualTo(400);
		signIn();

		page.navigate("/p/THMPG/insights");
		Locator chart = page.locator("#theme-chart");
		chart.scrollIntoViewIfNeeded();
		chart.locator("svg").first().waitFor();
		List<?> colours = (List<?>) chart
			.evaluate("el => echarts.getInstanceByDom(el).getOption().series" + ".map(s => s.itemStyle.color)");
		org.assertj.core.api.Assertions.assertThat(colours).as("6 themes, other themes and no theme yet").hasSize(8);
		org.assertj.core.api.Assertions.assertThat(new java.util.HashSet<>(colours))
			.as("every series its own colour")
			.hasSameSizeAs(colours);
		assertLegendClearOfTheAxis(chart);
		drillIntoTheLastWeek(chart);
		assertThat(page.locator("#top-growth")).containsText("Exports of reports to CSV");
		assertThat(page.locator("#top-growth")).containsText("Mobile app offline");
		assertThat(page.locator("#top-growth")).not().containsText("Dark mode at night");
		assertThat(page.locator("#top-growth")).not().containsText("Login problems");
		assertThat(page.locator("#top-revenue")).containsText("90,000 EUR");
		assertThat(page.locator("#top-revenue")).containsText("5,000 USD");
		assertThat(page.locator("#mixed-currencies")).containsText("never converted nor added up");
		page.mouse().move(0, 0);
		page.evaluate("window.scrollTo(0, 0)");
		screenshot("insights/insights-8-themes");

		page.navigate("/p/THMPG/insights/themes");
		assertThat(page.locator("#themes-table tbody tr")).hasCount(8);
		assertThat(page.locator("#themes-table")).not().containsText("Account deletion requests");
		assertThat(page.locator("#themes-table")).containsText("EUR");
		page.navigate("/p/THMPG/insights/themes/" + emptied);
		assertThat(page.locator("#theme-empty")).containsText("This theme is empty");
		assertThat(page.locator("#create-item-form")).hasCount(0);
		assertThat(page.locator("#split")).hasCount(0);
		assertThat(page.locator("#theme-edits"))
			.containsText("moved 1 feedback from this theme to \u201cExports of reports to CSV\u201d");
		screenshot("insights/theme-empty");
		page.navigate("/p/THMPG/insights/themes/" + target);
		assertThat(page.locator("#theme-revenue")).hasText("90,000 EUR");
		assertThat(page.locator("#theme-edits")).containsText("moved 1 feedback into");

		page.setViewportSize(390, 844);
		for (String url : List.of("/p/THMPG/insights", "/p/THMPG/insights/themes",
				"/p/THMPG/insights/themes/" + target)) {
			page.navigate(url);
			page.waitForTimeout(500);
			org.assertj.core.api.Assertions
				.assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
				.as("no sideways scrolling at 390 px: " + url)
				.isTrue();
			screenshot("insights/390" + url.replace('/', '-'));
		}
		page.navigate("/p/THMPG/insights");
		page.locator("#theme-chart svg").first().waitFor();
		assertLegendClearOfTheAxis(page.locator("#theme-chart"));
	}

	/**
	 * The legend's lowest text ends above the y axis' name, which sits above the plot.
	 */
	private static void assertLegendClearOfTheAxis(Locator chart) {
		List<?> at = (List<?>) chart.evaluate("""
				el => { const names = new Set(JSON.parse(el.dataset.chart).series.map(s => s.name));
				  const texts = [...el.querySelectorAll('text')];
				  const legend = texts.filter(t => names.has(t.textContent)).map(t => t.getBoundingClientRect().bottom);
				  const axis = texts.find(t => t.textContent === 'feedback').getBoundingClientRect().top;
				  return [Math.max(...legend), axis, legend.length]; }""");
		org.assertj.core.api.Assertions.assertThat(((Number) at.get(2)).intValue()).as("legend entries").isEqualTo(8);
		org.assertj.core.api.Assertions.assertThat(((Number) at.get(0)).doubleValue())
			.as("the legend's bottom above the axis name")
			.isLessThan(((Number) at.get(1)).doubleValue());
	}

	/**
	 * Customers in EUR, USD and none; eight themes (their feedback spread so that one
	 * grew, one is new, one stayed flat, one shrank and four had none lately), a ninth
	 * with one feedback, and one feedback without a theme.
	 */
	private Map<String, Long> seedThemes(TestProduct p) {
		long acme = aCustomer("Acme").segment("Enterprise").revenue(90000).currency("EUR").in(p);
		long beta = aCustomer("Beta").segment("SMB").revenue(5000).currency("USD").in(p);
		long gamma = aCustomer("Gamma").in(p);
		Map<String, Object[]> plan = new java.util.LinkedHashMap<>();
		plan.put("Exports of reports to CSV", new Object[] { acme, new int[] { 1, 2, 3, 4, 40 } });
		plan.put("Dark mode at night", new Object[] { beta, new int[] { 5, 6, 35, 45 } });
		plan.put("Login problems", new Object[] { gamma, new int[] { 7, 36, 41, 50 } });
		plan.put("Mobile app offline", new Object[] { acme, new int[] { 8, 9 } });
		plan.put("Slack notifications", new Object[] { beta, new int[] { 62 } });
		plan.put("Keyboard shortcuts everywhere", new Object[] { gamma, new int[] { 64 } });
		plan.put("Invoices in PDF", new Object[] { beta, new int[] { 66 } });
		plan.put("Calendar sync with Outlook", new Object[] { gamma, new int[] { 68 } });
		plan.put("Account deletion requests", new Object[] { gamma, new int[] { 10 } });
		Instant now = Instant.now();
		Map<String, List<Long>> feedback = new java.util.LinkedHashMap<>();
		plan.forEach((name, what) -> {
			List<Long> ids = new ArrayList<>();
			for (int day : (int[]) what[1]) {
				ids.add(someFeedback(name + ", asked " + day + " days ago").from((Long) what[0])
					.receivedAt(now.minus(Duration.ofDays(day)))
					.in(p));
			}
			feedback.put(name, ids);
		});
		someFeedback("Something nobody grouped yet").receivedAt(now.minus(Duration.ofDays(3))).in(p);
		Map<String, Long> themes = new java.util.LinkedHashMap<>();
		feedback.forEach((name, ids) -> {
			jdbc.update(
					"insert into themes (product_key, name, words, centroid, computed_at, updated_at)"
							+ " values (?, ?, ?, ?, current_timestamp, current_timestamp)",
					p.key(), name, name.toLowerCase(java.util.Locale.ROOT), new byte[0]);
			long id = jdbc.queryForObject("select max(id) from themes where product_key = ?", Long.class, p.key());
			ids.forEach(f -> jdbc.update(
					"insert into theme_feedback (feedback_id, theme_id, product_key, similarity) values (?, ?, ?, 0.8)",
					f, id, p.key()));
			themes.put(name, id);
		});
		return themes;
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
		drillIntoTheLastWeek(page.locator("#kind-chart"));
	}

	private void drillIntoTheLastWeek(Locator kindChart) {
		// The chart sits below the fold: a click at page coordinates outside the viewport
		// hits
		// nothing. Click the last week's bar where ECharts drew it (half a feedback up
		// from
		// the axis: the lowest non-empty stacked bar), once the bars have grown in.
		kindChart.scrollIntoViewIfNeeded();
		page.waitForTimeout(1_500);
		List<?> at = (List<?>) kindChart.evaluate("""
				el => { const c = echarts.getInstanceByDom(el);
				  return c.convertToPixel({ gridIndex: 0 }, [c.getOption().xAxis[0].data.length - 1, 0.5]); }""");
		kindChart.click(new Locator.ClickOptions().setPosition(((Number) at.get(0)).doubleValue(),
				((Number) at.get(1)).doubleValue()));
		assertThat(page.locator("#drill-quotes h2")).hasText(WEEK_HEADING);
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
