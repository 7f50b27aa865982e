package dev.priora.portal;

import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.priora.mail.LoopbackSmtp;
import dev.priora.support.ApiClient;
import dev.priora.support.BrowserTestBase;
import dev.priora.support.BrowserlessSession;
import dev.priora.support.TestProduct;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.priora.support.Fixtures.aCustomer;
import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.aStory;

/**
 * In Chromium: a visitor signs in with the link mailed to the loopback SMTP server, sees
 * a similar idea while typing a new one and votes for it; a second visitor, from a
 * customer's domain, adds a critical vote; the owner links the idea to an item, sees both
 * customers and their revenue in the item's demand, ships the item, and the idea's
 * followers get the "shipped" e-mail.
 */
class PortalBrowserTest extends BrowserTestBase {

	static final LoopbackSmtp SMTP = new LoopbackSmtp();

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		PortalMails.configure(SMTP, registry);
	}

	@AfterAll
	static void stopServer() {
		SMTP.stop();
	}

	@Test
	void visitorsVoteAndTheOwnerSeesTheirCustomersInTheItemsDemand() {
		TestProduct p = aProduct("VZK").named("Portal browser").createdBy(api());
		aCustomer("Acme").segment("Enterprise")
			.revenue(120000)
			.currency("EUR")
			.contact("Ann", "ann@acme-vzk.test")
			.in(p);
		aCustomer("Bolt").segment("SMB").revenue(8000).currency("EUR").contact("Bob", "bob@bolt-vzk.test").in(p);
		String item = aStory("Export orders to Excel").estimate(3).ready().in(p);
		var current = api().get(p.path("/portal"));
		api().put(p.path("/portal"), ApiClient.json(Map.of("enabled", true, "title", "Shop ideas", "intro",
				"Tell us what would **help** you.", "colour", "#0f766e", "categories", List.of("Reports", "Checkout"))),
				current.etag());
		seedIdea();

		signInAs(page, "ann@acme-vzk.test");
		page.navigate("/portal/VZK");
		screenshot("portal-ideas-1280");
		page.locator("#field-title").pressSequentially("Excel export of orders");
		// the similarity index and the sentence model answer slowly on a busy machine
		assertThat(page.locator("#similar-ideas")).containsText("Spreadsheet export of all orders",
				new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
		screenshot("portal-similar-1280");
		page.locator("#similar-ideas a").first().click();
		page.locator("#vote").click();
		assertThat(page.locator("#vote-card h2")).hasText("You voted");
		page.reload();
		assertThat(page.locator("#vote-count")).hasText("2");
		String ideaUrl = page.url();
		page.locator("#field-body").fill("We need this **every Monday**. <script>alert(1)</script>");
		page.locator("#post-comment").click();
		assertThat(page.locator("#comments")).containsText("every Monday");
		assertThat(page.locator("#comments")).containsText("<script>alert(1)</script>");
		assertThat(page.locator("#follow")).hasText("Following: stop");
		page.locator("#follow").click();
		assertThat(page.locator("#follow")).hasText("Follow");
		page.locator("#follow").click();
		assertThat(page.locator("#follow")).hasText("Following: stop");
		screenshot("portal-idea-1280");
		page.setViewportSize(390, 844);
		screenshot("portal-idea-phone");
		page.setViewportSize(1280, 800);

		BrowserContext second = newContext();
		Page bea = second.newPage();
		signInAs(bea, "bea@bolt-vzk.test");
		bea.navigate(ideaUrl.substring(ideaUrl.indexOf("/portal/")));
		bea.locator("#importance-critical").check();
		bea.locator("#vote").click();
		assertThat(bea.locator("#vote-count")).hasText("3");
		bea.reload();
		assertThat(bea.locator("#importance-critical")).isChecked();
		second.close();

		signIn();
		page.navigate("/p/VZK/portal");
		assertThat(page.locator("#team-ideas")).containsText("2");
		screenshot("portal-team-1280");
		page.locator("#team-ideas a", new Page.LocatorOptions().setHasText("Spreadsheet export")).click();
		page.locator("#idea-feedback").click();
		page.locator("#link-form input[name=item]").fill(item);
		page.locator("#link-form button[type=submit]").click();
		assertThat(page.locator("#feedback-links")).containsText(item);
		page.navigate("/p/VZK/items/" + item);
		assertThat(page.locator("#demand-customers")).hasText("2 customers");
		assertThat(page.locator("#demand")).containsText("128,000");
		shipAndSeeTheFollowersMailed();
	}

	/**
	 * The owner moves the item to ready, in progress and done on its page; the idea's
	 * followers (its poster, and Ann who commented and follows) get the "shipped" mail.
	 */
	private void shipAndSeeTheFollowersMailed() {
		page.locator("button", new Page.LocatorOptions().setHasText("Move to ready")).click();
		assertThat(page.locator("#item-status")).hasText("Ready");
		page.locator("button", new Page.LocatorOptions().setHasText("Move to in progress")).click();
		assertThat(page.locator("#item-status")).hasText("In progress");
		page.locator("button", new Page.LocatorOptions().setHasText("Move to done")).click();
		assertThat(page.locator("#item-status")).hasText("Done");
		page.reload();
		assertThat(page.locator("#item-status")).hasText("Done");
		for (String follower : List.of("ann@acme-vzk.test", "poster@free-vzk.test")) {
			org.awaitility.Awaitility.await()
				.atMost(java.time.Duration.ofSeconds(30))
				.until(() -> SMTP.to(follower).stream().anyMatch(PortalBrowserTest::shipped));
		}
	}

	private static boolean shipped(jakarta.mail.internet.MimeMessage m) {
		try {
			return m.getSubject().equals("Shipped: Spreadsheet export of all orders");
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	@Test
	void theTeamSetsUpThePortalFromItsPage() throws Exception {
		aProduct("VZL").named("Portal setup").createdBy(api());
		signIn();
		page.navigate("/p/VZL/backlog");
		assertThat(page.locator("[data-shortcut='g p']")).hasAttribute("href", "/p/VZL/portal");
		page.locator("[data-shortcut='g p']").click();
		page.waitForURL("**/p/VZL/portal");
		page.locator("#field-enabled").check();
		page.locator("#field-title").fill(" ");
		page.locator("#save-portal").click();
		assertThat(page.locator("#settings-errors")).containsText("Title: is one line");
		assertThat(page.locator("#field-title-error")).isVisible();
		page.locator("#field-title").fill("Setup ideas");
		page.locator("#field-intro").fill("Hello **customers**");
		page.locator("#access-private").check();
		page.locator("#field-allowedDomains").fill("setup.test");
		page.locator("#field-categories").fill("Reports\nBilling");
		page.locator("#field-holdNewIdeas").check();
		page.locator("#save-portal").click();
		assertThat(page.locator("#portal-address")).containsText("/portal/VZL");
		page.reload();
		assertThat(page.locator("#field-title")).hasValue("Setup ideas");
		assertThat(page.locator("#access-private")).isChecked();
		page.locator("#field-logo")
			.setInputFiles(new com.microsoft.playwright.options.FilePayload("logo.png", "image/png", png()));
		page.locator("#upload-logo").click();
		assertThat(page.locator("#logo-preview")).isVisible();
		page.locator("#field-logo")
			.setInputFiles(new com.microsoft.playwright.options.FilePayload("logo.svg", "image/svg+xml",
					"<svg onload=alert(1)></svg>".getBytes()));
		page.locator("#upload-logo").click();
		assertThat(page.locator(".error-summary, .toast.error, p.error").first())
			.containsText("PNG, JPEG, GIF or WebP");
		screenshot("portal-settings-1280");
		org.assertj.core.api.Assertions.assertThat(BrowserlessSession.anonymous(port).get("/portal/VZL").statusCode())
			.isEqualTo(404);
	}

	private static byte[] png() throws java.io.IOException {
		var image = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
		var out = new java.io.ByteArrayOutputStream();
		javax.imageio.ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	private void seedIdea() {
		BrowserlessSession s = BrowserlessSession.anonymous(port);
		s.post("/portal/VZK/sign-in", Map.of("email", "poster@free-vzk.test"));
		String path = linkPath("poster@free-vzk.test");
		s.post(path, Map.of());
		s.post("/portal/VZK/ideas", Map.of("title", "Spreadsheet export of all orders", "text",
				"Orders as an **Excel** file, to share with accounting.", "category", "Reports"));
	}

	@Test
	void aVisitorWhoseIdeaIsHeldIsToldItWaitsForReview() {
		TestProduct p = aProduct("VZH").named("Portal held").createdBy(api());
		var current = api().get(p.path("/portal"));
		api().put(p.path("/portal"),
				ApiClient
					.json(Map.of("enabled", true, "title", "Held ideas", "colour", "#0f766e", "holdNewIdeas", true)),
				current.etag());
		signInAs(page, "VZH", "hal@held-vzh.test");
		page.navigate("/portal/VZH");
		page.locator("#field-title").fill("Invoices as PDF");
		page.locator("#field-text").fill("For our accountant.");
		page.locator("#post-idea").click();
		assertThat(page.locator(".toast")).containsText("waits for the team's review");
		assertThat(page.locator(".toast")).not().containsText("posted");
		assertThat(page.locator("#idea-held")).isVisible();
		screenshot("portal-idea-held-1280");
	}

	private void signInAs(Page p, String email) {
		signInAs(p, "VZK", email);
	}

	private void signInAs(Page p, String portal, String email) {
		p.navigate("/portal/" + portal);
		p.locator("#portal-sign-in").click();
		p.locator("#field-email").fill(email);
		p.locator("#send-link").click();
		assertThat(p.locator("#link-sent")).isVisible();
		if (email.startsWith("ann")) {
			screenshot("portal-sign-in-1280");
		}
		p.navigate(linkPath(email));
		p.locator("#confirm-sign-in").click();
		assertThat(p.locator("#portal-visitor")).hasText(email);
	}

	private static String linkPath(String email) {
		return PortalMails.linkPath(SMTP, email);
	}

}
