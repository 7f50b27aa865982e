package dev.priora.accounts;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import tools.jackson.databind.JsonNode;

import dev.priora.support.ApiClient;
import dev.priora.support.BrowserTestBase;

/**
 * Where you are signed in: a user signed in in several browsers sees each (browser and
 * system, address, when), signs one out after being asked, or all the others; the browser
 * signed out has to sign in again; the API lists and ends sessions too.
 */
class SessionsBrowserTest extends BrowserTestBase {

	private static final String FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

	private static final String PASSWORD = "password-ses-1";

	@Autowired
	AccountService accounts;

	private static Page signInAs(BrowserContext c, String email) {
		Page p = c.newPage();
		p.navigate("/login");
		p.getByLabel("Email").fill(email);
		p.getByLabel("Password").fill(PASSWORD);
		p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
		p.waitForURL(url -> !url.contains("/login"));
		return p;
	}

	private BrowserContext firefox() {
		return newContext(new Browser.NewContextOptions().setUserAgent(FIREFOX));
	}

	@Test
	void signsOutAnotherBrowserAfterAskingAndThatBrowserHasToSignInAgain() {
		accounts.createUser("sam@ses.test", "Sam Sessions", PASSWORD, false);
		try (BrowserContext other = firefox()) {
			Page firefox = signInAs(other, "sam@ses.test");
			page = signInAs(context, "sam@ses.test");
			page.navigate("/account");
			assertThat(page.locator("#sessions-card")).containsText("You are signed in here and in 1 other browser.");
			screenshot("account-1280");
			page.locator("#manage-sessions").click();
			assertThat(page.locator("#sessions tbody tr")).hasCount(2);
			screenshot("sessions-1280");
			page.setViewportSize(390, 844);
			page.reload();
			org.assertj.core.api.Assertions.assertThat((Number) page.evaluate("document.documentElement.scrollWidth"))
				.as("the page fits a phone; the table scrolls in its own box")
				.satisfies(w -> org.assertj.core.api.Assertions.assertThat(w.intValue()).isLessThanOrEqualTo(390));
			screenshot("sessions-390");
			page.setViewportSize(1280, 720);
			assertThat(page.locator("#sessions tr.current")).containsText("This browser");
			assertThat(page.locator("#sessions tr.current .session-device")).containsText("HeadlessChrome");
			assertThat(page.locator("#sessions tr.current .session-address")).hasText("127.0.0.1");
			assertThat(page.locator("#sessions tr:not(.current) .session-device")).hasText("Firefox 133 on Windows 10");
			page.locator("#sessions tr:not(.current) button").click();
			assertThat(page.locator("#confirm-message"))
				.hasText("Sign out of Firefox 133 on Windows 10 at 127.0.0.1? It has to sign in again.");
			page.locator("#confirm-ok").click();
			assertThat(page.locator(".toast")).containsText("Signed out of Firefox 133 on Windows 10");
			page.reload();
			assertThat(page.locator("#sessions tbody tr")).hasCount(1);
			assertThat(page.locator("#only-here")).isVisible();
			assertThat(page.locator("#end-others")).hasCount(0);
			firefox.navigate("/account");
			assertThat(firefox).hasURL(Pattern.compile(".*/login$"));
		}
		org.assertj.core.api.Assertions.assertThat(api().get("/api/v1/audit?limit=20").text())
			.contains("signed out of Firefox 133 on Windows 10 at 127.0.0.1");
	}

	@Test
	void signsOutEverywhereElseWhileTheApiListsTheSessionsAndRefusesAnUnknownOne() {
		accounts.createUser("ria@ses.test", "Ria Sessions", PASSWORD, false);
		try (BrowserContext second = firefox(); BrowserContext third = newContext()) {
			Page firefox = signInAs(second, "ria@ses.test");
			Page chrome = signInAs(third, "ria@ses.test");
			page = signInAs(context, "ria@ses.test");
			JsonNode listed = ApiClient.signIn(port, "ria@ses.test", PASSWORD).get("/api/v1/account/sessions").json();
			org.assertj.core.api.Assertions.assertThat(listed).hasSize(3);
			org.assertj.core.api.Assertions.assertThat(listed.toString())
				.contains("\"device\":\"Firefox 133 on Windows 10\"");
			JsonNode mine = new tools.jackson.databind.ObjectMapper()
				.readTree(page.request().get("/api/v1/account/sessions").text());
			org.assertj.core.api.Assertions.assertThat(mine.get(0).get("current").asBoolean()).isTrue();
			page.navigate("/account/sessions");
			page.locator("#end-others button").click();
			assertThat(page.locator("#confirm-message"))
				.hasText("Sign out of 2 other sessions? You stay signed in here.");
			page.locator("#confirm-ok").click();
			assertThat(page.locator(".toast")).containsText("Signed out everywhere else: 2 sessions ended.");
			assertThat(page.locator("#sessions tbody tr")).hasCount(1);
			firefox.navigate("/account");
			assertThat(firefox).hasURL(Pattern.compile(".*/login$"));
			chrome.navigate("/account");
			assertThat(chrome).hasURL(Pattern.compile(".*/login$"));
		}
		ApiClient.Response unknown = api().delete("/api/v1/account/sessions/0123456789abcdef", null);
		org.assertj.core.api.Assertions.assertThat(unknown.status()).isEqualTo(404);
		org.assertj.core.api.Assertions.assertThat(unknown.isProblem()).isTrue();
		org.assertj.core.api.Assertions.assertThat(unknown.text()).contains("session");
	}

}
