package dev.priora.accounts;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import dev.priora.support.BrowserTestBase;
import dev.priora.support.Fixtures;
import dev.priora.support.TestOpenIdProvider;

/**
 * Single sign-on in Chromium against a real OpenID provider on a loopback port: the admin
 * sets it up on Admin → Single sign-on (every control, the page reloaded after each
 * form), a team member goes Priora's sign-in page → provider login → consent → callback
 * and is signed in with the role their group gives; someone of a refused domain sees why;
 * with password sign-in off the form is gone and the break-glass admin still signs in.
 */
class SsoBrowserTest extends BrowserTestBase {

	private static final String PRODUCT = "SSOC";

	@Autowired
	JdbcClient jdbc;

	private final List<String> consoleErrors = new CopyOnWriteArrayList<>();

	/** The provider's answers (callback addresses) the browsers were sent to. */
	private final List<String> callbacks = new CopyOnWriteArrayList<>();

	@AfterEach
	void resetSso() {
		jdbc.sql("""
				update sso_settings set allow_sign_up = false, allowed_domains = '', groups_claim = 'groups',
				password_sign_in = true, break_glass_email = null where id = 1""").update();
		jdbc.sql("delete from sso_group_roles").update();
		jdbc.sql("delete from sso_providers").update();
	}

	private Page watched(Page p) {
		p.onConsoleMessage(m -> {
			if ("error".equals(m.type()) && m.location() != null && m.location().contains("127.0.0.1")) {
				consoleErrors.add(m.text());
			}
		});
		return p;
	}

	/** The admin adds the provider, a group role and the policy on the admin page. */
	private String setUp(TestOpenIdProvider idp) {
		if (jdbc.sql("select count(*) from products where product_key = ?")
			.param(PRODUCT)
			.query(Long.class)
			.single() == 0) {
			Fixtures.aProduct(PRODUCT).named("Single sign-on product").createdBy(api());
		}
		watched(page);
		signIn();
		page.navigate("/admin/sso");
		assertThat(page.locator("#providers .empty-state")).isVisible();
		screenshot("sso-admin-empty");
		page.locator("#page-action").click();
		page.locator("#add-provider input[name=name]").fill("Test login");
		page.locator("#add-provider input[name=issuerUri]").fill(idp.issuer());
		page.locator("#add-provider input[name=clientId]").fill(TestOpenIdProvider.CLIENT_ID);
		page.locator("#add-provider input[name=clientSecret]").fill(TestOpenIdProvider.CLIENT_SECRET);
		page.locator("#add-provider button").click();
		assertThat(page.locator(".toast")).containsText("Provider Test login added");
		page.reload();
		Locator row = page.locator("#sso-providers tbody tr");
		assertThat(row).hasCount(1);
		String registration = row.getAttribute("data-provider");
		idp.allowRedirect("http://127.0.0.1:" + port + "/login/oauth2/code/" + registration);
		assertThat(row).containsText("/login/oauth2/code/" + registration);
		assertThat(page.content()).doesNotContain(TestOpenIdProvider.CLIENT_SECRET);

		row.locator("form.test-discovery button").click();
		assertThat(page.locator(".toast")).containsText("Discovery works");

		page.locator("details.sso-edit summary").click();
		page.locator("details.sso-edit input[name=name]").fill("Company login");
		page.locator("details.sso-edit button").click();
		assertThat(page.locator(".toast")).containsText("Company login saved");
		page.reload();
		assertThat(page.locator("#sso-providers")).containsText("Company login");

		page.locator("#add-group-role input[name=group]").fill("pm-team");
		page.locator("#add-group-role input[name=productKey]").fill(PRODUCT);
		page.locator("#add-group-role select[name=role]").selectOption("MANAGER");
		page.locator("#add-group-role button").click();
		assertThat(page.locator(".toast")).containsText("Group role added");
		page.reload();
		assertThat(page.locator("#sso-group-roles")).containsText("Manager of " + PRODUCT);

		page.locator("#sso-policy input[name=allowSignUp]").check();
		page.locator("#sso-policy input[name=allowedDomains]").fill("sso-browser.example");
		page.locator("#sso-policy button[type=submit]").click();
		assertThat(page.locator(".toast")).containsText("Sign-in policy saved");
		page.reload();
		assertThat(page.locator("#sso-policy input[name=allowSignUp]")).isChecked();
		assertThat(page.locator("#sso-policy input[name=allowedDomains]")).hasValue("sso-browser.example");
		screenshot("sso-admin");
		return registration;
	}

	@Test
	void anUnreachableIssuerKeepsWhatWasTypedAndAStaleReturnSaysWhatHappened() {
		signIn();
		page.navigate("/admin/sso");
		page.locator("#add-provider input[name=name]").fill("Gone login");
		page.locator("#add-provider input[name=issuerUri]").fill("http://127.0.0.1:9/realms/team");
		page.locator("#add-provider input[name=clientId]").fill("priora-client");
		page.locator("#add-provider input[name=clientSecret]").fill("typed-secret-1");
		page.locator("#add-provider button").click();
		assertThat(page.locator("#provider-issuerUri-error")).containsText("cannot be used");
		assertThat(page.locator("#add-provider-errors")).containsText("Issuer address: cannot be used");
		assertThat(page.locator("#add-provider input[name=name]")).hasValue("Gone login");
		assertThat(page.locator("#add-provider input[name=issuerUri]")).hasValue("http://127.0.0.1:9/realms/team");
		assertThat(page.locator("#add-provider input[name=clientId]")).hasValue("priora-client");
		assertThat(page.locator("#add-provider input[name=clientSecret]")).hasValue("");
		assertThat(page.content()).doesNotContain("typed-secret-1");
		assertThat(page.locator("#providers .empty-state")).isVisible();
		screenshot("sso-admin-unreachable");

		// the provider's answer comes back to a sign-in Priora no longer holds (reloaded,
		// or expired)
		Page stale = newContext().newPage();
		stale.navigate("/login/oauth2/code/p1?code=abc&state=old-state");
		assertThat(stale.locator("#sso-refusal")).containsText("already used or has expired");
		assertThat(stale.locator("#sso-refusal")).containsText("sign in again");
		assertThat(stale.locator("#sso-refusal-note")).hasCount(0);
		assertThat(stale.locator("main")).not().containsText("worked");
		stale.screenshot(new Page.ScreenshotOptions().setFullPage(true)
			.setPath(java.nio.file.Path.of("target/screenshots", "sso-stale-return.png")));
		stale.navigate("/login/sso/refused");
		assertThat(stale.locator("main")).not().containsText("worked");
	}

	@Test
	void refusedFormsOnTheSingleSignOnPageComeBackWithWhatWasTypedAndAReloadPostsNothing() {
		signIn();
		page.navigate("/admin/sso");
		page.locator("#add-provider input[name=name]").fill("Gone login");
		page.locator("#add-provider input[name=issuerUri]").fill("http://127.0.0.1:9/realms/team");
		page.locator("#add-provider input[name=clientId]").fill("priora-client");
		page.locator("#add-provider input[name=clientSecret]").fill("typed-secret-2");
		page.locator("#add-provider button").click();
		assertThat(page.locator("#add-provider-errors")).containsText("Issuer address: cannot be used");
		assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/admin/sso(#add-provider)?$"));
		assertThat(page.locator("#add-provider input[name=name]")).hasValue("Gone login");

		Locator policy = page.locator("#sso-policy");
		policy.locator("input[name=allowedDomains]").fill("sso-refused.example");
		policy.locator("#password-off").check();
		policy.locator("input[name=breakGlassEmail]").fill("nobody@sso-refused.example");
		policy.locator("button[type=submit]").click();
		assertThat(page.locator(".error-summary").first()).containsText("no user has this e-mail");
		assertThat(policy.locator("input[name=allowedDomains]")).hasValue("sso-refused.example");
		assertThat(policy.locator("#password-off")).isChecked();
		assertThat(policy.locator("input[name=breakGlassEmail]")).hasValue("nobody@sso-refused.example");
		screenshot("sso-admin-policy-refused");

		Locator group = page.locator("#add-group-role");
		group.locator("input[name=group]").fill("pm-team");
		group.locator("input[name=productKey]").fill("NOPE");
		group.locator("select[name=role]").selectOption("MANAGER");
		group.locator("button").click();
		assertThat(page.locator(".error-summary").first()).containsText("no product has the key NOPE");
		assertThat(group.locator("input[name=group]")).hasValue("pm-team");
		assertThat(group.locator("input[name=productKey]")).hasValue("NOPE");
		assertThat(group.locator("select[name=role]")).hasValue("MANAGER");

		page.reload();
		assertThat(page.locator("h1")).hasText("Single sign-on");
		assertThat(page.locator(".error-summary")).hasCount(0);
		assertThat(policy.locator("#password-on")).isChecked();
	}

	/** A fresh browser goes through the provider as the person; answers its page. */
	private Page signInWithProvider(TestOpenIdProvider.Person person, String shotPrefix) {
		BrowserContext other = newContext();
		Page p = watched(other.newPage());
		p.navigate("/login");
		if (shotPrefix != null) {
			p.screenshot(new Page.ScreenshotOptions().setFullPage(true)
				.setPath(java.nio.file.Path.of("target/screenshots", shotPrefix + "-login.png")));
		}
		p.onRequest(r -> {
			if (r.url().contains("/login/oauth2/code/")) {
				callbacks.add(r.url());
			}
		});
		p.locator("#sso-buttons a").click();
		TestOpenIdProvider.signInAndConsent(p, person);
		p.waitForURL(url -> url.startsWith("http://127.0.0.1:" + port) && !url.contains("/login/oauth2/"));
		return p;
	}

	@Test
	void aTeamMemberSignsInWithTheProviderAndGetsTheRoleOfTheirGroup() {
		TestOpenIdProvider idp = TestOpenIdProvider.shared();
		setUp(idp);
		TestOpenIdProvider.Person person = new TestOpenIdProvider.Person("dana", "dana's password",
				"dana@sso-browser.example", true, List.of("pm-team", "other"));
		idp.add(person);
		Page dana = signInWithProvider(person, "sso");
		assertThat(dana.url()).doesNotContain("/login");
		// the provider's answer again (the page reloaded after it signed her in): she
		// stays signed in, and nothing says otherwise
		assertThat(callbacks).isNotEmpty();
		dana.navigate(callbacks.get(callbacks.size() - 1));
		assertThat(dana.url()).doesNotContain("/login");
		assertThat(dana.locator("main")).not().containsText("did not sign you in");
		dana.navigate("/p/" + PRODUCT + "/backlog");
		assertThat(dana.locator("#your-role")).containsText("Manager");
		dana.navigate("/account");
		assertThat(dana.locator("main")).containsText("dana@sso-browser.example");
		dana.screenshot(new Page.ScreenshotOptions().setFullPage(true)
			.setPath(java.nio.file.Path.of("target/screenshots", "sso-signed-in.png")));

		page.navigate("/admin/audit");
		assertThat(page.locator("#audit")).containsText("SSO_SIGN_IN");
		assertThat(page.locator("#audit")).containsText("SSO_CONFIG_CHANGED");
		assertThat(consoleErrors).isEmpty();
	}

	@Test
	void someoneOfARefusedDomainIsToldWhyAndNotSignedIn() {
		TestOpenIdProvider idp = TestOpenIdProvider.shared();
		setUp(idp);
		TestOpenIdProvider.Person person = new TestOpenIdProvider.Person("eve", "eve's password",
				"eve@elsewhere.example", true, List.of("pm-team"));
		idp.add(person);
		Page eve = signInWithProvider(person, null);
		eve.waitForURL("**/login/sso/refused");
		assertThat(eve.locator("#sso-refusal")).containsText("only for sso-browser.example addresses");
		assertThat(eve.locator("#sso-refusal-note")).containsText("sign-in worked, but Priora refused it");
		eve.screenshot(new Page.ScreenshotOptions().setFullPage(true)
			.setPath(java.nio.file.Path.of("target/screenshots", "sso-refused.png")));
		eve.navigate("/account");
		eve.waitForURL("**/login");
		assertThat(
				jdbc.sql("select count(*) from users where email = 'eve@elsewhere.example'").query(Long.class).single())
			.isZero();
		page.navigate("/admin/audit");
		assertThat(page.locator("#audit")).containsText("SSO_REFUSED");
	}

	@Test
	void withPasswordSignInOffTheFormIsGoneAndTheBreakGlassAdminStillSignsIn() {
		setUp(TestOpenIdProvider.shared());
		page.locator("#sso-policy #password-off").check();
		page.locator("#sso-policy input[name=breakGlassEmail]").fill(ADMIN_EMAIL);
		page.locator("#sso-policy button[type=submit]").click();
		assertThat(page.locator(".toast")).containsText("Sign-in policy saved");
		page.reload();
		assertThat(page.locator("#sso-policy #password-off")).isChecked();

		BrowserContext other = newContext();
		Page p = watched(other.newPage());
		p.navigate("/login");
		assertThat(p.locator("input[name=password]")).hasCount(0);
		assertThat(p.locator("#sso-buttons a")).hasText("Sign in with Company login");
		p.screenshot(new Page.ScreenshotOptions().setFullPage(true)
			.setPath(java.nio.file.Path.of("target/screenshots", "sso-password-off.png")));
		p.locator("#break-glass-link").click();
		assertThat(p.locator("#break-glass-note")).isVisible();
		p.getByLabel("Email").fill(ADMIN_EMAIL);
		p.getByLabel("Password").fill(ADMIN_PASSWORD);
		p.locator("form.form button[type=submit]").click();
		p.waitForURL("**/backlog");
		other.close();
		assertThat(consoleErrors).isEmpty();
	}

}
