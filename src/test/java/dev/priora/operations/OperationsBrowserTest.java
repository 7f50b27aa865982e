package dev.priora.operations;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.priora.accounts.AccountService;
import dev.priora.support.BrowserTestBase;
import dev.priora.support.TestDatabase;

/**
 * Admin → Operations as an administrator uses it: reached from the admin tabs, the queues
 * shown, a backup taken with the button, announced, and listed again after a reload.
 */
class OperationsBrowserTest extends BrowserTestBase {

	@Autowired
	AccountService accounts;

	@Test
	void someoneWhoIsNotAnAdministratorIsToldTheAdminPagesAreForAdministrators() {
		String email = "not-admin@operations-browser.test";
		if (accounts.findByEmail(email).isEmpty()) {
			accounts.createUser(email, "Nora Notadmin", "password-" + email, false);
		}
		page.navigate("/login");
		page.getByLabel("Email").fill(email);
		page.getByLabel("Password").fill("password-" + email);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
		page.waitForURL(u -> !u.contains("/login"));
		page.navigate("/admin/operations");
		assertThat(page.locator("main h1")).hasText("Not allowed");
		assertThat(page.locator("main")).containsText("Only administrators of this Priora open the admin pages");
		assertThat(page.locator("main")).not().containsText("in this product");
		assertThat(page.locator("#backup-now")).hasCount(0);
		screenshot("admin-operations-not-an-admin");
	}

	@Test
	void theAdminTakesABackupFromTheOperationsPageAndSeesItAfterAReload() {
		// browser tests run on H2 (pom.xml); on PostgreSQL the page offers pg_dump, not a
		// button
		assumeFalse(TestDatabase.isPostgres(), "the button backs up the embedded database");
		signIn();
		page.navigate("/admin/users");
		page.locator("nav.tabs a", new Page.LocatorOptions().setHasText("Operations")).click();
		page.waitForURL("**/admin/operations");
		assertThat(page.locator("h1")).hasText("Operations");
		assertThat(page.locator("#mail-queue")).hasText(Pattern.compile("\\d+ / \\d+"));
		assertThat(page.locator("#job-queue")).hasText(Pattern.compile("\\d+ / \\d+"));
		assertThat(page.locator("#backup-folder")).containsText("backups");
		screenshot("admin-operations");

		page.locator("#backup-now").click();
		page.waitForURL("**/admin/operations");
		assertThat(page.locator("[data-toast]")).containsText("Backup written: priora-");
		assertThat(page.locator("#backup-list tbody tr").first()).containsText(".sql.gz");
		page.reload();
		assertThat(page.locator("#backup-list tbody tr").first()).containsText("UTC");
		assertThat(page.locator("#no-backups")).hasCount(0);
		screenshot("admin-operations-backed-up");

		// on a phone each queue's counts stay on one line
		page.setViewportSize(390, 844);
		page.reload();
		for (String count : new String[] { "#mail-queue", "#webhook-queue", "#job-queue" }) {
			Object lines = page.locator(count)
				.evaluate("e => { const r = document.createRange(); r.selectNodeContents(e); "
						+ "return new Set([...r.getClientRects()].map(c => Math.round(c.top))).size; }");
			org.assertj.core.api.Assertions.assertThat(((Number) lines).intValue()).as(count + " lines").isEqualTo(1);
		}
		screenshot("admin-operations-390");
	}

}
