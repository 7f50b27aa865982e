package dev.priora.notifications;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Response;

import dev.priora.accounts.AccountService;
import dev.priora.support.BrowserTestBase;

/**
 * In Chromium, with nobody signed in: the one-click unsubscribe page of a mail's link
 * changes nothing when opened, stops the kind's e-mails when its button is clicked, and
 * says so again on reload; a tampered link gets the 404 page. The Account page says when
 * e-mail is not set up.
 */
class UnsubscribeBrowserTest extends BrowserTestBase {

	@Autowired
	UnsubscribeLinks links;

	@Autowired
	AccountService accounts;

	@Autowired
	Notifications notifications;

	@Test
	void theUnsubscribePageAsksThenStopsTheKindAndSurvivesAReload() {
		var user = accounts.createUser("una@browser.test", "Una Unsub", "password-una", false);
		notifications.setPreferences(user, java.util.Map.of("COMMENTED", "EMAIL_NOW", "MENTIONED", "EMAIL_DIGEST"));
		List<String> console = new ArrayList<>();
		page.onConsoleMessage(m -> {
			if ("error".equals(m.type())) {
				console.add(m.text());
			}
		});
		page.setViewportSize(1280, 800);
		String path = "/unsubscribe/" + links.token(user.value(), "commented");

		Response opened = page.navigate(path);
		assertThat(opened.status()).isEqualTo(200);
		assertThat(page.locator("h1")).hasText("Stop e-mails about “Comments”?");
		assertThat(page.locator("main")).containsText("someone comments on an item you watch");
		assertThat(delivery(user.value())).as("opening the page changes nothing").isEqualTo(Delivery.EMAIL_NOW);
		assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
		assertThat((Boolean) page.evaluate("""
				[...document.querySelectorAll('*')].some(e => [...e.attributes].some(a => a.name.startsWith('on')))"""))
			.isFalse();
		screenshot("unsubscribe-1280");

		page.locator("#unsubscribe-button").click();
		page.waitForURL("**" + path);
		assertThat(page.locator("#unsubscribed")).containsText("You no longer get e-mails about “Comments”");
		assertThat(delivery(user.value())).isEqualTo(Delivery.IN_APP);
		assertThat(notifications.preferences(user))
			.contains(new Notifications.Preference(NotificationKind.MENTIONED, Delivery.EMAIL_DIGEST));
		screenshot("unsubscribe-done-1280");

		Response reloaded = page.reload();
		assertThat(reloaded.status()).isEqualTo(200);
		assertThat(page.locator("#unsubscribed")).isVisible();

		assertThat(console).as("no console errors on the page and after the click").isEmpty();

		Response tampered = page.navigate(path.replace(".commented.", ".mentioned."));
		assertThat(tampered.status()).isEqualTo(404);
		assertThat(page.locator("#unsubscribe-invalid")).isVisible();
		screenshot("unsubscribe-invalid-1280");
		assertThat(console).as("only the 404 of the page itself")
			.containsExactly("Failed to load resource: the server responded with a status of 404 ()");
	}

	@Test
	void theAccountPageSaysWhenEMailIsNotSetUp() {
		signIn();
		page.setViewportSize(1280, 900);
		page.navigate("/account");
		assertThat(page.locator("#mail-not-set-up"))
			.containsText("E-mail is not set up on this server; the admin can set SPRING_MAIL_HOST");
		page.locator("#notification-preferences").scrollIntoViewIfNeeded();
		screenshot("account-notifications-no-mail-1280");
	}

	private Delivery delivery(long user) {
		return notifications.preferences(new dev.priora.accounts.UserId(user))
			.stream()
			.filter(p -> p.kind() == NotificationKind.COMMENTED)
			.findFirst()
			.orElseThrow()
			.delivery();
	}

}
