package dev.priora.backlog.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;

import dev.priora.support.BrowserTestBase;
import dev.priora.support.Fits;

/**
 * The demo backlog as a product owner reads it, at 1024, 1280, 1440 and 1920 px, with and
 * without the side panel: titles of up to 45 characters show whole, the status select
 * shows "In progress", the header stays on its columns, nothing scrolls sideways, and the
 * dependencies, release and sprint stay on the row (under the title where the list is
 * narrow).
 */
class BacklogLayoutBrowserTest extends BrowserTestBase {

	private static final int[] WIDTHS = { 1024, 1280, 1440, 1920 };

	/**
	 * Cells whose left edge (right edge for the right-aligned numbers) is not the one of
	 * the header cell above them, as "KEY: column n".
	 */
	private static final String MISALIGNED = """
			() => {
			  const shown = el => getComputedStyle(el).display !== 'none' && !el.matches('.row-error');
			  const edge = el => { const r = el.getBoundingClientRect(); return el.matches('.cell-end') ? r.right : r.left; };
			  const head = Array.from(document.querySelector('.list-head.backlog-grid').children).filter(shown).map(edge);
			  const out = [];
			  document.querySelectorAll('#backlog-rows > li.row').forEach(row => {
			    const cells = Array.from(row.children).filter(shown).map(edge);
			    if (cells.length !== head.length) { out.push(row.dataset.key + ': ' + cells.length + ' cells'); return; }
			    cells.forEach((x, i) => { if (Math.abs(x - head[i]) > 1) { out.push(row.dataset.key + ': column ' + (i + 1)); } });
			  });
			  return out;
			}""";

	private static final String OVERFLOWS = "document.documentElement.scrollWidth > document.documentElement.clientWidth"
			+ " || Array.from(document.querySelectorAll('.list > li.row, .list-head'))"
			+ ".some(r => r.scrollWidth > r.clientWidth + 1)";

	private void check(int width, String state) {
		assertThat(page.evaluate(OVERFLOWS)).as("sideways scrolling at %d px %s", width, state).isEqualTo(false);
		assertThat((List<?>) page.evaluate(MISALIGNED)).as("header and rows aligned at %d px %s", width, state)
			.isEmpty();
		assertThat(Fits.cutSelects(page, "#backlog-rows select.status-select"))
			.as("status selects show their text at %d px %s", width, state)
			.isEmpty();
		assertThat(Fits.cutSelects(page, "#backlog-rows select.estimate-select"))
			.as("estimate selects show their text at %d px %s", width, state)
			.isEmpty();
	}

	@SuppressWarnings("unchecked")
	private List<String> cutShortTitles() {
		return (List<String>) page.evaluate("""
				() => Array.from(document.querySelectorAll('#backlog-rows a.cell-title'))
				  .filter(a => a.textContent.trim().length <= 45 && a.scrollWidth > a.clientWidth + 1)
				  .map(a => a.textContent.trim())""");
	}

	private void shoot(String name, int width) {
		page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
			.setPath(Path.of("target/screenshots/" + name + "-" + width + ".png")));
	}

	@Test
	void titlesShowWholeAndColumnsStayAlignedFrom1024To1920WithAndWithoutThePanel() {
		signIn();
		for (int width : WIDTHS) {
			page.setViewportSize(width, 900);
			page.navigate("/p/SHOP/backlog");
			assertThat(page.locator("#backlog-rows li.row").first()).isVisible();
			assertThat(cutShortTitles()).as("titles of up to 45 characters at %d px", width).isEmpty();
			check(width, "without the panel");
			shoot("backlog-layout", width);

			page.locator("#backlog-rows li.type-epic a.cell-title").first().click();
			assertThat(page.locator("#item-panel .panel-title")).isVisible();
			check(width, "with the panel open");
			if (width >= 1600) {
				assertThat(cutShortTitles()).as("titles beside the open panel at %d px", width).isEmpty();
			}
			shoot("backlog-layout-panel", width);
		}
	}

	@Test
	void dependenciesAndThePlanStayOnTheRowAndNamesAndLabelsAreNotCut() {
		signIn();
		page.setViewportSize(1280, 900);
		page.navigate("/p/SHOP/backlog");
		// below 1440 px of list: the dependency badge and the plan chip under the title
		assertThat(page.locator("#backlog-rows .cell-deps").first()).isHidden();
		assertThat(page.locator("#backlog-rows .title-meta .deps-inline .badge").first()).isVisible();
		assertThat(page.locator("#backlog-rows .title-meta .plan-chip").first()).isVisible();
		assertThat(Fits.cutTexts(page, "#backlog-rows .plan-chip > span")).as("release and sprint at 1280 px")
			.isEmpty();

		page.setViewportSize(1920, 900);
		assertThat(page.locator("#backlog-rows .cell-deps .badge").first()).isVisible();
		assertThat(page.locator("#backlog-rows .title-meta .deps-inline").first()).isHidden();
		assertThat(Fits.cutTexts(page, "#backlog-rows .cell-assignee .person > span:last-child"))
			.as("assignees' names at 1920 px")
			.isEmpty();
		assertThat(page.evaluate("""
				Array.from(document.querySelectorAll('#backlog-rows details.labels-edit > summary'))
				  .filter(s => getComputedStyle(s, '::after').content !== 'none').length"""))
			.as("labels cells without a menu caret")
			.isEqualTo(0);
	}

}
