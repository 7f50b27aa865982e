package dev.priora.accounts;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.priora.support.BrowserTestBase;

/**
 * Every refused form on the account, administration and product settings pages comes back
 * with what was typed and the reason under its field; a member's role changes in its row;
 * nothing is wider than a phone (390 px).
 */
class RefusedFormsBrowserTest extends BrowserTestBase {

	@Autowired
	AccountService accounts;

	@Autowired
	ProductRoles roles;

	@BeforeEach
	void phone() {
		page.setDefaultNavigationTimeout(60_000);
		page.setViewportSize(390, 900);
	}

	private void fitsAPhone(String what) {
		assertThat(dev.priora.support.Fits.pastTheRightEdge(page)).as(what + ": past the right edge at 390 px")
			.isEmpty();
	}

	@Test
	void aRefusedTokenKeepsItsNameAndChoices() {
		signIn();
		page.navigate("/account/tokens");
		page.locator("#create-token input[name=name]").fill("Nightly export");
		page.locator("#create-token select[name=access]").selectOption("read");
		page.locator("#create-token select[name=products]").selectOption("SHOP");
		page.locator("#token-expires").fill("2020-01-01");
		page.locator("#create-token button[type=submit]").click();
		assertThat(page.locator(".error-summary")).containsText("Expires after: must be today or later");
		assertThat(page.locator("#create-token input[name=name]")).hasValue("Nightly export");
		assertThat(page.locator("#create-token select[name=access]")).hasValue("read");
		assertThat(page.locator("#create-token select[name=products]")).hasValue("SHOP");
		assertThat(page.locator("#token-expires")).hasValue("2020-01-01");
		page.locator("#token-expires").fill("");
		page.locator("#create-token button[type=submit]").click();
		assertThat(page.locator(".notice")).containsText("Token Nightly export created");
		assertThat(page.locator("#tokens tbody tr").first()).containsText("read, SHOP");
	}

	@Test
	void refusedAccountAndInviteFormsKeepWhatWasTyped() {
		signIn();
		page.navigate("/account");
		page.getByLabel("Also revoke all my API tokens").check();
		page.getByLabel("Current password").fill("not my password");
		page.getByLabel("New password (10 characters or more)").fill("a new long password");
		page.locator("#change-password button[type=submit]").click();
		assertThat(page.locator("#change-password .field-error")).hasText("is wrong");
		assertThat(page.getByLabel("Also revoke all my API tokens")).isChecked();
		assertThat(page.getByLabel("Current password")).hasValue("");

		page.navigate("/admin/users");
		page.locator("#invite-email").fill(ADMIN_EMAIL);
		page.locator("#invite button[type=submit]").click();
		assertThat(page.locator("#invite .field-error")).hasText("a user with this email exists already");
		assertThat(page.locator("#invite-email")).hasValue(ADMIN_EMAIL);
	}

	@Test
	void aRefusedNewProductKeepsWhatWasTypedAndFitsAPhone() {
		signIn();
		page.navigate("/products");
		page.locator("#new-key").evaluate("e => e.removeAttribute('pattern')");
		page.locator("#new-key").fill("1BAD");
		page.locator("#create-product input[name=name]").fill("Payments");
		page.locator("#create-product textarea[name=vision]").fill("Paying is easy");
		page.locator("#create-product button[type=submit]").click();
		assertThat(page.locator("#create-product .field-error")).isVisible();
		assertThat(page.locator("#new-key")).hasValue("1BAD");
		assertThat(page.locator("#create-product input[name=name]")).hasValue("Payments");
		assertThat(page.locator("#create-product textarea[name=vision]")).hasValue("Paying is easy");
		screenshot("products-bad-key-390");
		fitsAPhone("/products after a bad key");
	}

	@Test
	void aRefusedGrantAndSettingsKeepWhatWasTyped() {
		signIn();
		page.navigate("/p/SHOP/members");
		page.locator("#grant-email").fill("nobody@nowhere.test");
		page.locator("#grant select[name=role]").selectOption("MANAGER");
		page.locator("#grant button[type=submit]").click();
		assertThat(page.locator("#grant .field-error")).containsText("no user has the email");
		assertThat(page.locator("#grant-email")).hasValue("nobody@nowhere.test");
		assertThat(page.locator("#grant select[name=role]")).hasValue("MANAGER");

		page.navigate("/p/SHOP/settings");
		page.locator("#product-settings input[name=name]").fill("Shop renamed");
		page.locator("#product-settings input[name=estimateScale]").fill("1, 2, three");
		page.locator("#product-settings button[type=submit]").click();
		assertThat(page.locator("#product-settings .field-error")).containsText("must be numbers");
		assertThat(page.locator(".error-summary")).containsText("Estimate scale:");
		assertThat(page.locator("#product-settings input[name=name]")).hasValue("Shop renamed");
		assertThat(page.locator("#product-settings input[name=estimateScale]")).hasValue("1, 2, three");
		screenshot("settings-bad-scale-390");
		fitsAPhone("/p/SHOP/settings");
	}

	/**
	 * The Definition of Ready refused (the size rule without a limit) comes back with the
	 * boxes as they were ticked and the reason in its own card, not in the General one;
	 * corrected, it is saved and stays after a reload.
	 */
	@Test
	void aRefusedDefinitionOfReadyKeepsItsTicksAndSaysSoInItsCard() {
		dev.priora.support.Fixtures.aProduct("DOR").named("Ready rules").createdBy(api());
		signIn();
		page.navigate("/p/DOR/settings");
		var size = page.locator("#ready-rules input[value=SMALL_ENOUGH]");
		var epic = page.locator("#ready-rules input[value=HAS_EPIC]");
		var description = page.locator("#ready-rules input[value=HAS_DESCRIPTION]");
		size.check();
		epic.check();
		description.uncheck();
		page.locator("#field-sizeLimit").fill("");
		page.evaluate("document.getElementById('ready-rules').noValidate = true");
		page.locator("#ready-rules button[type=submit]").click();
		var summary = page.locator("section:has(#ready-rules) .error-summary");
		assertThat(summary).containsText("needs a positive limit");
		assertThat(page.locator("section:has(#product-settings) .error-summary")).hasCount(0);
		assertThat(size).isChecked();
		assertThat(epic).isChecked();
		assertThat(description).not().isChecked();
		assertThat(page.locator("#field-sizeLimit")).hasAttribute("aria-invalid", "true");
		screenshot("settings-ready-refused-390");

		page.locator("#field-sizeLimit").fill("8");
		page.locator("#ready-rules button[type=submit]").click();
		assertThat(page.locator(".toast")).containsText("Definition of Ready saved.");
		page.reload();
		assertThat(size).isChecked();
		assertThat(epic).isChecked();
		assertThat(description).not().isChecked();
		assertThat(page.locator("#field-sizeLimit")).hasValue("8");
		assertThat(page.locator(".error-summary")).hasCount(0);
	}

	@Test
	void aMembersRoleChangesInItsRowAndTheLastOwnerStays() {
		String email = "mia@members.test";
		accounts.createUser(email, "Mia Member", "password-" + email, false);
		signIn();
		page.navigate("/products");
		page.locator("#new-key").fill("ROLES");
		page.locator("#create-product input[name=name]").fill("Roles");
		page.locator("#create-product button[type=submit]").click();
		page.waitForURL("**/p/ROLES/backlog");
		page.navigate("/p/ROLES/members");
		page.locator("#grant-email").fill(email);
		page.locator("#grant select[name=role]").selectOption("VIEWER");
		page.locator("#grant button[type=submit]").click();
		assertThat(page.locator(".toast")).containsText(email + " is now viewer");

		var mia = page.locator("#members tr[data-email='" + email + "']");
		mia.locator("select[name=role]").selectOption("MANAGER");
		mia.locator(".change-role button").click();
		assertThat(page.locator(".toast")).containsText("Mia Member is now manager (was viewer)");
		page.reload();
		assertThat(mia.locator("select[name=role]")).hasValue("MANAGER");

		var me = page.locator("#members tr[data-email='" + ADMIN_EMAIL + "']");
		me.locator("select[name=role]").selectOption("VIEWER");
		me.locator(".change-role button").click();
		assertThat(page.locator(".error-summary")).containsText("a product keeps at least one owner");
		assertThat(me.locator(".field-error")).hasText("a product keeps at least one owner");
		assertThat(me.locator("select[name=role]")).hasValue("VIEWER");
		screenshot("members-last-owner-390");
		fitsAPhone("/p/ROLES/members");
		page.reload();
		assertThat(me.locator("select[name=role]")).hasValue("OWNER");

		// at 1280 px each row's role select and its button share a line, the e-mail under
		// the name
		page.setViewportSize(1280, 800);
		page.reload();
		var select = mia.locator("select[name=role]").boundingBox();
		var button = mia.locator(".change-role button").boundingBox();
		org.assertj.core.api.Assertions
			.assertThat(Math.abs(select.y + select.height / 2 - button.y - button.height / 2))
			.as("the Change button beside its select")
			.isLessThan(4.0);
		assertThat(mia.locator(".member-email")).isVisible();
		screenshot("members-1280");
	}

	@Test
	void accountUsersAndWebhooksFitAPhone() {
		String email = "wide@pages.test";
		accounts.createUser(email, "Wide Reset", "password-" + email, false);
		signIn();
		page.navigate("/account");
		assertThat(page.locator("#notification-preferences")).isVisible();
		screenshot("account-390");
		fitsAPhone("/account");

		page.navigate("/admin/users");
		// as a person on a phone does: the table scrolled to its actions (with other
		// tests' users its
		// columns may be wide enough that the sticky name column covers the button
		// otherwise)
		page.locator("#users").evaluate("t => t.closest('.table-wrap').scrollLeft = t.scrollWidth");
		page.locator("#users tr[data-email='" + email + "'] .reset-password button").click();
		page.locator("#confirm-ok").click();
		assertThat(page.locator("#one-time-link")).isVisible();
		screenshot("users-after-reset-390");
		fitsAPhone("/admin/users after a reset");

		page.navigate("/admin/webhooks");
		page.locator("#webhook-settings input[name=allowPrivateTargets]").check();
		page.locator("#webhook-settings button").click();
		page.navigate("/p/SHOP/webhooks");
		page.locator("#new-webhook input[name=url]").evaluate("e => e.type = 'text'");
		page.locator("#new-webhook input[name=url]").fill("not a url");
		page.locator("#new-webhook input[name=events]").first().check();
		page.locator("#new-webhook button[type=submit]").click();
		assertThat(page.locator("#new-webhook .field-error")).containsText("is not a URL");
		assertThat(page.locator("#new-webhook input[name=url]")).hasValue("not a url");
		assertThat(page.locator("#new-webhook input[name=events]").first()).isChecked();
		page.locator("#new-webhook input[name=url]").fill("http://127.0.0.1:9/hook");
		page.locator("#new-webhook button[type=submit]").click();
		assertThat(page.locator("#webhook-secret")).isVisible();
		double gap = ((Number) page.evaluate("""
				() => document.querySelector('#new-webhook').getBoundingClientRect().top
				  - document.querySelector('#webhook-secret').getBoundingClientRect().bottom""")).doubleValue();
		assertThat(gap).as("space between the 'Webhook added' notice and the form below").isGreaterThanOrEqualTo(8);
		screenshot("webhook-added-390");
		fitsAPhone("/p/SHOP/webhooks");
	}

	@Test
	void theRestOfTheTourFitsAPhone() {
		signIn();
		for (String path : List.of("/account/two-factor", "/account/passkeys", "/admin/sso", "/admin/mail",
				"/admin/operations", "/products/import", "/p/SHOP/settings", "/p/SHOP/webhooks")) {
			page.setViewportSize(1280, 900);
			page.navigate(path);
			page.waitForTimeout(800);
			String name = "tour" + path.replace('/', '-');
			screenshot(name + "-1280");
			page.setViewportSize(390, 900);
			page.reload();
			page.waitForTimeout(800);
			screenshot(name + "-390");
			fitsAPhone(path);
		}
	}

}
