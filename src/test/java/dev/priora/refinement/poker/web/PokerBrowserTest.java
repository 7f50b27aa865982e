package dev.priora.refinement.poker.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.aStory;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

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
import dev.priora.support.BrowserTestBase;
import dev.priora.support.TestProduct;

/**
 * A planning poker session of three members in three browsers: the owner starts it from
 * the Refinement page, the others open its link and join; all three vote, nobody sees
 * another's card before the reveal, the reveal reaches the other two without a reload,
 * the owner accepts the proposed value, and after a reload the item shows it.
 */
class PokerBrowserTest extends BrowserTestBase {

	private static final LocatorAssertions.HasTextOptions SOON = new LocatorAssertions.HasTextOptions()
		.setTimeout(8_000);

	private static final LocatorAssertions.ContainsTextOptions SOON_CONTAINS = new LocatorAssertions.ContainsTextOptions()
		.setTimeout(8_000);

	private static final LocatorAssertions.HasCountOptions SOON_COUNT = new LocatorAssertions.HasCountOptions()
		.setTimeout(8_000);

	@Autowired
	AccountService accounts;

	@Autowired
	ProductRoles roles;

	/** Console errors and page errors of every page the test opened. */
	private final List<String> console = new CopyOnWriteArrayList<>();

	private Page signInAs(BrowserContext c, String email) {
		Page p = c.newPage();
		p.setViewportSize(1280, 900);
		p.onConsoleMessage(m -> {
			if ("error".equals(m.type())) {
				console.add(email + ": " + m.text());
			}
		});
		p.onPageError(e -> console.add(email + ": page error " + e));
		p.navigate("/login");
		p.getByLabel("Email").fill(email);
		p.getByLabel("Password").fill("password-pkw-1");
		p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
		p.waitForURL("**/backlog");
		return p;
	}

	private void member(String key, String email, String name, ProductRole role) {
		accounts.createUser(email, name, "password-pkw-1", false);
		roles.grant(key, email, role, accounts.findByEmail(ADMIN_EMAIL).orElseThrow().id());
	}

	private static void vote(Page p, String card) {
		p.locator("#poker-room .poker-cards button[value='" + card + "']").click();
		assertThat(p.locator("#my-vote")).containsText("You voted " + card);
	}

	/**
	 * The room fits 1280 px and carries no inline handler; then a full-page screenshot.
	 */
	private static void shoot(Page p, String name) {
		org.assertj.core.api.Assertions
			.assertThat(p.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth"))
			.as("scrolls sideways: " + name)
			.isEqualTo(false);
		org.assertj.core.api.Assertions
			.assertThat(p.evaluate("Array.from(document.querySelectorAll('*')).some(e => "
					+ "Array.from(e.attributes).some(a => /^on/i.test(a.name)))"))
			.as("an inline on* handler: " + name)
			.isEqualTo(false);
		p.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target/screenshots", name)));
	}

	/**
	 * Starts a session from the Refinement page with the items it picks (the two not
	 * ready); answers the room's address.
	 */
	private static String start(Page olga) {
		olga.navigate("/p/PKW/refinement");
		olga.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New session").setExact(true))
			.first()
			.click();
		assertThat(olga.locator("#candidates input[name=items]:checked")).hasCount(2);
		olga.locator("#new-session input[name=name]").fill("Sprint 3 refinement");
		olga.locator("#new-session button[type=submit]").click();
		olga.waitForURL("**/refinement/sessions/*");
		assertThat(olga.locator("#current-title")).containsText("Export as CSV");
		assertThat(olga.locator(".poker-description strong")).hasText("row");
		return olga.url();
	}

	@Test
	void threeMembersVoteSeeTheRevealLiveAndTheAcceptedEstimateStays() {
		TestProduct p = aProduct("PKW").named("Poker web").createdBy(api());
		String first = aStory("Export as CSV").description("Every **row** of the list")
			.criteria("Opens in a sheet")
			.in(p);
		aStory("Import from CSV").in(p);
		member("PKW", "olga@pkw.test", "Olga Owner", ProductRole.OWNER);
		member("PKW", "ben@pkw.test", "Ben Member", ProductRole.MEMBER);
		member("PKW", "cleo@pkw.test", "Cleo Member", ProductRole.MEMBER);
		Page olga = signInAs(context, "olga@pkw.test");
		Page ben = signInAs(newContext(), "ben@pkw.test");
		Page cleo = signInAs(newContext(), "cleo@pkw.test");

		String room = start(olga);

		for (Page other : new Page[] { ben, cleo }) {
			other.navigate(room);
			assertThat(other.locator("#live-status")).hasAttribute("data-state", "live");
			other.locator("#join").click();
			assertThat(other.locator("#join")).hasCount(0);
			other.evaluate("document.body.dataset.loadedOnce = 'yes'");
		}
		vote(olga, "5");
		vote(ben, "8");
		assertThat(ben.locator("#poker-people .poker-card")).hasCount(0);
		vote(cleo, "5");
		assertThat(olga.locator("#vote-count")).hasText("3 of 3 people voted", SOON);
		shoot(olga, "poker-room-voting-1280.png");

		olga.locator("#reveal").click();
		for (Page other : new Page[] { ben, cleo }) {
			assertThat(other.locator("#tally")).containsText("From 5 to 8", SOON_CONTAINS);
			assertThat(other.locator("#poker-people .poker-card")).hasCount(3, SOON_COUNT);
			assertThat(other.locator("body")).hasAttribute("data-loaded-once", "yes");
		}
		Locator accept = olga.locator("#accept-estimate");
		assertThat(accept).hasValue("5");
		shoot(olga, "poker-room-revealed-1280.png");
		olga.locator("#accept").click();
		assertThat(ben.locator("#current-title")).containsText("Import from CSV", SOON_CONTAINS);
		assertThat(cleo.locator("#poker-queue li[data-key=" + first + "] .badge")).hasText("5", SOON);

		ben.reload();
		assertThat(ben.locator("#poker-queue li[data-key=" + first + "] .badge")).hasText("5");
		ben.navigate("/p/PKW/items/" + first);
		assertThat(ben.locator("dl.facts")).containsText("5 points");

		olga.locator("#close-session").click();
		olga.locator("#confirm-ok").click();
		assertThat(olga.locator("#poker-summary")).containsText("Estimated");
		assertThat(cleo.locator("#poker-summary")).isVisible();
		shoot(olga, "poker-summary-1280.png");
		org.assertj.core.api.Assertions.assertThat(console).as("console errors").isEmpty();
	}

}
