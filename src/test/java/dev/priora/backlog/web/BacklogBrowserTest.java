package dev.priora.backlog.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.Page;

import dev.priora.support.ApiClient;
import dev.priora.support.BrowserTestBase;

class BacklogBrowserTest extends BrowserTestBase {

	private static final AtomicInteger PRODUCTS = new AtomicInteger();

	private String product(String... titles) {
		ApiClient api = api();
		String key = "BR" + PRODUCTS.incrementAndGet();
		api.post("/api/v1/products", "{\"key\":\"" + key + "\",\"name\":\"Browser " + key + "\"}");
		for (String t : titles) {
			api.post("/api/v1/products/" + key + "/items", "{\"type\":\"STORY\",\"title\":\"" + t + "\"}");
		}
		return key;
	}

	private List<String> order(String product) {
		List<String> keys = new ArrayList<>();
		api().get("/api/v1/products/" + product + "/items?limit=200")
			.json()
			.get("items")
			.forEach(i -> keys.add(i.get("key").asText()));
		return keys;
	}

	@Test
	void signsInAndCreatesAnItemWithoutReloadingThePage() {
		signIn();
		page.navigate("/p/SHOP/backlog");
		assertThat(page.locator("ol.backlog li.row").first()).isVisible();
		page.evaluate("window.__marker = 'same page'");
		page.locator("#new-title").fill("Pay by bank transfer");
		page.locator("form.create select[name=position]").selectOption("top");
		page.locator("#new-title").press("Enter");
		Locator created = page.locator("ol.backlog li.row",
				new Page.LocatorOptions().setHasText("Pay by bank transfer"));
		assertThat(created).isVisible();
		assertThat(page.locator("ol.backlog li.row").first()).containsText("Pay by bank transfer");
		assertThat(page.locator("p.notice")).containsText("Created SHOP-");
		assertThat(page.evaluate("window.__marker")).isEqualTo("same page");
		page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/screenshots/backlog.png"))
			.setFullPage(false));
		page.navigate("/p/SHOP/items/SHOP-4");
		page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/screenshots/item.png"))
			.setFullPage(true));
	}

	@Test
	void reordersByDragAndByKeyboard() {
		String p = product("First", "Second", "Third");
		signIn();
		page.navigate("/p/" + p + "/backlog");
		Locator third = page.locator("li.row[data-key='" + p + "-3']");
		Locator first = page.locator("li.row[data-key='" + p + "-1']");
		third.dragTo(first, new Locator.DragToOptions().setTargetPosition(20, 3));
		assertThat(page.locator("#move-status")).containsText("moved before " + p + "-1");
		assertThat(order(p)).containsExactly(p + "-3", p + "-1", p + "-2");
		assertThat(page.locator("li.row").first()).hasAttribute("data-key", p + "-3");

		first.focus();
		page.keyboard().press("Alt+ArrowDown");
		assertThat(page.locator("#move-status")).containsText(p + "-1 moved after " + p + "-2");
		assertThat(order(p)).containsExactly(p + "-3", p + "-2", p + "-1");
	}

	@Test
	void showsARefusedDependencyCycleOnTheItemPage() {
		String p = product("Login", "Checkout");
		api().post("/api/v1/products/" + p + "/items/" + p + "-2/dependencies",
				"{\"kind\":\"DEPENDS_ON\",\"target\":\"" + p + "-1\"}");
		signIn();
		page.navigate("/p/" + p + "/items/" + p + "-1");
		page.locator("#add-dependency input[name=target]").fill(p + "-2");
		page.locator("#add-dependency button").click();
		assertThat(page.locator("#add-dependency-box .error-summary"))
			.containsText(p + "-1 → " + p + "-2 → " + p + "-1");
		assertThat(page.locator("#waits-on")).containsText("Nothing.");

		page.navigate("/p/" + p + "/items/" + p + "-2");
		assertThat(page.locator("#waits-on")).containsText(p + "-1");
	}

	@Test
	void keepsWhatTheUserTypedWhenSomeoneElseChangedTheItem() {
		String p = product("Shared story");
		signIn();
		page.navigate("/p/" + p + "/items/" + p + "-1");
		page.locator("#edit summary").click();
		page.locator("#edit-form input[name=title]").fill("My careful title");
		page.locator("#edit-form textarea[name=description]").fill("My long description");
		ApiClient other = api();
		assertThat(other.patch("/api/v1/products/" + p + "/items/" + p + "-1", "{\"title\":\"Their title\"}", "\"0\"")
			.status()).isEqualTo(200);
		page.locator("#edit-form button[type=submit]").click();
		assertThat(page.locator("#conflict")).containsText("Changed by Administrator meanwhile");
		assertThat(page.locator("#conflict")).containsText("Their title");
		assertThat(page.locator("#edit-form input[name=title]")).hasValue("My careful title");
		assertThat(page.locator("#edit-form textarea[name=description]")).hasValue("My long description");
		page.locator("#edit-form button[type=submit]").click();
		assertThat(page.locator("#item-title")).hasText("My careful title");
		assertThat(other.get("/api/v1/products/" + p + "/items/" + p + "-1").json().get("description").asText())
			.isEqualTo("My long description");
	}

	@Test
	void editsAcceptanceCriteriaAndRendersMarkdownSafely() {
		String p = product("Criteria story");
		api().patch("/api/v1/products/" + p + "/items/" + p + "-1",
				"{\"description\":\"**Bold** <script>window.__xss = 1</script>\"}", "\"0\"");
		signIn();
		page.navigate("/p/" + p + "/items/" + p + "-1");
		assertThat(page.locator("#description strong")).hasText("Bold");
		assertThat(page.evaluate("window.__xss === undefined")).isEqualTo(true);
		page.locator("#new-criterion").fill("Shows a receipt");
		page.locator("#new-criterion").press("Enter");
		assertThat(page.locator("#criteria li")).hasCount(1);
		page.locator("#criteria li button.check").click();
		assertThat(page.locator("#criteria li.done")).hasCount(1);
		// the change in words, not the lists '[ ] Shows a receipt' → '[x] Shows a
		// receipt'
		assertThat(page.locator("#history .criteria-change").first()).hasText("ticked “Shows a receipt”");
		assertThat(page.locator("#history")).containsText("added “Shows a receipt”");
		assertThat(page.locator("#history")).not().containsText("[x]");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move to ready")).click();
		assertThat(page.locator("#action-error")).containsText("is not estimated");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Force ready (recorded)")).click();
		assertThat(page.locator("#item-status")).hasText("Ready");
		assertThat(page.locator("#history")).containsText("forced ready despite");
	}

	@Test
	void aRefusedEstimateOnTheItemPageNamesTheFieldByItsLabelAndSaysWhyUnderIt() {
		String p = product("Gift wrapping");
		signIn();
		page.setViewportSize(1280, 900);
		page.navigate("/p/" + p + "/items/" + p + "-1");
		page.locator("#edit > summary").click();
		// "Estimate (points)" on one line, not "Estimate (", "points", ")" stacked
		assertThat(page.locator("#edit-form label:has(#edit-estimate) > span").first().boundingBox().height)
			.as("the estimate label's height")
			.isLessThan(30);
		page.locator("#edit-estimate").fill("-3");
		page.locator("#edit-form button[type=submit]").click();
		// the content is swapped whole (outerHTML): its summary was left as 'estimate:
		// must be …'
		Locator summary = page.locator("#item-content .error-summary a");
		assertThat(summary).hasText(java.util.regex.Pattern.compile("^Estimate \\(points\\): must be one of"));
		assertThat(summary).hasAttribute("href", "#edit-estimate");
		assertThat(page.locator("#edit-estimate-error")).containsText("must be one of the product's scale");
		assertThat(page.locator("#edit-estimate")).hasAttribute("aria-invalid", "true");
		assertThat(page.locator("#edit-estimate")).hasValue("-3");
	}

	@Test
	void aLinkToAMissingItemIsRefusedUnderTheLinkFormWithTheKeyKept() {
		String p = product("Gift wrapping");
		signIn();
		page.navigate("/p/" + p + "/items/" + p + "-1");
		page.locator("#add-dependency input[name=target]").fill(p + "-99");
		page.locator("#add-dependency button").click();
		// before: 'target: …-99 does not exist' at the top of the page, the key typed
		// gone
		Locator summary = page.locator("#add-dependency-box .error-summary");
		assertThat(summary).containsText("Other item: " + p + "-99 does not exist");
		assertThat(page.locator("#dependency-target-error")).hasText(p + "-99 does not exist");
		assertThat(page.locator("#add-dependency input[name=target]")).hasValue(p + "-99");
		assertThat(page.locator("#action-error")).hasCount(0);
		page.locator("#add-dependency input[name=target]").fill(p + "-98");
		page.locator("#add-dependency select[name=kind]").selectOption("RELATES_TO");
		page.locator("#add-dependency button").click();
		assertThat(page.locator("#add-dependency-box .error-summary")).containsText(p + "-98 does not exist");
		assertThat(page.locator("#add-dependency select[name=kind]")).hasValue("RELATES_TO");
	}

	@Test
	void theBusySpinnerStopsWhenTwoRequestsFromOneElementAreDone() {
		String p = product("Gift wrapping");
		signIn();
		// a reload with the side panel open: the panel and the bell load at once
		page.navigate("/p/" + p + "/backlog?item=" + p + "-1");
		assertThat(page.locator("#panel-title")).isVisible();
		// two requests at once from the same element (the body, for htmx.ajax), then
		// longer than the
		// spinner's 300 ms delay: before, the second one's end was not counted and the
		// spinner stayed on for good
		page.evaluate("() => Promise.all([htmx.ajax('GET', '/notifications/bell', { target: '#bell-slot' }),"
				+ " htmx.ajax('GET', '/notifications/bell', { target: '#bell-slot' })])"
				+ ".then(() => new Promise(done => setTimeout(done, 700)))");
		assertThat(page.locator("html")).not().hasClass(java.util.regex.Pattern.compile("is-busy"));
		assertThat(page.locator(".app-header .busy")).isHidden();
	}

	@Test
	void aRowMovedToTheBottomPastTheRowsShownIsListedOnceAfterLoadMore() {
		ApiClient api = api();
		String p = "RNDUP";
		api.post("/api/v1/products", "{\"key\":\"" + p + "\",\"name\":\"Browser " + p + "\"}");
		for (int i = 1; i <= 30; i++) {
			api.post("/api/v1/products/" + p + "/items", "{\"type\":\"STORY\",\"title\":\"Story " + i + "\"}");
		}
		signIn();
		page.navigate("/p/" + p + "/backlog");
		assertThat(page.locator("#backlog-rows > li.row")).hasCount(25);
		page.locator("li.row[data-key='" + p + "-3']").focus();
		page.keyboard().press("Alt+End");
		// before: the row stayed above "Load more" (not the bottom), and came a second
		// time, at the bottom, with the rows loaded next
		assertThat(page.locator("#move-status"))
			.hasText(p + "-3 moved to the bottom of the backlog, after the rows shown.");
		assertThat(page.locator("li.row[data-key='" + p + "-4']")).isFocused();
		assertThat(order(p).get(29)).isEqualTo(p + "-3");
		loadTheRest();
		assertThat(page.locator("#backlog-rows > li.row")).hasCount(30);
		assertThat(page.locator("li.row[data-key='" + p + "-3']")).hasCount(1);
		assertThat(page.locator("#backlog-rows > li.row").last()).hasAttribute("data-key", p + "-3");
		// moved after the last row shown (its place is past the rows shown): listed
		// once when the next rows come
		page.reload();
		page.evaluate("() => { const rows = document.querySelectorAll('#backlog-rows > li.row');"
				+ " rows[20].scrollIntoView({ block: 'end' }); rows[23].focus({ preventScroll: true }); }");
		String moved = page.locator("#backlog-rows > li.row").nth(23).getAttribute("data-key");
		page.keyboard().press("Alt+ArrowDown");
		assertThat(page.locator("#move-status")).containsText(moved + " moved after");
		loadTheRest();
		assertThat(page.locator("#backlog-rows > li.row")).hasCount(30);
		assertThat(page.locator("li.row[data-key='" + moved + "']")).hasCount(1);
	}

	/**
	 * Loads the rows after the first page, as scrolling to the end of the list does (once
	 * only: a move may have brought the end into view already).
	 */
	private void loadTheRest() {
		page.evaluate("() => { const more = document.querySelector('#backlog-rows > li.more');"
				+ " if (more) { more.scrollIntoView(); } }");
	}

}
