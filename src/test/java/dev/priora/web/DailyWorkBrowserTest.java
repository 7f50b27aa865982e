package dev.priora.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import dev.priora.support.ApiClient;
import dev.priora.support.BrowserTestBase;

/**
 * What a product owner does every day (issue 16): the command palette, the shortcut list,
 * inbox keys from page load, editing on the backlog's rows, bulk changes with undo, and
 * the item side panel.
 */
class DailyWorkBrowserTest extends BrowserTestBase {

	private static final AtomicInteger PRODUCTS = new AtomicInteger();

	private String product(String... titles) {
		ApiClient api = api();
		String key = "DW" + PRODUCTS.incrementAndGet();
		api.post("/api/v1/products", "{\"key\":\"" + key + "\",\"name\":\"Daily " + key + "\"}");
		for (String t : titles) {
			api.post("/api/v1/products/" + key + "/items", "{\"type\":\"STORY\",\"title\":\"" + t + "\"}");
		}
		return key;
	}

	private List<String> field(String product, String name) {
		List<String> values = new ArrayList<>();
		api().get("/api/v1/products/" + product + "/items?limit=200")
			.json()
			.get("items")
			.forEach(i -> values.add(i.get("key").asText() + "=" + i.get(name).asText()));
		return values;
	}

	private void shoot(String name, int width) {
		page.setViewportSize(width, 900);
		page.screenshot(
				new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/" + name + "-" + width + ".png"))
					.setFullPage(true));
	}

	@Test
	void thePaletteFindsAnItemByWordsAndEnterOpensIt() {
		String p = product("Export invoices as PDF", "Quarterly zeppelin report", "Dark mode");
		signIn();
		page.navigate("/p/" + p + "/team");
		page.keyboard().press("Control+k");
		Locator input = page.locator("#palette-input");
		assertThat(input).isFocused();
		input.pressSequentially("zeppel rep", new Locator.PressSequentiallyOptions().setDelay(20));
		Locator first = page.locator("#palette-results [role=option]").first();
		// the first search of a server builds its index: allow for it on a busy machine
		assertThat(first).containsText(p + "-2",
				new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
		assertThat(first).hasAttribute("aria-selected", "true");
		assertThat(first.locator("mark").first()).hasText("zeppelin");
		shoot("palette", 1280);
		page.keyboard().press("Enter");
		page.waitForURL("**/p/" + p + "/items/" + p + "-2");
		assertThat(page.locator("h1")).containsText("Quarterly zeppelin report");
	}

	@Test
	void thePaletteMovesWithArrowsJumpsToPagesAndEscCloses() {
		String p = product("Anything");
		signIn();
		page.navigate("/p/" + p + "/backlog");
		page.locator("[data-palette-trigger]").click();
		page.locator("#palette-input").pressSequentially("team");
		Locator options = page.locator("#palette-results [role=option]");
		page.waitForCondition(() -> options.count() < 10, new Page.WaitForConditionOptions().setTimeout(20_000));
		Locator team = page.locator("#palette-results [role=option][data-kind=page]",
				new Page.LocatorOptions().setHasText("Team"));
		assertThat(team).hasCount(1);
		assertThat(options.nth(0)).hasAttribute("aria-selected", "true");
		page.keyboard().press("ArrowDown");
		assertThat(options.nth(1)).hasAttribute("aria-selected", "true");
		assertThat(options.nth(0)).hasAttribute("aria-selected", "false");
		page.keyboard().press("ArrowUp");
		assertThat(options.nth(0)).hasAttribute("aria-selected", "true");
		team.click();
		page.waitForURL("**/p/" + p + "/team");
		page.keyboard().press("Control+k");
		assertThat(page.locator("#palette")).isVisible();
		page.keyboard().press("Escape");
		assertThat(page.locator("#palette")).not().isVisible();
		page.keyboard().press("Control+k");
		page.locator("#palette-input").pressSequentially("new item");
		page.locator("#palette-results [role=option][data-kind=action]",
				new Page.LocatorOptions().setHasText("New item"))
			.click();
		page.waitForURL("**/p/" + p + "/backlog#new-title");
		assertThat(page.locator("#new-title")).isFocused();
	}

	@Test
	void questionMarkListsEveryShortcut() {
		signIn();
		page.navigate("/p/SHOP/backlog");
		page.locator("body").press("?");
		Locator dialog = page.locator("#shortcuts-dialog");
		assertThat(dialog).isVisible();
		assertThat(dialog).containsText("Search items, jump to a page");
		assertThat(dialog).containsText("Go to Backlog");
		assertThat(dialog).containsText("Inbox: triage");
		shoot("shortcuts", 1280);
		page.keyboard().press("Escape");
		assertThat(dialog).not().isVisible();
	}

	@Test
	void inboxKeysWorkFromPageLoadAndMoveOnToTheNextRow() {
		String p = product("Anything");
		for (String t : List.of("First wish", "Second wish", "Third wish")) {
			api().post("/api/v1/products/" + p + "/feedback", "{\"title\":\"" + t + "\",\"text\":\"" + t + " text\"}");
		}
		signIn();
		page.navigate("/p/" + p + "/feedback");
		Locator rows = page.locator("#inbox-rows li.feedback");
		assertThat(rows).hasCount(3);
		String first = rows.nth(0).getAttribute("data-id");
		String second = rows.nth(1).getAttribute("data-id");
		String third = rows.nth(2).getAttribute("data-id");
		page.keyboard().press("t");
		assertThat(page.locator("#inbox-rows li.feedback[data-id='" + first + "']")).hasCount(0);
		assertThat(page.locator("#inbox-rows li.feedback[data-id='" + second + "']")).isFocused();
		page.keyboard().press("j");
		assertThat(page.locator("#inbox-rows li.feedback[data-id='" + third + "']")).isFocused();
		page.keyboard().press("d");
		assertThat(page.locator("#inbox-rows li.feedback[data-id='" + third + "']")).hasCount(0);
		assertThat(page.locator("#inbox-rows li.feedback[data-id='" + second + "']")).isFocused();
		assertThat(api().get("/api/v1/products/" + p + "/feedback/" + first).json().get("status").asText())
			.isEqualTo("TRIAGED");
		assertThat(api().get("/api/v1/products/" + p + "/feedback/" + third).json().get("status").asText())
			.isEqualTo("DECLINED");
	}

	@Test
	void anotherSwapSettlingWhileATriageIsUnderWayLeavesTheFocusToTheInbox() {
		String p = product("Anything");
		for (String t : List.of("First wish", "Second wish")) {
			api().post("/api/v1/products/" + p + "/feedback", "{\"title\":\"" + t + "\",\"text\":\"" + t + " text\"}");
		}
		signIn();
		page.navigate("/p/" + p + "/feedback");
		Locator rows = page.locator("#inbox-rows li.feedback");
		assertThat(rows).hasCount(2);
		String first = rows.nth(0).getAttribute("data-id");
		String second = rows.nth(1).getAttribute("data-id");
		// the triage's answer is held until the bell (refreshed by a notification) has
		// swapped and settled
		List<com.microsoft.playwright.Route> held = new ArrayList<>();
		page.route("**/feedback/" + first + "/status", held::add);
		page.keyboard().press("t");
		page.waitForCondition(() -> !held.isEmpty());
		page.evaluate("() => new Promise(done => {"
				+ " document.addEventListener('htmx:afterSettle', function settled(e) {"
				+ "  if (document.getElementById('bell-slot').contains(e.target)) {"
				+ "   document.removeEventListener('htmx:afterSettle', settled); setTimeout(done, 0); } });"
				+ " const slot = document.getElementById('bell-slot');"
				+ " htmx.ajax('GET', slot.getAttribute('hx-get'), { target: '#bell-slot', swap: 'innerHTML' }); })");
		held.get(0).resume();
		assertThat(page.locator("#inbox-rows li.feedback[data-id='" + first + "']")).hasCount(0);
		assertThat(page.locator("#inbox-rows li.feedback[data-id='" + second + "']")).isFocused();
	}

	@Test
	void anEstimateEditedOnTheRowIsSavedAndShownAfterReload() {
		String p = product("Estimate me", "Leave me");
		signIn();
		page.navigate("/p/" + p + "/backlog");
		Locator row = page.locator("li.row[data-key='" + p + "-1']");
		row.locator("select[name=estimate]").selectOption("8");
		assertThat(row.locator("select[name=estimate]")).hasValue("8");
		page.waitForCondition(() -> field(p, "estimate").contains(p + "-1=8"));
		page.reload();
		assertThat(page.locator("li.row[data-key='" + p + "-1'] select[name=estimate]")).hasValue("8");
		row = page.locator("li.row[data-key='" + p + "-1']");
		row.locator("select[name=status]").selectOption("READY");
		assertThat(row.locator(".row-error")).containsText("Definition of Ready");
		assertThat(field(p, "status")).contains(p + "-1=NEW");
	}

	@Test
	void aBulkStatusChangeIsOneChangeAndUndoRestoresIt() {
		String p = product("One", "Two", "Three", "Four");
		signIn();
		page.navigate("/p/" + p + "/backlog");
		page.locator("li.row[data-key='" + p + "-1'] input[name=items]").click();
		page.locator("li.row[data-key='" + p + "-3'] input[name=items]")
			.click(new Locator.ClickOptions()
				.setModifiers(List.of(com.microsoft.playwright.options.KeyboardModifier.SHIFT)));
		assertThat(page.locator("[data-selected-count=items]")).hasText("3 selected");
		page.locator("#bulk-status").selectOption("REJECTED");
		page.locator("#bulk-apply").click();
		assertThat(page.locator(".toast")).containsText("Changed 3 items: status rejected");
		assertThat(field(p, "status")).containsExactly(p + "-1=REJECTED", p + "-2=REJECTED", p + "-3=REJECTED",
				p + "-4=NEW");
		shoot("bulk-done", 1280);
		page.locator("#toast-undo").click();
		assertThat(page.locator(".toast")).containsText("Undone: 3 items");
		assertThat(field(p, "status")).containsExactly(p + "-1=NEW", p + "-2=NEW", p + "-3=NEW", p + "-4=NEW");

		page.locator("li.row[data-key='" + p + "-3'] input[name=items]").click();
		page.locator("li.row[data-key='" + p + "-4'] input[name=items]").click();
		page.locator("#bulk-top").click();
		assertThat(page.locator("li.row").first()).hasAttribute("data-key", p + "-3");
		page.locator("#toast-undo").click();
		assertThat(page.locator(".toast")).containsText("Undone");
		assertThat(page.locator("li.row").first()).hasAttribute("data-key", p + "-1");
	}

	@Test
	void theSidePanelShowsTheItemBesideTheListAndEscReturns() {
		String p = product("Alpha", "Beta with a panel", "Gamma");
		signIn();
		page.navigate("/p/" + p + "/backlog");
		page.locator("li.row[data-key='" + p + "-2'] a.cell-title").click();
		Locator panel = page.locator("#item-panel");
		assertThat(panel).containsText("Beta with a panel");
		assertThat(page).hasURL(Pattern.compile(".*/p/" + p + "/backlog\\?item=" + p + "-2$"));
		assertThat(panel.locator("#panel-full")).hasAttribute("href", "/p/" + p + "/items/" + p + "-2");
		shoot("panel", 1280);
		shoot("panel", 1920);
		page.keyboard().press("Escape");
		assertThat(panel).isEmpty();
		assertThat(page).hasURL(Pattern.compile(".*/p/" + p + "/backlog$"));
		assertThat(page.locator("li.row[data-key='" + p + "-2']")).isFocused();
		page.locator("li.row[data-key='" + p + "-3']").focus();
		page.keyboard().press(" ");
		assertThat(panel).containsText("Gamma");
		panel.locator("#panel-full").click();
		page.waitForURL("**/items/" + p + "-3");
		page.goBack();
		page.waitForURL(Pattern.compile(".*/p/" + p + "/backlog\\?item=" + p + "-3$"));
		assertThat(page.locator("li.row[data-key='" + p + "-1']")).isVisible();
		assertThat(panel).containsText("Gamma");
		panel.locator("[data-panel-close]").click();
		assertThat(panel).isEmpty();
		shoot("backlog", 1280);
		shoot("backlog", 1920);
	}

	@Test
	void theSidePanelKeepsItsPlaceInTheUrlThroughReloadBackAndForwardOnTheBacklogAndTheBoard() {
		String p = product("Alpha", "Beta", "Gamma");
		long release = api().post("/api/v1/products/" + p + "/releases", "{\"name\":\"R1\",\"capacity\":20}")
			.json()
			.get("id")
			.asLong();
		long sprint = api().post("/api/v1/products/" + p + "/sprints",
				"{\"name\":\"Sprint A\",\"start\":\"" + java.time.LocalDate.now() + "\",\"end\":\""
						+ java.time.LocalDate.now().plusDays(13) + "\",\"capacity\":10,\"releaseId\":" + release + "}")
			.json()
			.get("id")
			.asLong();
		api().put("/api/v1/products/" + p + "/items/" + p + "-1/release", "{\"sprintId\":" + sprint + "}", null);
		signIn();
		page.navigate("/p/" + p + "/backlog?q=a");
		Locator panel = page.locator("#item-panel");
		page.locator("li.row[data-key='" + p + "-2'] a.cell-title").click();
		assertThat(panel).containsText("Beta");
		assertThat(page).hasURL(Pattern.compile(".*/backlog\\?q=a&item=" + p + "-2$"));

		page.reload();
		assertThat(panel).containsText("Beta");
		assertThat(page.locator("li.row[data-key='" + p + "-2']")).hasClass(Pattern.compile("panel-open"));

		// another item replaces the panel and its URL; Back closes the panel, Forward
		// opens it again
		page.locator("li.row[data-key='" + p + "-3'] a.cell-title").click();
		assertThat(panel).containsText("Gamma");
		assertThat(page).hasURL(Pattern.compile(".*/backlog\\?q=a&item=" + p + "-3$"));
		page.goBack();
		assertThat(panel).isEmpty();
		assertThat(page).hasURL(Pattern.compile(".*/backlog\\?q=a$"));
		page.goForward();
		assertThat(panel).containsText("Gamma");
		page.keyboard().press("Escape");
		assertThat(panel).isEmpty();
		assertThat(page).hasURL(Pattern.compile(".*/backlog\\?q=a$"));

		// the sprint board opens the same panel from a card, and keeps it in its URL
		page.navigate("/p/" + p + "/board");
		page.locator(".board-card[data-key='" + p + "-1'] a.card-title").click();
		assertThat(panel).containsText("Alpha");
		assertThat(panel).containsText("Sprint A");
		assertThat(page).hasURL(Pattern.compile(".*/board\\?item=" + p + "-1$"));
		shoot("board-panel", 1280);
		page.reload();
		assertThat(panel).containsText("Alpha");
		page.goBack();
		assertThat(panel).isEmpty();
		assertThat(page).hasURL(Pattern.compile(".*/board$"));
	}

	@Test
	void theSidePanelShowsAnEpicsRollUpTheAssigneeAndStatusLabelsAndAlignsTheItemWithObjectives() {
		String p = product("Alpha");
		String base = "/api/v1/products/" + p;
		ApiClient api = api();
		api.post(base + "/items", "{\"type\":\"STORY\",\"title\":\"Gamma\",\"description\":\"Why\",\"estimate\":3,"
				+ "\"acceptanceCriteria\":[{\"statement\":\"It works\"}]}");
		api.post(base + "/items", "{\"type\":\"EPIC\",\"title\":\"Checkout epic\"}");
		api.patch(base + "/items/" + p + "-1", "{\"parent\":\"" + p + "-3\",\"estimate\":5}",
				api.get(base + "/items/" + p + "-1").etag());
		api.patch(base + "/items/" + p + "-2", "{\"parent\":\"" + p + "-3\"}",
				api.get(base + "/items/" + p + "-2").etag());
		for (String status : List.of("READY", "IN_PROGRESS", "DONE")) {
			api.patch(base + "/items/" + p + "-2", "{\"status\":\"" + status + "\"}",
					api.get(base + "/items/" + p + "-2").etag());
		}
		long maya = api.post(base + "/team", "{\"name\":\"Maya Okafor\",\"capacity\":10}").json().get("id").asLong();
		api.put(base + "/items/" + p + "-2/assignee", "{\"memberId\":" + maya + "}", null);
		api.post(base + "/objectives", "{\"title\":\"Grow conversion\"}");
		signIn();
		page.navigate("/p/" + p + "/backlog");
		Locator panel = page.locator("#item-panel");

		page.locator("li.row[data-key='" + p + "-3'] a.cell-title").click();
		assertThat(panel.locator("#panel-rollup")).hasText("3 of 8 pts done (37 %), 2 children");
		assertThat(panel.locator("#panel-facts")).not().containsText("Estimate");

		page.locator("li.row[data-key='" + p + "-2'] a.cell-title").click();
		assertThat(panel.locator("#panel-assignee")).containsText("Maya Okafor");
		assertThat(panel.locator("#panel-history")).containsText("In progress → Done");
		assertThat(panel).not().containsText("IN_PROGRESS");
		Locator objectives = panel.locator("#item-objectives");
		objectives.getByLabel("Grow conversion").check();
		objectives.locator("button[type=submit]").click();
		assertThat(page.locator(".toast")).containsText(p + "-2 is aligned with Grow conversion.");
		assertThat(page).hasURL(Pattern.compile(".*/backlog\\?item=" + p + "-2$"));
		shoot("panel-objectives", 1280);
		page.reload();
		assertThat(panel.locator("#item-objectives").getByLabel("Grow conversion")).isChecked();
	}

	@Test
	void labelsEditedFromTheRowsMenuAreKeptAfterReload() {
		String p = product("Checkout", "Refunds");
		signIn();
		// the labels column shows from 1440 px of list (priora.css, "Backlog rows")
		page.setViewportSize(1920, 1000);
		page.navigate("/p/" + p + "/backlog");
		Locator row = page.locator("li.row[data-key='" + p + "-2']");
		// the menu loads when opened (RowMenuController): not in the page before; labels
		// are kept sorted
		assertThat(row.locator("input[name=labels]")).hasCount(0);
		row.locator(".labels-edit > summary").click();
		Locator input = row.locator("input[name=labels]");
		assertThat(input).isVisible();
		input.fill("payments, mobile");
		row.locator("button", new Locator.LocatorOptions().setHasText("Save labels")).click();
		assertThat(page.locator("li.row[data-key='" + p + "-2'] .labels-edit > summary .label"))
			.hasText(new String[] { "mobile", "payments" });
		page.reload();
		assertThat(page.locator("li.row[data-key='" + p + "-2'] .labels-edit > summary .label"))
			.hasText(new String[] { "mobile", "payments" });
		assertThat(api().get("/api/v1/products/" + p + "/items/" + p + "-2").json().get("labels").toString())
			.isEqualTo("[\"mobile\",\"payments\"]");
	}

	@Test
	void theBacklogOpensWithAScreenOfRowsAndLoadsTheRestWhenScrolledTo() {
		String[] titles = new String[32];
		for (int n = 0; n < titles.length; n++) {
			titles[n] = "Story " + (n + 1);
		}
		String p = product(titles);
		signIn();
		page.setViewportSize(1280, 900);
		page.navigate("/p/" + p + "/backlog");
		assertThat(page.locator("#backlog-rows > li.row")).hasCount(25);
		page.locator("#backlog-rows > li.more").scrollIntoViewIfNeeded();
		assertThat(page.locator("#backlog-rows > li.row")).hasCount(32);
		assertThat(page.locator("#backlog-rows > li.row").last()).containsText("Story 32");
		assertThat(page.locator("#backlog-rows > li.more")).hasCount(0);
	}

	private String plan(String product, String item) {
		return (String) page.evaluate("k => { const r = document.querySelector(`li.row[data-key='${k}'] .plan-chip`);"
				+ " return r ? r.textContent.trim() : ''; }", item);
	}

	@Test
	void aSprintSetOnTheRowAndByBulkIsKeptAfterReloadAndTheBulkUndoRestoresIt() {
		String p = product("Checkout", "Refunds", "Receipts");
		String base = "/api/v1/products/" + p;
		long release = api().post(base + "/releases", "{\"name\":\"2027.1\",\"capacity\":20}")
			.json()
			.get("id")
			.asLong();
		for (String s : List.of("Sprint 1", "Sprint 2")) {
			int n = s.endsWith("1") ? 0 : 14;
			api().post(base + "/sprints",
					"{\"name\":\"" + s + "\",\"start\":\"" + java.time.LocalDate.now().plusDays(n) + "\",\"end\":\""
							+ java.time.LocalDate.now().plusDays(n + 13) + "\",\"capacity\":10,\"releaseId\":" + release
							+ "}");
		}
		signIn();
		page.navigate("/p/" + p + "/backlog");
		Locator row = page.locator("li.row[data-key='" + p + "-1']");
		row.locator(".plan-edit > summary").click();
		shoot("plan-menu", 1280);
		row.locator("select[name=sprint]")
			.selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Sprint 1"));
		assertThat(page.locator("li.row[data-key='" + p + "-1'] .plan-chip")).hasText(Pattern.compile("Sprint 1"));
		page.reload();
		assertThat(page.locator("li.row[data-key='" + p + "-1'] .plan-chip")).hasText(Pattern.compile("Sprint 1"));
		assertThat(page.locator("li.row[data-key='" + p + "-1'] .plan-edit > summary")).hasAttribute("title",
				"Release 2027.1, Sprint 1");

		page.locator("li.row[data-key='" + p + "-2'] input[name=items]").click();
		page.locator("li.row[data-key='" + p + "-3'] input[name=items]").click();
		page.locator("#bulk-sprint")
			.selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Sprint 2"));
		page.locator("#bulk-apply").click();
		assertThat(page.locator(".toast")).containsText("Changed 2 items: sprint Sprint 2");
		assertThat(page.locator("li.row[data-key='" + p + "-2'] .plan-chip")).hasText(Pattern.compile("Sprint 2"));
		assertThat(page.locator("li.row[data-key='" + p + "-3'] .plan-chip")).hasText(Pattern.compile("Sprint 2"));
		shoot("plans", 1280);
		shoot("plans", 1920);
		assertThat(page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
			.isEqualTo(true);
		page.setViewportSize(1280, 900);
		assertThat(page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"
				+ " && Array.from(document.querySelectorAll('.list > li.row, .list-head'))"
				+ ".every(r => r.scrollWidth <= r.clientWidth + 1)"))
			.as("no sideways scrolling at 1280 px with release and sprint on the rows")
			.isEqualTo(true);

		page.locator("#toast-undo").click();
		assertThat(page.locator(".toast")).containsText("Undone: 2 items: sprint Sprint 2");
		assertThat(page.locator("li.row[data-key='" + p + "-2'] .plan-chip")).hasCount(0);
		page.reload();
		assertThat(page.locator("li.row[data-key='" + p + "-1'] .plan-chip")).hasText(Pattern.compile("Sprint 1"));
		assertThat(page.locator("li.row[data-key='" + p + "-2'] .plan-chip")).hasCount(0);
		assertThat(page.locator("li.row[data-key='" + p + "-3'] .plan-chip")).hasCount(0);
		assertThat(plan(p, p + "-1")).contains("Sprint 1");
	}

	@Test
	void theDemoBacklogShowsReleasesAndSprintsOnItsRowsWithoutSidewaysScrolling() {
		signIn();
		for (int width : new int[] { 1280, 1920 }) {
			page.setViewportSize(width, 900);
			page.navigate("/p/SHOP/backlog");
			assertThat(page.locator("#backlog-rows .plan-chip").first()).isVisible();
			assertThat(page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"
					+ " && Array.from(document.querySelectorAll('.list > li.row, .list-head'))"
					+ ".every(r => r.scrollWidth <= r.clientWidth + 1)"))
				.as("no sideways scrolling at " + width + " px")
				.isEqualTo(true);
			shoot("demo-backlog", width);
			page.locator("#backlog-rows a.cell-title").first().click();
			assertThat(page.locator("#item-panel .panel-title")).isVisible();
			assertThat(page.evaluate("Array.from(document.querySelectorAll('.list > li.row, .list-head'))"
					+ ".every(r => r.scrollWidth <= r.clientWidth + 1)"))
				.as("rows fit beside the open panel at " + width + " px")
				.isEqualTo(true);
			shoot("demo-backlog-panel", width);
		}
	}

}
