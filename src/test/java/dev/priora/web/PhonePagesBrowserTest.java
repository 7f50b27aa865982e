package dev.priora.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.priora.support.BrowserTestBase;
import dev.priora.support.DemoPages;
import dev.priora.support.Fits;

/**
 * Every page of the demo product on a phone (390 × 844, as the owner): none scrolls
 * sideways (a wide table or board scrolls in its own box), and each is kept as a
 * full-page screenshot in {@code target/screenshots/phone/} to look at.
 */
class PhonePagesBrowserTest extends BrowserTestBase {

	@Autowired
	JdbcTemplate jdbc;

	/**
	 * Pairs of visible parts of one row (keys, titles, badges, menus) whose boxes
	 * overlap.
	 */
	@SuppressWarnings("unchecked")
	private List<String> overlapping(String cells) {
		return (List<String>) page.evaluate(
				"""
						s => { const out = []; const rows = new Map();
						  for (const e of document.querySelectorAll(s)) { const r = e.getBoundingClientRect();
						    if (r.width === 0 || r.height === 0) continue;
						    const row = e.closest('li.row'); if (!rows.has(row)) rows.set(row, []); rows.get(row).push([e, r]); }
						  for (const [row, cells] of rows) for (let i = 0; i < cells.length; i++) for (let j = i + 1; j < cells.length; j++) {
						    const [a, p] = cells[i], [b, q] = cells[j];
						    if (!a.contains(b) && !b.contains(a) && p.left < q.right - 1 && q.left < p.right - 1 && p.top < q.bottom - 1 && q.top < p.bottom - 1)
						      out.push(row.dataset.key + ': ' + a.className + ' / ' + b.className); }
						  return out; }""",
				cells);
	}

	@Test
	void noPageOfTheDemoScrollsSidewaysOnAPhone() {
		signIn();
		DemoPages.ensurePlanning(dev.priora.support.ApiClient.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD), jdbc);
		Map<String, String> pages = DemoPages.of(jdbc, p -> page.request().get(p).text());
		page.setViewportSize(390, 844);
		List<String> wide = new ArrayList<>();
		List<String> overlaps = new ArrayList<>();
		for (Map.Entry<String, String> p : pages.entrySet()) {
			page.navigate(p.getValue());
			// the page and what htmx loads into it (a live stream stays open: no network
			// idle)
			page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
			page.waitForFunction("() => !document.querySelector('.htmx-request, [hx-trigger^=load]:empty')");
			page.waitForTimeout(200);
			List<String> overflow = Fits.pastTheRightEdge(page);
			if (!overflow.isEmpty()) {
				wide.add(p.getKey() + " (" + page.url().replaceFirst("^https?://[^/]+", "") + "): " + overflow);
			}
			String name = p.getKey().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
			screenshot("phone/" + name);
			if (p.getKey().equals("/p/{key}/backlog")) {
				// a close look at the first rows: nothing in a row may overlap
				page.locator("#backlog-rows > li.row")
					.nth(1)
					.screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
						.setPath(java.nio.file.Path.of("target/screenshots/phone/backlog-row.png")));
				overlaps.addAll(overlapping(
						"#backlog-rows > li.row:nth-child(-n+8) :is(.key, .title-line, .badge, select, .person, .rollup)"));
				// a row's release and sprint menu opens within the screen, wherever its
				// chip is:
				// the three chips furthest right of the first rows
				var chips = page.locator("#backlog-rows > li.row .plan-edit > summary");
				assertThat(chips.count()).as("rows with a release and sprint chip").isGreaterThan(0);
				@SuppressWarnings("unchecked")
				List<Number> rightmost = (List<Number>) page.evaluate("""
						() => [...document.querySelectorAll('#backlog-rows > li.row .plan-edit > summary')].slice(0, 30)
						  .map((c, i) => [c.getBoundingClientRect().left, i]).sort((a, b) => b[0] - a[0]).slice(0, 3)
						  .map(p => p[1])""");
				for (Number n : rightmost) {
					var chip = chips.nth(n.intValue());
					chip.scrollIntoViewIfNeeded();
					chip.click();
					page.locator("#backlog-rows .plan-edit[open] .plan-menu select").first().waitFor();
					List<String> menu = Fits.pastTheRightEdge(page);
					if (!menu.isEmpty()) {
						wide.add("backlog, plan menu of chip " + n + ": " + menu);
					}
					screenshot("phone/backlog-plan-menu-" + n);
					chip.click();
				}
			}
		}
		assertThat(wide).as("pages that scroll sideways at 390 px").isEmpty();
		assertThat(overlaps).as("backlog row cells that overlap at 390 px").isEmpty();
	}

}
