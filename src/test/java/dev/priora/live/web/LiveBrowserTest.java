package dev.priora.live.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.aRelease;
import static dev.priora.support.Fixtures.aSprint;
import static dev.priora.support.Fixtures.aStory;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

import dev.priora.accounts.AccountService;
import dev.priora.accounts.ProductRole;
import dev.priora.accounts.ProductRoles;
import dev.priora.support.ApiClient;
import dev.priora.support.BrowserTestBase;
import dev.priora.support.TestProduct;

/**
 * Two signed-in people in two browsers: A moves a card on the sprint board and mentions B
 * in a comment; B, without reloading, sees the card in its new column and the bell count
 * rise. B's backlog row that B is editing is not replaced but marked.
 */
class LiveBrowserTest extends BrowserTestBase {

	private static final LocatorAssertions.HasCountOptions SOON = new LocatorAssertions.HasCountOptions()
		.setTimeout(5_000);

	@Autowired
	AccountService accounts;

	@Autowired
	ProductRoles roles;

	private TestProduct board(String key) {
		ApiClient api = api();
		TestProduct p = aProduct(key).named("Live " + key).createdBy(api);
		long release = aRelease("Launch").capacity(40).in(p);
		long sprint = aSprint("Sprint 1").starting(LocalDate.now().minusDays(1)).capacity(20).forRelease(release).in(p);
		for (int i = 1; i <= 3; i++) {
			aStory("Story " + i).estimate(3).ready().in(p);
			p.plan(p.item(i), release, sprint);
		}
		accounts.createUser("bea@" + key.toLowerCase() + ".test", "Bea Live", "password-bea-1", false);
		roles.grant(key, "bea@" + key.toLowerCase() + ".test", ProductRole.MEMBER,
				accounts.findByEmail(ADMIN_EMAIL).orElseThrow().id());
		return p;
	}

	private Page signInAs(BrowserContext c, String email, String password) {
		Page p = c.newPage();
		p.setViewportSize(1280, 900);
		p.navigate("/login");
		p.getByLabel("Email").fill(email);
		p.getByLabel("Password").fill(password);
		p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
		p.waitForURL("**/backlog");
		return p;
	}

	private static Locator cell(Page p, String status) {
		return p.locator("#sprint-board .board-cell[data-status=" + status + "]").first();
	}

	@Test
	void aCardMovedAndAMentionBySomeoneElseShowWithoutAReload() {
		board("LVB");
		signIn();
		page.setViewportSize(1280, 900);
		Page bea = signInAs(newContext(), "bea@lvb.test", "password-bea-1");
		bea.navigate("/p/LVB/board");
		assertThat(bea.locator("#live-status")).hasAttribute("data-state", "live");
		assertThat(cell(bea, "NEW").locator(".board-card[data-key=LVB-1]")).hasCount(1);
		assertThat(bea.locator("#bell-count")).hasCount(0);
		bea.evaluate("document.body.dataset.loadedOnce = 'yes'");

		page.navigate("/p/LVB/board");
		page.locator("#sprint-board .board-card[data-key=LVB-1]").focus();
		page.keyboard().press("Alt+ArrowRight");
		assertThat(page.locator("#board-status")).hasText("LVB-1 moved to Ready.");
		assertThat(cell(bea, "READY").locator(".board-card[data-key=LVB-1]")).hasCount(1, SOON);

		page.navigate("/p/LVB/items/LVB-1");
		var box = page.locator("#add-comment textarea[name=body]");
		box.fill("@Bea Live the card is ready");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Comment").setExact(true)).click();
		assertThat(page.locator("#comments")).containsText("the card is ready");
		assertThat(bea.locator("#bell-count")).hasText("1", new LocatorAssertions.HasTextOptions().setTimeout(5_000));
		assertThat(bea.locator("body")).hasAttribute("data-loaded-once", "yes");
		bea.screenshot(new Page.ScreenshotOptions().setFullPage(true)
			.setPath(java.nio.file.Path.of("target/screenshots", "live-board-1280.png")));
	}

	@Test
	void aRowBeingEditedIsMarkedNotReplaced() {
		TestProduct p = board("LVR");
		Page bea = signInAs(newContext(), "bea@lvr.test", "password-bea-1");
		bea.navigate("/p/LVR/backlog");
		Locator row = bea.locator("#backlog-rows > li.row[data-key=LVR-2]");
		row.locator("select[name=status]").focus();
		String etag = p.api().get(p.path("/items/LVR-2")).etag();
		p.api().patch(p.path("/items/LVR-2"), "{\"title\":\"Renamed by someone else\"}", etag);
		assertThat(row.locator(".live-stale")).hasCount(1, SOON);
		assertThat(row.locator(".cell-title")).hasText("Story 2");
		assertThat(bea.locator("#backlog-rows > li.row[data-key=LVR-3] .cell-title")).hasText("Story 3");

		etag = p.api().get(p.path("/items/LVR-3")).etag();
		p.api().patch(p.path("/items/LVR-3"), "{\"title\":\"Also renamed\"}", etag);
		assertThat(bea.locator("#backlog-rows > li.row[data-key=LVR-3] .cell-title")).hasText("Also renamed",
				new LocatorAssertions.HasTextOptions().setTimeout(5_000));

		row.locator(".live-stale button").click();
		assertThat(row.locator(".cell-title")).hasText("Renamed by someone else");
		assertThat(row.locator(".live-stale")).hasCount(0);
	}

}
