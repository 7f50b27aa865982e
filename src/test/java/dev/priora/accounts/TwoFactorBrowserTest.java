package dev.priora.accounts;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.priora.support.BrowserTestBase;
import dev.priora.support.TotpCodes;

/**
 * A person sets up two-factor sign-in with the QR page, signs out and in with a code and
 * with a recovery code (once only), renews the codes and turns it off; the admin requires
 * it of a user, who is sent to enrol at sign-in, resets it, and requires it of everyone.
 */
class TwoFactorBrowserTest extends BrowserTestBase {

	@Autowired
	AccountService accounts;

	@Autowired
	TwoFactorPolicy policy;

	@Autowired
	TwoFactor twoFactor;

	private final List<String> consoleErrors = new ArrayList<>();

	/** The machine is shared: the first page of a fresh server may take longer. */
	@BeforeEach
	void patientNavigation() {
		page.setDefaultNavigationTimeout(60_000);
	}

	@AfterEach
	void noConsoleErrors() {
		policy.requireForEveryone(false, accounts.findByEmail(ADMIN_EMAIL).orElseThrow().id());
		assertThat(consoleErrors).as("console errors").isEmpty();
	}

	private void watchConsole(Page p) {
		p.onConsoleMessage(m -> {
			if ("error".equals(m.type())) {
				consoleErrors.add(m.text());
			}
		});
	}

	private static void signInAs(Page p, String email) {
		p.navigate("/login");
		p.getByLabel("Email").fill(email);
		p.getByLabel("Password").fill("password-" + email);
		p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
	}

	private static void signOut(Page p) {
		p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
		p.waitForURL("**/login?logout");
	}

	private static void typeCode(Page p, String code) {
		p.waitForURL("**/login/two-factor");
		p.locator("#code").fill(code);
		p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify")).click();
	}

	/** Reads the secret from the setup, confirms it with the current code, answers it. */
	private static String confirmSetup(Page p) {
		assertThat(p.locator("#qr-code")).isVisible();
		String secret = p.locator("#two-factor-secret").textContent().replace(" ", "").strip();
		p.locator("#field-code").fill(TotpCodes.code(secret, 0));
		p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm and turn on")).click();
		assertThat(p.locator("#recovery-codes li")).hasCount(10);
		return secret;
	}

	@Test
	void setsUpSignsInWithACodeAndARecoveryCodeOnceAndTurnsItOff() {
		watchConsole(page);
		String email = "browser@twofactor.test";
		accounts.createUser(email, "Bea Browser", "password-" + email, false);
		signInAs(page, email);
		page.waitForURL("**/products");
		page.navigate("/account");
		assertThat(page.locator("#two-factor")).containsText("Off");
		page.locator("#manage-two-factor").click();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set up two-factor sign-in")).click();
		screenshot("two-factor-setup");
		page.locator("#field-code").fill(TotpCodes.wrongCode(page.locator("#two-factor-secret").textContent().strip()));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm and turn on")).click();
		assertThat(page.locator(".error-summary")).containsText("Code from the app: is wrong");
		String secret = confirmSetup(page);
		screenshot("two-factor-recovery-codes");
		List<String> codes = page.locator("#recovery-codes li").allTextContents().stream().map(String::strip).toList();
		page.reload();
		assertThat(page.locator("#recovery-codes")).hasCount(0);
		assertThat(page.locator("#two-factor-state")).containsText("10 recovery codes left");

		signOut(page);
		signInAs(page, email);
		page.waitForURL("**/login/two-factor");
		screenshot("two-factor-sign-in");
		typeCode(page, TotpCodes.code(secret, 1));
		page.waitForURL("**/products");
		signOut(page);
		signInAs(page, email);
		typeCode(page, codes.get(0));
		page.waitForURL("**/products");
		signOut(page);
		signInAs(page, email);
		typeCode(page, codes.get(0));
		assertThat(page.locator("#code-error")).isVisible();
		screenshot("two-factor-sign-in-refused");
		page.locator("#code").fill(codes.get(1));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify")).click();
		page.waitForURL("**/products");
		renewAndTurnOff(email, codes.get(2));
	}

	private void renewAndTurnOff(String email, String recoveryCode) {
		page.navigate("/account/two-factor");
		assertThat(page.locator("#two-factor-state")).containsText("8 recovery codes left");
		page.locator("#renew-codes input[name=code]").fill(recoveryCode);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make new recovery codes")).click();
		assertThat(page.locator("#recovery-codes li")).hasCount(10);
		page.reload();
		assertThat(page.locator("#two-factor-state")).containsText("10 recovery codes left");
		page.locator("#disable-two-factor input[name=password]").fill("password-" + email);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn off two-factor")).click();
		page.locator("#confirm-ok").click();
		assertThat(page.locator(".toast")).containsText("Two-factor sign-in is off");
		page.reload();
		assertThat(page.locator("#two-factor-state")).containsText("Off");
		signOut(page);
		signInAs(page, email);
		page.waitForURL("**/products");
	}

	@Test
	void turningOffWithAWrongPasswordNamesThePasswordFieldAndKeepsItOn() {
		watchConsole(page);
		String email = "wrong-password@twofactor.test";
		UserId user = accounts.createUser(email, "Wes Wrong", "password-" + email, false);
		String secret = twoFactor.begin(user).secret();
		twoFactor.confirm(user, TotpCodes.code(secret, 0));
		signInAs(page, email);
		typeCode(page, TotpCodes.code(secret, 1));
		page.waitForURL("**/products");
		page.navigate("/account/two-factor");
		Locator turnOff = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn off two-factor"));
		turnOff.click();
		page.locator("#confirm-ok").click();
		assertThat(page.locator(".error-summary")).containsText("a recovery code or your password");
		page.locator("#disable-two-factor input[name=password]").fill("not my password");
		turnOff.click();
		page.locator("#confirm-ok").click();
		assertThat(page.locator(".error-summary")).containsText("…or your password: is wrong");
		assertThat(page.locator("#disable-two-factor input[name=password]")).hasAttribute("aria-invalid", "true");
		screenshot("two-factor-turn-off-wrong-password");
		page.reload();
		assertThat(page.locator("#two-factor-state")).containsText("On");
	}

	@Test
	void adminRequiresTwoFactorOfAUserWhoEnrolsAtSignInThenResetsIt() {
		String email = "required-browser@twofactor.test";
		accounts.createUser(email, "Rita Required", "password-" + email, false);
		watchConsole(page);
		signIn();
		page.navigate("/admin/users");
		page.locator("#users tr[data-email='" + email + "'] .require-two-factor button").click();
		assertThat(page.locator(".toast")).containsText("Two-factor required");
		page.reload();
		assertThat(page.locator("#users tr[data-email='" + email + "'] td.two-factor")).containsText("required");

		BrowserContext other = newContext();
		Page rita = other.newPage();
		watchConsole(rita);
		signInAs(rita, email);
		rita.waitForURL("**/login/two-factor/enrol");
		rita.screenshot(new Page.ScreenshotOptions().setFullPage(true)
			.setPath(java.nio.file.Path.of("target/screenshots", "two-factor-enrol-at-sign-in.png")));
		confirmSetup(rita);
		assertThat(rita.locator("#two-factor-required")).isVisible();
		other.close();

		page.reload();
		assertThat(page.locator("#users tr[data-email='" + email + "'] td.two-factor")).containsText("on");
		screenshot("two-factor-admin-users");
		page.locator("#users tr[data-email='" + email + "'] .reset-two-factor button").click();
		page.locator("#confirm-ok").click();
		assertThat(page.locator(".toast")).containsText("Two-factor reset");
		page.locator("#users tr[data-email='" + email + "'] .require-two-factor button").click();
		assertThat(page.locator(".toast")).containsText("no longer required");
		requireOfEveryoneAndStop();
		page.navigate("/admin/audit");
		assertThat(page.locator("#audit")).containsText("TWO_FACTOR_RESET");
		assertThat(page.locator("#audit")).containsText("TWO_FACTOR_REQUIRED");
	}

	private void requireOfEveryoneAndStop() {
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Require two-factor of everyone")).click();
		page.locator("#confirm-ok").click();
		assertThat(page.locator("#two-factor-policy")).containsText("Required of everyone");
		page.reload();
		assertThat(page.locator("#users tr[data-email='" + ADMIN_EMAIL + "'] td.two-factor")).containsText("off");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stop requiring it of everyone")).click();
		assertThat(page.locator("#two-factor-policy")).containsText("each user's choice");
	}

}
