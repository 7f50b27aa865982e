package dev.priora.portal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import jakarta.mail.MessagingException;
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
import static org.awaitility.Awaitility.await;

/**
 * In Chromium: the team replies to visitors from the team's idea page (post, edit,
 * delete, each page reloaded after), the visitor sees the reply with the team member's
 * name and a Team badge and gets it by e-mail; XSS payloads typed by visitors and by the
 * team stay inert on every portal page, visitor and team side; no portal page scrolls
 * sideways at 1280 px nor, on the visitor side, at 390 px.
 */
class PortalRepliesBrowserTest extends BrowserTestBase {

	static final LoopbackSmtp SMTP = new LoopbackSmtp();

	private static final List<String> PAYLOADS = List.of("<script>window.__xss=1</script>",
			"\"><img src=x onerror=\"window.__xss=2\">", "<svg onload=window.__xss=3>",
			"<iframe src=\"javascript:window.__xss=5\"></iframe>", "[md link](javascript:window.__xss=7)",
			"<details open ontoggle=window.__xss=8>", "{{7*7}} ${7*7} [[${7*7}]]");

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		PortalMails.configure(SMTP, registry);
	}

	@AfterAll
	static void stopServer() {
		SMTP.stop();
	}

	@Test
	void theTeamRepliesAndTheVisitorSeesItWithTheTeamBadge() {
		SMTP.start();
		TestProduct p = aProduct("VYF").named("Portal team replies").createdBy(api());
		aCustomer("Acme").segment("Enterprise")
			.revenue(90000)
			.currency("EUR")
			.contact("Ann", "ann@acme-vyf.test")
			.in(p);
		portal(p);
		long idea = seedIdea("ann@acme-vyf.test", "CSV export of invoices <img src=x onerror=window.__xss=20>");
		List<String> problems = new ArrayList<>();
		page.onDialog(d -> {
			problems.add("dialog " + d.message());
			d.dismiss();
		});
		page.onConsoleMessage(m -> {
			if ("error".equals(m.type())) {
				problems.add("console " + m.text());
			}
		});
		signIn();
		replyEditAndLook(idea);
		BrowserContext visitorContext = newContext();
		Page ann = visitorContext.newPage();
		ann.onConsoleMessage(m -> {
			if ("error".equals(m.type())) {
				problems.add("visitor console " + m.text());
			}
		});
		signInAs(ann, "ann@acme-vyf.test");
		ann.navigate("/portal/VYF/ideas/" + idea);
		assertThat(ann.locator("#comments .team-reply .team-badge")).hasText("Team");
		assertThat(ann.locator("#comments .team-reply strong").first()).not().hasText("A visitor");
		assertThat(ann.locator("#comments .team-reply")).containsText("June");
		assertThat(ann.locator("#comments .team-reply")).containsText("<script>window.__xss=1</script>");
		await().atMost(Duration.ofSeconds(20))
			.until(() -> SMTP.to("ann@acme-vyf.test")
				.stream()
				.anyMatch(m -> subject(m).startsWith("The team replied")));
		lookAtVisitorPages(ann, idea);
		visitorContext.close();

		page.navigate("/p/VYF/portal/ideas/" + idea);
		page.locator("[id^=delete-reply-]").click();
		page.locator("#confirm-ok").click();
		assertThat(page.locator("#no-replies")).isVisible();
		page.reload();
		assertThat(page.locator("#no-replies")).isVisible();
		org.assertj.core.api.Assertions.assertThat(problems).isEmpty();
	}

	/** From the team's list to the idea: reply, edit, reload, look at both team pages. */
	private void replyEditAndLook(long idea) {
		page.navigate("/p/VYF/portal");
		page.locator("#team-ideas a", new Page.LocatorOptions().setHasText("CSV export of invoices")).click();
		page.waitForURL("**/p/VYF/portal/ideas/" + idea);
		assertThat(page.locator("#team-idea-customers")).hasText("1");
		assertThat(page.locator("#visitor-comments")).containsText("ann@acme-vyf.test");
		assertThat(page.locator("#no-replies")).isVisible();
		page.locator("#field-reply").fill("Thanks! We plan it for **May**.\n\n" + String.join("\n\n", PAYLOADS));
		page.locator("#post-reply").click();
		assertThat(page.locator("#team-replies .team-reply")).hasCount(1);
		assertThat(page.locator("#team-replies strong").nth(1)).hasText("May");
		page.reload();
		assertThat(page.locator("#team-replies .team-badge")).hasText("Team");
		page.locator("[id^=edit-reply-]").click();
		page.locator("[id^=field-reply-]")
			.fill("Thanks! It is planned for **June**.\n\n" + String.join("\n\n", PAYLOADS));
		page.locator("[id^=save-reply-]").click();
		assertThat(page.locator("#team-replies")).containsText("edited");
		page.reload();
		assertThat(page.locator("#team-replies strong").nth(1)).hasText("June");
		inert(page, "team idea page");
		noSidewaysScroll(page, "team idea page");
		screenshot("portal-team-idea-1280");
		page.navigate("/p/VYF/portal");
		inert(page, "team portal page");
		noSidewaysScroll(page, "team portal page");
		screenshot("portal-team-ideas-1280");
		page.setViewportSize(390, 844);
		screenshot("portal-team-ideas-phone");
		page.navigate("/p/VYF/portal/ideas/" + idea);
		screenshot("portal-team-idea-phone");
		page.setViewportSize(1280, 800);
	}

	/** Every visitor page at 1280 and 390 px: inert, no sideways scroll, a screenshot. */
	private void lookAtVisitorPages(Page visitor, long idea) {
		for (String path : List.of("/portal/VYF", "/portal/VYF/ideas/" + idea, "/portal/VYF/roadmap",
				"/portal/VYF/changelog")) {
			visitor.navigate(path);
			inert(visitor, path);
			noSidewaysScroll(visitor, path);
			String name = path.replace("/portal/VYF", "portal-visitor").replace('/', '-').replaceAll("-\\d+$", "");
			screenshotOf(visitor, name + "-1280");
			visitor.setViewportSize(390, 844);
			noSidewaysScroll(visitor, path + " (phone)");
			screenshotOf(visitor, name + "-phone");
			visitor.setViewportSize(1280, 800);
		}
	}

	private void portal(TestProduct p) {
		var current = api().get(p.path("/portal"));
		api().put(p.path("/portal"), ApiClient.json(Map.of("enabled", true, "title", "Invoice ideas", "intro",
				"Tell us what would **help**.", "colour", "#0f766e", "categories", List.of("Reports", "Billing"))),
				current.etag());
	}

	/** A visitor posts an idea (with payloads in every field) and a comment; its id. */
	private long seedIdea(String email, String title) {
		BrowserlessSession s = BrowserlessSession.anonymous(port);
		s.post("/portal/VYF/sign-in", Map.of("email", email));
		s.post(PortalMails.linkPath(SMTP, email), Map.of());
		var r = s.post("/portal/VYF/ideas",
				Map.of("title", title, "text", String.join("\n\n", PAYLOADS), "category", "Reports"));
		String location = r.headers().firstValue("Location").orElseThrow();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		s.post("/portal/VYF/ideas/" + id + "/comments", Map.of("body", String.join("\n\n", PAYLOADS)));
		return id;
	}

	private void signInAs(Page p, String email) {
		p.navigate("/portal/VYF/sign-in");
		p.locator("#field-email").fill(email);
		p.locator("#send-link").click();
		assertThat(p.locator("#link-sent")).isVisible();
		screenshotOf(p, "portal-visitor-sign-in-1280");
		p.navigate(PortalMails.linkPath(SMTP, email));
		p.locator("#confirm-sign-in").click();
		assertThat(p.locator("#portal-visitor")).hasText(email);
	}

	/** No payload ran or left an element, handler or script link behind. */
	private static void inert(Page p, String where) {
		org.assertj.core.api.Assertions.assertThat(p.evaluate("window.__xss === undefined"))
			.as("payload ran on " + where)
			.isEqualTo(true);
		org.assertj.core.api.Assertions.assertThat(p.evaluate("""
				Array.from(document.querySelectorAll('*')).filter(e => Array.from(e.attributes)
				  .some(a => a.name.startsWith('on') || /^\\s*javascript:/i.test(a.value))).length"""))
			.as(where)
			.isEqualTo(0);
		org.assertj.core.api.Assertions
			.assertThat(p.locator("iframe, svg:not(.bell-icon):not(.search-icon), math, object, embed").count())
			.as(where)
			.isZero();
	}

	private static void noSidewaysScroll(Page p, String where) {
		org.assertj.core.api.Assertions
			.assertThat(p.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
			.as(where + " scrolls sideways")
			.isEqualTo(true);
	}

	private void screenshotOf(Page p, String name) {
		p.screenshot(new Page.ScreenshotOptions().setFullPage(true)
			.setPath(java.nio.file.Path.of("target/screenshots", name + ".png")));
	}

	private static String subject(jakarta.mail.internet.MimeMessage m) {
		try {
			return m.getSubject();
		}
		catch (MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

}
