package dev.priora.portal;

import java.time.Duration;
import java.util.Map;

import com.microsoft.playwright.Page;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.priora.mail.LoopbackSmtp;
import dev.priora.support.ApiClient;
import dev.priora.support.BrowserTestBase;
import dev.priora.support.BrowserlessSession;
import dev.priora.support.TestProduct;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.aStory;
import static org.awaitility.Awaitility.await;

/**
 * In Chromium, the portal's second half: the team merges a duplicate idea and reviews a
 * held comment; an item made public from its page shows on the portal's roadmap; a
 * visitor subscribes to the changelog, gets the published notes by e-mail (read from the
 * loopback SMTP server) and unsubscribes with the mail's link.
 */
class PortalRoadmapBrowserTest extends BrowserTestBase {

	static final LoopbackSmtp SMTP = new LoopbackSmtp();

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		PortalMails.configure(SMTP, registry);
	}

	@BeforeAll
	static void startServer() {
		SMTP.start();
	}

	@AfterAll
	static void stopServer() {
		SMTP.stop();
	}

	@Test
	void theTeamMergesADuplicateAndReviewsAHeldComment() {
		TestProduct p = aProduct("VZU").named("Portal merge browser").createdBy(api());
		portal(p, Map.of("holdNewComments", true, "statusNames", Map.of("UNDER_REVIEW", "We are reading it")));
		BrowserlessSession ann = visitor("VZU", "ann@vzu.test");
		long kept = post(ann, "VZU", "Invoices as PDF", "For our records.");
		BrowserlessSession bob = visitor("VZU", "bob@vzu.test");
		long dup = post(bob, "VZU", "PDF invoices", "Print them.");
		bob.post("/portal/VZU/ideas/" + dup + "/comments",
				Map.of("body", "Also *monthly* <img src=x onerror=alert(1)>"));

		signIn();
		page.navigate("/p/VZU/portal");
		assertThat(page.locator("#held-comments")).containsText("bob@vzu.test");
		screenshot("portal-team-review-1280");
		page.locator("[id^=approve-comment-]").first().click();
		assertThat(page.locator("#no-held-comments")).isVisible();
		page.reload();
		assertThat(page.locator("#no-held-comments")).isVisible();
		page.locator("#merge-into-" + dup).selectOption(String.valueOf(kept));
		page.locator("#merge-" + dup).click();
		assertThat(page.locator("#confirm-message"))
			.hasText("Merge “PDF invoices” into the idea you chose? Its votes, followers and comments move there.");
		page.locator("#confirm-ok").click();
		assertThat(page.locator(".toast")).containsText("“PDF invoices” is merged into “Invoices as PDF”.");
		assertThat(page.locator("tr[data-idea='" + dup + "'] .merged-badge")).hasText("Merged into “Invoices as PDF”");
		page.reload();
		assertThat(page.locator("tr[data-idea='" + dup + "'] .merged-badge")).hasText("Merged into “Invoices as PDF”");
		assertThat(page.locator("tr[data-idea='" + kept + "']")).containsText("2");
		screenshot("portal-team-merged-1280");

		Page visitorPage = newContext().newPage();
		visitorPage.navigate("/portal/VZU/ideas/" + dup);
		visitorPage.waitForURL("**/portal/VZU/ideas/" + kept);
		assertThat(visitorPage.locator("#vote-count")).hasText("2");
		assertThat(visitorPage.locator("#comments")).containsText("<img src=x onerror=alert(1)>");
		assertThat(visitorPage.locator("#comments em")).hasText("monthly");
		assertThat(visitorPage.locator(".badge.status-under-review").first()).hasText("We are reading it");
	}

	@Test
	void aPublicItemShowsOnTheRoadmapAndSubscribersGetTheChangelog() throws Exception {
		TestProduct p = aProduct("VZW").named("Portal roadmap browser").createdBy(api());
		portal(p, Map.of());
		String item = aStory("Offline mode").estimate(3).in(p);
		aStory("Secret merger work").estimate(3).in(p);
		long release = api().post(p.path("/releases"), ApiClient.json(Map.of("name", "Spring release", "capacity", 40)))
			.json()
			.get("id")
			.asLong();
		api().put(p.path("/items/" + item + "/release"), ApiClient.json(Map.of("releaseId", release)), null);

		signIn();
		page.navigate("/p/VZW/items/" + item);
		assertThat(page.locator("#toggle-portal-public")).hasText("Show on the portal roadmap");
		page.locator("#toggle-portal-public").click();
		assertThat(page.locator("#toggle-portal-public")).hasText("Public on the portal ✓");
		page.reload();
		assertThat(page.locator("#toggle-portal-public")).hasText("Public on the portal ✓");
		screenshot("portal-item-public-1280");

		Page visitor = newContext().newPage();
		signInAs(visitor, "VZW", "sue@vzw.test");
		visitor.locator("#nav-roadmap").click();
		assertThat(visitor.locator("[data-column='Next']")).containsText("Offline mode");
		assertThat(visitor.locator("#portal-roadmap")).not().containsText("Secret merger");
		screenshotOf(visitor, "portal-roadmap-1280");
		visitor.setViewportSize(390, 844);
		screenshotOf(visitor, "portal-roadmap-phone");
		visitor.setViewportSize(1280, 800);

		visitor.locator("#nav-changelog").click();
		assertThat(visitor.locator("link[rel=alternate][type='application/rss+xml']")).hasAttribute("href",
				"/portal/VZW/changelog.rss");
		assertThat(visitor.locator("link[rel=alternate][type='application/atom+xml']")).hasAttribute("href",
				"/portal/VZW/changelog.atom");
		assertThat(visitor.locator("#no-changelog")).isVisible();
		visitor.locator("#subscribe").click();
		assertThat(visitor.locator("#subscribe")).hasText("Subscribed: stop e-mails");
		visitor.reload();
		assertThat(visitor.locator("#subscribe")).hasText("Subscribed: stop e-mails");
		api().put(p.path("/releases/" + release + "/release-notes"),
				ApiClient.json(Map.of("markdown", "# Spring release\n\n- **Offline mode** for trains")), null);
		visitor.reload();
		assertThat(visitor.locator("#changelog strong")).hasText("Offline mode");
		screenshotOf(visitor, "portal-changelog-1280");
		visitor.setViewportSize(390, 844);
		screenshotOf(visitor, "portal-changelog-phone");
		visitor.setViewportSize(1280, 800);

		await().atMost(Duration.ofSeconds(30))
			.until(() -> SMTP.to("sue@vzw.test").stream().anyMatch(m -> subject(m).startsWith("New in ")));
		MimeMessage mail = SMTP.to("sue@vzw.test")
			.stream()
			.filter(m -> subject(m).startsWith("New in "))
			.findFirst()
			.orElseThrow();
		visitor.navigate(PortalMails.unsubscribePath(LoopbackSmtp.part(mail, "text/plain")));
		screenshotOf(visitor, "portal-unsubscribe-1280");
		visitor.locator("#confirm-unsubscribe").click();
		assertThat(visitor.locator("#unsubscribed")).containsText("the changelog");
		visitor.navigate("/portal/VZW/changelog");
		assertThat(visitor.locator("#subscribe")).hasText("E-mail me new release notes");
	}

	private void screenshotOf(Page p, String name) {
		Page before = page;
		page = p;
		try {
			screenshot(name);
		}
		finally {
			page = before;
		}
	}

	private void portal(TestProduct p, Map<String, Object> fields) {
		var current = api().get(p.path("/portal"));
		Map<String, Object> body = new java.util.LinkedHashMap<>(
				Map.of("enabled", true, "title", "Ideas for " + p.key(), "colour", "#0f766e"));
		body.putAll(fields);
		org.assertj.core.api.Assertions
			.assertThat(api().put(p.path("/portal"), ApiClient.json(body), current.etag()).status())
			.isEqualTo(200);
	}

	private BrowserlessSession visitor(String key, String email) {
		BrowserlessSession s = BrowserlessSession.anonymous(port);
		s.post("/portal/" + key + "/sign-in", Map.of("email", email));
		s.post(PortalMails.linkPath(SMTP, email), Map.of());
		return s;
	}

	private static long post(BrowserlessSession visitor, String key, String title, String text) {
		String location = visitor.post("/portal/" + key + "/ideas", Map.of("title", title, "text", text))
			.headers()
			.firstValue("Location")
			.orElseThrow();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	private void signInAs(Page p, String key, String email) {
		p.navigate("/portal/" + key);
		p.locator("#portal-sign-in").click();
		p.locator("#field-email").fill(email);
		p.locator("#send-link").click();
		assertThat(p.locator("#link-sent")).isVisible();
		p.navigate(PortalMails.linkPath(SMTP, email));
		p.locator("#confirm-sign-in").click();
		assertThat(p.locator("#portal-visitor")).hasText(email);
	}

	private static String subject(MimeMessage m) {
		try {
			return m.getSubject();
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

}
