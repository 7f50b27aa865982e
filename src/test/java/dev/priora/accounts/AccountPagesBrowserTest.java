package dev.priora.accounts;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import dev.priora.support.BrowserTestBase;

/**
 * A new administrator's tour of the account and administration pages on a phone (390 px):
 * a refused form names the field by its label, under the field; tables scroll in their
 * own box instead of the page; resetting someone's password asks first.
 */
class AccountPagesBrowserTest extends BrowserTestBase {

	@org.springframework.beans.factory.annotation.Autowired
	AccountService accounts;

	@BeforeEach
	void phone() {
		page.setDefaultNavigationTimeout(60_000);
		page.setViewportSize(390, 900);
	}

	@Test
	void aWrongCurrentPasswordIsShownUnderItsFieldByItsLabel() {
		signIn();
		page.navigate("/account");
		page.getByLabel("Current password").fill("not my password");
		page.getByLabel("New password (10 characters or more)").fill("a new long password");
		page.locator("#change-password button[type=submit]").click();
		assertThat(page.locator(".error-summary")).containsText("Current password: is wrong");
		assertThat(page.locator("#change-password .field-error")).hasText("is wrong");
		screenshot("account-wrong-password-390");
	}

	@Test
	void tokensAndMembersFitAPhoneAndATokenErrorNamesItsLabel() {
		signIn();
		page.navigate("/account/tokens");
		page.locator("#create-token input[name=name]").fill("CI script for the nightly export");
		page.locator("#token-expires").fill("2020-01-01");
		page.locator("#create-token button[type=submit]").click();
		assertThat(page.locator(".error-summary")).containsText("Expires after: must be today or later");
		page.locator("#token-expires").fill("");
		page.locator("#create-token button[type=submit]").click();
		assertThat(page.locator("#new-token")).isVisible();
		assertThat(page.locator("#tokens tbody tr",
				new Page.LocatorOptions().setHasText("CI script for the nightly export")))
			.hasCount(1);
		assertThat(dev.priora.support.Fits.pastTheRightEdge(page)).as("/account/tokens width at 390 px").isEmpty();
		screenshot("tokens-390");

		page.navigate("/p/SHOP/members");
		assertThat(page.locator("#members")).containsText(ADMIN_EMAIL);
		assertThat(dev.priora.support.Fits.pastTheRightEdge(page)).as("/p/SHOP/members width at 390 px").isEmpty();
		screenshot("members-390");
	}

	@Test
	void aTokenShowsTheDayItWasMadeToExpireAfterNotTheNextOne() {
		java.time.LocalDate day = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(200);
		signIn();
		page.navigate("/account/tokens");
		page.locator("#create-token input[name=name]").fill("Expires on a chosen day");
		page.locator("#token-expires").fill(day.toString());
		page.locator("#create-token button[type=submit]").click();
		assertThat(page.locator("#new-token")).isVisible();
		page.reload();
		String shown = day.format(java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH));
		Locator row = page.locator("#tokens tbody tr", new Page.LocatorOptions().setHasText("Expires on a chosen day"));
		assertThat(row.locator("td.expires")).hasText(shown);
		assertThat(page.locator("#tokens thead")).containsText("Expires after");
		screenshot("tokens-expires-after");
		page.navigate("/admin/tokens");
		assertThat(page.locator("tbody tr", new Page.LocatorOptions().setHasText("Expires on a chosen day"))
			.locator("td.expires")).hasText(shown);
	}

	@Test
	void webhookDeliveriesFitAPhoneAndABadUrlIsShownUnderItsField() {
		signIn();
		page.navigate("/admin/webhooks");
		page.locator("#webhook-settings input[name=allowPrivateTargets]").check();
		page.locator("#webhook-settings button").click();
		assertThat(page.locator(".toast")).containsText("Saved.");
		page.navigate("/p/SHOP/webhooks");
		page.locator("#new-webhook input[name=url]").evaluate("e => e.type = 'text'");
		page.locator("#new-webhook input[name=url]").fill("not a url");
		page.locator("#new-webhook button[type=submit]").click();
		assertThat(page.locator(".error-summary")).containsText("Payload URL: is not a URL");
		assertThat(page.locator("#new-webhook .field-error")).containsText("is not a URL");
		// a path of its own: other tests leave webhooks on the demo product
		page.locator("#new-webhook input[name=url]").fill("http://127.0.0.1:9/phone-hook");
		page.locator("#new-webhook button[type=submit]").click();
		assertThat(page.locator(".webhook:has-text('/phone-hook') .deliveries")).isVisible();
		screenshot("webhooks-390");
		assertThat(dev.priora.support.Fits.pastTheRightEdge(page)).as("/p/SHOP/webhooks width at 390 px").isEmpty();
	}

	@Test
	void resettingSomeonesPasswordAsksFirst() {
		String email = "forgetful@pages.test";
		accounts.createUser(email, "Fred Forgetful", "password-" + email, false);
		signIn();
		page.navigate("/admin/users");
		// scrolled to the actions, as a person on a phone does (the name column stays
		// put)
		page.locator("#users").evaluate("t => t.closest('.table-wrap').scrollLeft = t.scrollWidth");
		var reset = page.locator("#users tr[data-email='" + email + "'] .reset-password button");
		reset.click();
		assertThat(page.locator("#confirm-ok")).isVisible();
		screenshot("users-reset-confirm-390");
		page.locator("#confirm-ok").click();
		assertThat(page.locator("#one-time-link")).containsText("Password reset for " + email);
	}

}
