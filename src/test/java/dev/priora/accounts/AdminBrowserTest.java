package dev.priora.accounts;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import dev.priora.support.BrowserTestBase;

/**
 * The admin invites a user, gives them a role, and deactivates them; the user sees each
 * change.
 */
class AdminBrowserTest extends BrowserTestBase {

	@Test
	void invitesGivesARoleAndDeactivatesAUser() {
		signIn();
		page.navigate("/admin/users");
		page.locator("#invite input[name=email]").fill("newbie@browser.test");
		page.locator("#invite button").click();
		String link = page.locator("#one-time-link code").textContent().strip();

		BrowserContext other = newContext();
		Page newbie = other.newPage();
		newbie.navigate(link.substring(link.indexOf("/invite/")));
		newbie.getByLabel("Your name").fill("Nina Newbie");
		newbie.getByLabel("Password (10 characters or more)").fill("nina's password");
		newbie.locator("button[type=submit]").click();
		assertThat(newbie.locator("p.notice")).containsText("Your account is ready");
		newbie.getByLabel("Email").fill("newbie@browser.test");
		newbie.getByLabel("Password").fill("nina's password");
		newbie.locator("button[type=submit]").click();
		newbie.waitForURL("**/products");
		newbie.navigate("/p/SHOP/backlog");
		assertThat(newbie.locator("h1")).hasText("Not found");

		page.navigate("/p/SHOP/members");
		page.locator("#grant input[name=email]").fill("newbie@browser.test");
		page.locator("#grant select[name=role]").selectOption("MEMBER");
		page.locator("#grant button").click();
		assertThat(page.locator("#members tr[data-email='newbie@browser.test'] td.role select")).hasValue("MEMBER");

		newbie.navigate("/p/SHOP/backlog");
		assertThat(newbie.locator("#your-role")).containsText("Member");
		assertThat(newbie.locator("form.create")).hasCount(0);
		assertThat(newbie.locator("ol.backlog li.row").first()).isVisible();

		page.navigate("/admin/users");
		page.locator("#users tr[data-email='newbie@browser.test'] button.danger").click();
		page.locator("#confirm-ok").click();
		assertThat(page.locator(".toast")).containsText("deactivated");
		newbie.navigate("/p/SHOP/backlog");
		newbie.waitForURL("**/login");

		page.navigate("/admin/audit");
		assertThat(page.locator("#audit")).containsText("USER_DEACTIVATED");
		assertThat(page.locator("#audit")).containsText("ROLE_CHANGED");
		other.close();
	}

}
