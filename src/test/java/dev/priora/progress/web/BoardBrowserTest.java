package dev.priora.progress.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.BoundingBox;

import dev.priora.support.ApiClient;
import dev.priora.support.BrowserTestBase;

/**
 * The sprint board in Chromium: drag (SortableJS), the Definition of Ready refusal, WIP
 * warnings, keyboard moves and the status menu.
 */
class BoardBrowserTest extends BrowserTestBase {

	private Locator card(String key) {
		return page.locator("#sprint-board .board-card[data-key=" + key + "]");
	}

	private Locator cell(String status) {
		return page.locator("#sprint-board .board-cell[data-status=" + status + "]").first();
	}

	/** Drags the card with the mouse into the column, level with where it was. */
	private void drag(String key, String status) {
		card(key).scrollIntoViewIfNeeded();
		BoundingBox from = card(key).boundingBox();
		BoundingBox to = cell(status).boundingBox();
		double y = Math.max(to.y + 10, Math.min(from.y + from.height / 2, to.y + to.height - 10));
		page.mouse().move(from.x + from.width / 2, from.y + from.height / 2);
		page.mouse().down();
		page.mouse()
			.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 5,
					new com.microsoft.playwright.Mouse.MoveOptions().setSteps(3));
		page.mouse()
			.move(to.x + to.width / 2, to.y + 30, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(12));
		page.mouse().up();
	}

	private String status(ApiClient api, BoardFixture f, String key) {
		return api.get(f.base() + "/items/" + key).json().get("status").asText();
	}

	@Test
	void dragsACardToAnotherColumnAndTheStatusIsKeptAfterReload() {
		ApiClient api = api();
		BoardFixture f = BoardFixture.create(api, "BBD");
		signIn();
		page.navigate("/p/BBD/board");
		assertThat(card("BBD-1")).hasCount(1);
		assertThat(card("BBD-4").locator(".blocked-badge")).hasText("blocked");
		assertThat(card("BBD-1").locator(".avatar")).hasAttribute("title", "Ada Admin");
		drag("BBD-1", "READY");
		assertThat(page.locator("#board-status")).hasText("BBD-1 moved to Ready.");
		page.reload();
		assertThat(cell("READY").locator(".board-card[data-key=BBD-1]")).hasCount(1);
		assertThat(status(api, f, "BBD-1")).isEqualTo("READY");
		assertThat(page.locator("#column-ready .column-count")).hasText("1 · 5 pts");
	}

	@Test
	void aCardThatIsNotReadyIsRefusedOnItsWayToReadyAndGoesBack() {
		ApiClient api = api();
		BoardFixture f = BoardFixture.create(api, "BBR");
		signIn();
		page.navigate("/p/BBR/board");
		drag("BBR-5", "READY");
		assertThat(card("BBR-5").locator(".card-error")).containsText("does not meet the Definition of Ready");
		assertThat(cell("NEW").locator(".board-card[data-key=BBR-5]")).hasCount(1);
		assertThat(page.locator("#toasts .toast.error")).containsText("Definition of Ready");
		drag("BBR-1", "IN_PROGRESS");
		assertThat(card("BBR-1").locator(".card-error"))
			.hasText("BBR-1 is To do; it can move to Ready or Rejected, not In progress.");
		page.reload();
		assertThat(cell("NEW").locator(".board-card[data-key=BBR-5]")).hasCount(1);
		assertThat(status(api, f, "BBR-5")).isEqualTo("NEW");
	}

	@Test
	void movesTheFocusedCardWithTheKeyboardAndAnnouncesIt() {
		ApiClient api = api();
		BoardFixture f = BoardFixture.create(api, "BBK");
		signIn();
		page.navigate("/p/BBK/board");
		card("BBK-2").focus();
		page.keyboard().press("Alt+ArrowRight");
		assertThat(page.locator("#board-status")).hasText("BBK-2 moved to Ready.");
		assertThat(card("BBK-2")).isFocused();
		page.keyboard().press("Alt+ArrowRight");
		assertThat(page.locator("#board-status")).hasText("BBK-2 moved to In progress.");
		page.reload();
		assertThat(cell("IN_PROGRESS").locator(".board-card[data-key=BBK-2]")).hasCount(1);
		assertThat(status(api, f, "BBK-2")).isEqualTo("IN_PROGRESS");
		card("BBK-2").focus();
		page.keyboard().press("ArrowLeft");
		assertThat(card("BBK-1")).isFocused();
	}

	@Test
	void warnsWhenAColumnHoldsMoreThanItsWipLimit() {
		ApiClient api = api();
		BoardFixture f = BoardFixture.create(api, "BBW");
		signIn();
		page.navigate("/p/BBW/board");
		page.locator("#wip-open").click();
		page.locator("#wip-form input[name='limit.READY']").fill("1");
		page.locator("#wip-form button.primary").click();
		assertThat(page.locator("#toasts .toast")).containsText("WIP limits saved.");
		assertThat(page.locator("#column-ready .wip")).hasText("WIP 0/1");
		card("BBW-1").focus();
		page.keyboard().press("Alt+ArrowRight");
		assertThat(page.locator("#column-ready .wip")).hasText("WIP 1/1");
		card("BBW-2").focus();
		page.keyboard().press("Alt+ArrowRight");
		assertThat(page.locator("#toasts .toast.error"))
			.containsText("Ready now holds 2 items, over its WIP limit of 1.");
		assertThat(page.locator("#column-ready")).hasClass(java.util.regex.Pattern.compile("\\bover\\b"));
		assertThat(api.get(f.base() + "/board/wip-limits").json().get("limits").get("READY").asInt()).isEqualTo(1);
	}

	@Test
	void anEmptyColumnSaysWhatBelongsThereAndABlockedCardShowsItsEpicWhole() {
		ApiClient api = api();
		BoardFixture f = BoardFixture.create(api, "BBE");
		String etag = api.get(f.base() + "/items/BBE-4").etag();
		assertThat(api.patch(f.base() + "/items/BBE-4", "{\"parent\":\"BBE-6\"}", etag).status()).isEqualTo(200);
		signIn();
		page.setViewportSize(1280, 900);
		page.navigate("/p/BBE/board");
		// what an empty column shows: its data-empty text in a ::before, gone once a card
		// is in it
		String empty = "s => { const c = document.querySelector(`#sprint-board .board-cell[data-status=${s}]`);"
				+ " const b = getComputedStyle(c, '::before');"
				+ " return b.content === 'none' || b.display === 'none' ? '' : c.dataset.empty; }";
		assertThat(page.evaluate(empty, "READY")).isEqualTo("No cards — drag one here");
		assertThat(page.evaluate(empty, "DONE")).isEqualTo("No cards — drag one here");
		assertThat(page.evaluate(empty, "NEW")).isEqualTo("");
		assertThat(card("BBE-4").locator(".blocked-badge")).isVisible();
		assertThat(card("BBE-4").locator(".epic-tag")).hasText("BBE-6");
		assertThat(dev.priora.support.Fits.cutTexts(page,
				"#sprint-board .board-card .epic-tag, #sprint-board .card-top > *"))
			.as("epic chips and card tops at 1280 px")
			.isEmpty();
		card("BBE-1").focus();
		page.keyboard().press("Alt+ArrowRight");
		assertThat(page.locator("#board-status")).hasText("BBE-1 moved to Ready.");
		assertThat(page.evaluate(empty, "READY")).isEqualTo("");
		page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions().setFullPage(true)
			.setPath(java.nio.file.Path.of("target/screenshots/board-empty-columns-1280.png")));
	}

	@Test
	void theStatusMenuMovesACardWithoutDragging() {
		ApiClient api = api();
		BoardFixture f = BoardFixture.create(api, "BBM");
		signIn();
		page.navigate("/p/BBM/board?lanes=assignee");
		assertThat(page.locator(".lane-head")).hasCount(3);
		card("BBM-3").hover();
		card("BBM-3").locator(".card-menu summary").click();
		card("BBM-3").locator("button[value=READY]").click();
		assertThat(page.locator("#toasts .toast")).containsText("BBM-3 moved to Ready.");
		assertThat(page).hasURL(java.util.regex.Pattern.compile("/p/BBM/board\\?lanes=assignee$"));
		assertThat(cell("READY").locator(".board-card[data-key=BBM-3]")).hasCount(1);
		assertThat(status(api, f, "BBM-3")).isEqualTo("READY");
		page.locator("#mine-toggle").click();
		assertThat(page.locator("#sprint-board .board-card")).hasCount(2);
		page.locator("#lanes-epic").click();
		assertThat(page.locator(".lane-head").first()).containsText("BBM-6 Checkout epic");
	}

}
