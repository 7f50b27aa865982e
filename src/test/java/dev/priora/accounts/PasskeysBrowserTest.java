package dev.priora.accounts;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.google.gson.JsonObject;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;

import dev.priora.support.BrowserTestBase;

/**
 * A person registers two passkeys in Chromium's virtual authenticator (CTAP2, internal,
 * resident keys, user verification), renames one, signs out and signs in with a passkey
 * (no password, no code), reloads, removes the other; the admin sees the user's passkeys
 * at Admin → Users and removes the last one. The app is opened on
 * {@code http://localhost:<port>}: a relying party id is a domain, never an IP address.
 */
class PasskeysBrowserTest extends BrowserTestBase {

	@Autowired
	AccountService accounts;

	private final List<String> consoleErrors = new ArrayList<>();

	private final List<BrowserContext> opened = new ArrayList<>();

	/** The machine is shared: a ceremony is several requests and a redirect. */
	@BeforeEach
	void patientAssertions() {
		PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
	}

	@AfterEach
	void noConsoleErrors() {
		PlaywrightAssertions.setDefaultAssertionTimeout(5_000);
		opened.forEach(BrowserContext::close);
		assertThat(consoleErrors).as("console errors").isEmpty();
	}

	/** A page on localhost (the relying party id), watched for console errors. */
	private Page localhostPage() {
		BrowserContext c = newContext("http://localhost:" + port);
		c.setDefaultTimeout(20_000);
		opened.add(c);
		Page p = c.newPage();
		p.setViewportSize(1280, 900);
		p.setDefaultNavigationTimeout(60_000);
		p.onResponse(r -> {
			if (r.status() >= 500) {
				consoleErrors.add(r.status() + " " + r.url());
			}
		});
		p.onConsoleMessage(m -> {
			if ("error".equals(m.type())) {
				consoleErrors.add(m.text());
			}
		});
		return p;
	}

	/** Adds a virtual authenticator to the page's browser; answers its id. */
	private static String addAuthenticator(CDPSession cdp) {
		JsonObject options = new JsonObject();
		options.addProperty("protocol", "ctap2");
		options.addProperty("transport", "internal");
		options.addProperty("hasResidentKey", true);
		options.addProperty("hasUserVerification", true);
		options.addProperty("isUserVerified", true);
		options.addProperty("automaticPresenceSimulation", true);
		JsonObject args = new JsonObject();
		args.add("options", options);
		return cdp.send("WebAuthn.addVirtualAuthenticator", args).get("authenticatorId").getAsString();
	}

	private static void removeAuthenticator(CDPSession cdp, String id) {
		JsonObject args = new JsonObject();
		args.addProperty("authenticatorId", id);
		cdp.send("WebAuthn.removeVirtualAuthenticator", args);
	}

	private static void addPasskey(Page p, String label) {
		p.locator("#field-new-label").fill(label);
		p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a passkey").setExact(true)).click();
		p.locator("#passkeys tr[data-label='" + label + "'], #passkey-error:visible, .error-summary")
			.first()
			.waitFor(new Locator.WaitForOptions().setTimeout(60_000));
		if (p.locator("#passkey-error").isVisible() || p.locator(".error-summary").isVisible()) {
			fail("no passkey added: " + p.locator("#passkey-error, .error-summary").first().textContent());
		}
		assertThat(p.locator("#passkeys tr[data-label='" + label + "']")).isVisible();
	}

	private static Locator row(Page p, String label) {
		return p.locator("#passkeys tr[data-label='" + label + "']");
	}

	private static void shot(Page p, String name) {
		p.screenshot(new Page.ScreenshotOptions().setFullPage(true)
			.setPath(java.nio.file.Path.of("target/screenshots", name + ".png")));
	}

	private static void confirm(Page p) {
		p.locator("#confirm-ok").click();
	}

	@Test
	void registerTwoSignInWithOneRemoveThemAsOwnerAndAdmin() {
		String email = "passkey.person@passkeys-browser.test";
		accounts.createUser(email, "Pia Passkey", "password-" + email, false);
		Page p = localhostPage();
		CDPSession cdp = p.context().newCDPSession(p);
		cdp.send("WebAuthn.enable");
		String laptop = addAuthenticator(cdp);

		p.navigate("/login");
		p.getByLabel("Email").fill(email);
		p.getByLabel("Password").fill("password-" + email);
		p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
		p.waitForURL(u -> !u.contains("/login"));
		p.navigate("/account");
		assertThat(p.locator("#passkeys-card")).containsText("None");
		p.locator("#manage-passkeys").click();
		p.waitForURL("**/account/passkeys");
		assertThat(p.locator(".empty-state")).containsText("No passkeys yet");
		shot(p, "passkeys-empty");

		addPasskey(p, "Laptop");
		p.reload();
		assertThat(row(p, "Laptop")).containsText("never");
		removeAuthenticator(cdp, laptop);
		addAuthenticator(cdp);
		addPasskey(p, "Phone");
		p.reload();
		assertThat(p.locator("#passkeys tbody tr")).hasCount(2);

		rename(p, "Phone", "Work phone");
		assertThat(p.locator("#toasts")).containsText("Work phone");
		p.reload();
		assertThat(row(p, "Work phone")).isVisible();
		shot(p, "passkeys-two");

		p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
		p.waitForURL("**/login?logout");
		shot(p, "passkeys-login");
		p.locator("#passkey-sign-in").click();
		p.locator("#passkey-error:visible, h1:not(:has-text('Sign in to Priora'))")
			.first()
			.waitFor(new Locator.WaitForOptions().setTimeout(60_000));
		if (p.locator("#passkey-error").isVisible()) {
			fail("no passkey sign-in: " + p.locator("#passkey-error").textContent());
		}
		p.waitForURL(u -> !u.contains("/login"));
		p.reload();
		p.navigate("/account/passkeys");
		assertThat(p.locator("h1")).hasText("Passkeys");
		assertThat(row(p, "Work phone")).not().containsText("never");
		assertThat(row(p, "Laptop")).containsText("never");

		row(p, "Laptop").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove")).click();
		confirm(p);
		assertThat(p.locator("#toasts")).containsText("Passkey removed");
		p.reload();
		assertThat(p.locator("#passkeys tbody tr")).hasCount(1);
		assertThat(row(p, "Laptop")).hasCount(0);
		shot(p, "passkeys-one");

		adminRemovesTheLastOne(email);
		p.reload();
		assertThat(p.locator(".empty-state")).containsText("No passkeys yet");
	}

	/**
	 * Renames a passkey in its dialog; a name of only spaces is refused first, in the
	 * dialog, which stays open.
	 */
	private static void rename(Page p, String from, String to) {
		row(p, from).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Rename")).click();
		Locator dialog = p.locator("dialog[open]");
		dialog.getByLabel("Name").fill("   ");
		dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Rename")).click();
		org.assertj.core.api.Assertions
			.assertThat((Boolean) dialog.getByLabel("Name").evaluate("e => e.validity.patternMismatch"))
			.isTrue();
		assertThat(dialog).isVisible();
		dialog.getByLabel("Name").fill(to);
		dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Rename")).click();
	}

	@Test
	void aSecondPasskeyOnTheSameDeviceIsRefusedInPlainWords() {
		String email = "same.device@passkeys-browser.test";
		accounts.createUser(email, "Sam Same", "password-" + email, false);
		Page p = localhostPage();
		CDPSession cdp = p.context().newCDPSession(p);
		cdp.send("WebAuthn.enable");
		addAuthenticator(cdp);
		p.navigate("/login");
		p.getByLabel("Email").fill(email);
		p.getByLabel("Password").fill("password-" + email);
		p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
		p.waitForURL(u -> !u.contains("/login"));
		p.navigate("/account/passkeys");
		addPasskey(p, "Laptop");
		p.locator("#field-new-label").fill("Laptop again");
		p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a passkey").setExact(true)).click();
		Locator error = p.locator("#passkey-error");
		assertThat(error).containsText("already keeps a passkey for your account");
		assertThat(error).not().containsText("relying party");
		shot(p, "passkeys-same-device");
		p.reload();
		assertThat(p.locator("#passkeys tbody tr")).hasCount(1);
	}

	private void adminRemovesTheLastOne(String email) {
		Page admin = localhostPage();
		admin.navigate("/login");
		admin.getByLabel("Email").fill(ADMIN_EMAIL);
		admin.getByLabel("Password").fill(ADMIN_PASSWORD);
		admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
		admin.waitForURL(u -> !u.contains("/login"));
		admin.navigate("/admin/users");
		Locator cell = admin.locator("#users tr[data-email='" + email + "'] td.passkeys a");
		assertThat(cell).hasText("1");
		shot(admin, "passkeys-admin-users");
		cell.click();
		admin.waitForURL("**/passkeys");
		assertThat(admin.locator("h1")).containsText(email);
		shot(admin, "passkeys-admin");
		row(admin, "Work phone").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove")).click();
		confirm(admin);
		assertThat(admin.locator("#toasts")).containsText("Passkey removed");
		admin.reload();
		assertThat(admin.locator(".empty-state")).containsText("No passkeys");
		admin.locator("#back-to-users").click();
		assertThat(admin.locator("#users tr[data-email='" + email + "'] td.passkeys a")).hasText("none");
	}

}
