package dev.priora.mail;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.microsoft.playwright.Page;

import dev.priora.support.BrowserTestBase;
import dev.priora.support.BrowserlessSession;

/**
 * In Chromium: the admin invites someone and follows the mail in Admin → Mail; a visitor
 * asks for a new password from the sign-in page, and reloading the answer sends nothing
 * twice.
 */
class MailBrowserTest extends BrowserTestBase {

	static final LoopbackSmtp SMTP = new LoopbackSmtp();

	static final String FORGETFUL = "forgetful@browser.test";

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", SMTP::port);
		registry.add("priora.mail.from", () -> "priora@example.test");
		registry.add("priora.base-url", () -> "https://priora.example.test");
	}

	@AfterAll
	static void stopServer() {
		SMTP.stop();
	}

	@Test
	void theAdminSeesAnInvitationGoOutInTheMailSection() {
		signIn();
		page.navigate("/admin/users");
		page.locator("#invite input[name=email]").fill("mailed@browser.test");
		page.locator("#invite button").click();
		assertThat(page.locator("#one-time-link code")).containsText("/invite/");
		await().atMost(Duration.ofSeconds(15)).until(() -> SMTP.to("mailed@browser.test").size() == 1);

		page.locator("nav.tabs a", new Page.LocatorOptions().setHasText("Mail")).click();
		page.waitForURL("**/admin/mail");
		assertThat(page.locator("#mail-state")).hasText("Mail is sent.");
		assertThat(page.locator("#mail-host")).hasText("127.0.0.1:" + SMTP.port());
		assertThat(page.locator("#mail-base-url")).hasText("https://priora.example.test");
		var row = page.locator("#mail-log tbody tr").first();
		assertThat(row).containsText("mailed@browser.test");
		assertThat(row).containsText("invitation");
		assertThat(row).hasAttribute("data-state", "SENT");
	}

	@Test
	void theMailSectionSaysTheRetryWaitsInWordsNotIsoDurations() {
		signIn();
		page.navigate("/admin/mail");
		assertThat(page.locator("#mail-retries")).hasText("1 min, 5 min, 30 min, 2 h, then it is given up");
		assertThat(page.locator("#mail-settings")).not().containsText("PT1M");
		screenshot("admin-mail");
	}

	@Test
	void aVisitorAsksForANewPasswordFromTheSignInPageAndAReloadSendsNothingTwice() throws Exception {
		String link = api().post("/api/v1/users/invitations", "{\"email\":\"" + FORGETFUL + "\"}")
			.json()
			.get("link")
			.asText();
		var joined = BrowserlessSession.anonymous(port)
			.post(link.substring(link.indexOf("/invite/")),
					Map.of("displayName", "Fern Forgetful", "password", "first password"));
		assertThat(joined.statusCode()).isEqualTo(302);

		page.navigate("/login");
		page.getByText("Forgot your password?").click();
		page.waitForURL("**/forgot-password");
		page.getByLabel("Email").fill("not-an-address");
		page.locator("input[name=email]").evaluate("e => e.type = 'text'");
		page.locator("button[type=submit]").click();
		assertThat(page.locator("p.error")).hasText("E-mail is not an e-mail address");

		page.getByLabel("Email").fill(FORGETFUL);
		page.locator("button[type=submit]").click();
		assertThat(page.locator("#reset-requested")).containsText("If an account exists for that address");
		page.reload();
		assertThat(page.locator("#reset-requested")).containsText("If an account exists for that address");
		await().atMost(Duration.ofSeconds(15)).until(() -> resetMails().size() == 1);
		Thread.sleep(1000);
		assertThat(resetMails()).hasSize(1);
		String text = LoopbackSmtp.part(resetMails().get(0), "text/plain");
		String reset = text.substring(text.indexOf("/reset/")).split("\\s")[0];

		page.navigate(reset);
		page.getByLabel("Password (10 characters or more)").fill("a brand new password");
		page.locator("button[type=submit]").click();
		assertThat(page.locator("p.notice")).containsText("Your password is reset");
		page.getByLabel("Email").fill(FORGETFUL);
		page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("a brand new password");
		page.locator("button[type=submit]").click();
		page.waitForURL(u -> !u.contains("/login"));
	}

	private static List<MimeMessage> resetMails() {
		return SMTP.to(FORGETFUL).stream().filter(m -> {
			try {
				return m.getSubject().equals("Set a new Priora password");
			}
			catch (jakarta.mail.MessagingException e) {
				throw new IllegalStateException(e);
			}
		}).toList();
	}

}
