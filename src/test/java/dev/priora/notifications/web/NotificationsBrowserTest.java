package dev.priora.notifications.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.priora.accounts.AccountService;
import dev.priora.accounts.ProductRole;
import dev.priora.accounts.ProductRoles;
import dev.priora.support.ApiClient;
import dev.priora.support.BrowserTestBase;

/**
 * A mentions B in a comment (picked from the autocomplete); B's bell shows it, B opens
 * the notifications, clicks through to the item, marks all read, and the bell is clear
 * after a reload.
 */
class NotificationsBrowserTest extends BrowserTestBase {

	@Autowired
	AccountService accounts;

	@Autowired
	ProductRoles roles;

	/**
	 * Product {@code key} with item 1 "Gift cards" and Bob Baker ({@code bob@<key>.test})
	 * a member; with {@code mentioned}, the administrator has mentioned Bob in a comment
	 * on the item.
	 */
	private String productWithBob(String key, boolean mentioned) {
		ApiClient api = api();
		api.post("/api/v1/products", "{\"key\":\"" + key + "\",\"name\":\"Notify browser\"}");
		api.post("/api/v1/products/" + key + "/items", "{\"type\":\"STORY\",\"title\":\"Gift cards\"}");
		String bob = "bob@" + key.toLowerCase(java.util.Locale.ROOT) + ".test";
		accounts.createUser(bob, "Bob Baker", "password-bob-1", false);
		roles.grant(key, bob, ProductRole.MEMBER, accounts.findByEmail(ADMIN_EMAIL).orElseThrow().id());
		if (mentioned) {
			org.assertj.core.api.Assertions
				.assertThat(api.post("/api/v1/products/" + key + "/items/" + key + "-1/comments",
						"{\"body\":\"Could @Bob Baker check the fees?\"}")
					.status())
				.isEqualTo(201);
		}
		return bob;
	}

	/** Bob's own browser session, signed in, at 1280 × 900. */
	private Page signedIn(String email) {
		var bob = newContext().newPage();
		bob.setViewportSize(1280, 900);
		bob.navigate("/login");
		bob.getByLabel("Email").fill(email);
		bob.getByLabel("Password").fill("password-bob-1");
		bob.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
		bob.waitForURL("**/backlog");
		return bob;
	}

	private static void screenshot(Page page, String name) {
		page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
			.setPath(java.nio.file.Path.of("target/screenshots", name + ".png")));
	}

	@Test
	void aMentionPickedFromTheAutocompleteRaisesTheMembersBell() {
		String bobEmail = productWithBob("NBR", false);
		signIn();
		page.setViewportSize(1280, 900);
		page.navigate("/p/NBR/items/NBR-1");
		assertThat(page.locator("form.watch button")).hasText(Pattern.compile("Watching"));
		var box = page.locator("#add-comment textarea[name=body]");
		box.click();
		box.pressSequentially("Could @Bo");
		assertThat(page.locator("#mention-list [role=option]")).hasCount(1);
		assertThat(page.locator("#mention-list [role=option]").first()).containsText("Bob Baker");
		box.press("Enter");
		box.pressSequentially("check the fees?");
		assertThat(box).hasValue("Could @Bob Baker check the fees?");
		screenshot("notifications-item-1280");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Comment").setExact(true)).click();
		assertThat(page.locator("#comments")).containsText("Could @Bob Baker check the fees?");

		var bob = signedIn(bobEmail);
		assertThat(bob.locator("#bell-count")).hasText("1");
		assertThat(bob.locator("#bell")).hasAttribute("aria-label", "Notifications, 1 unread");
	}

	@Test
	void theBellLeadsToTheNotificationsPageAndTheNotificationToTheItem() {
		var bob = signedIn(productWithBob("NBA", true));
		bob.locator("#bell").click();
		bob.waitForURL("**/notifications");
		assertThat(bob.locator("#notifications-summary")).hasText("1 unread notification.");
		assertThat(bob.locator(".notification.unread")).containsText("mentioned you in a comment");
		bob.setViewportSize(1920, 1080);
		screenshot(bob, "notifications-1920");
		bob.setViewportSize(1280, 900);
		screenshot(bob, "notifications-1280");
		bob.locator(".notification-link").first().click();
		bob.waitForURL("**/p/NBA/items/NBA-1");
		assertThat(bob.locator("#item-title")).hasText("Gift cards");
		assertThat(bob.locator("form.watch button")).hasText("Watch");
	}

	@Test
	void markingAllReadClearsTheBell() {
		String bobEmail = productWithBob("NBC", true);
		var bob = signedIn(bobEmail);
		bob.navigate("/notifications");
		bob.locator("#mark-all-read").click();
		assertThat(bob.locator(".toast")).containsText("1 notification marked read.");
		bob.reload();
		assertThat(bob.locator("#bell")).hasAttribute("aria-label", "Notifications, none unread");
		assertThat(bob.locator("#bell-count")).hasCount(0);
		assertThat(bob.locator(".notification.unread")).hasCount(0);
		var stored = ApiClient.signIn(port, bobEmail, "password-bob-1").get("/api/v1/notifications").json();
		org.assertj.core.api.Assertions.assertThat(stored.get("unread").asLong()).as("stored as read").isZero();
	}

	@Test
	void aDeliveryPreferenceIsSavedOnTheAccountPage() {
		String bobEmail = productWithBob("NBD", false);
		var bob = signedIn(bobEmail);
		bob.navigate("/account");
		assertThat(bob.locator("#notification-preferences")).isVisible();
		bob.locator("#pref-COMMENTED").selectOption("OFF");
		bob.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save notification preferences")).click();
		assertThat(bob.locator(".toast")).containsText("Notification preferences saved.");
		assertThat(bob.locator("#pref-COMMENTED")).hasValue("OFF");
		screenshot(bob, "notifications-account-1280");
		org.assertj.core.api.Assertions
			.assertThat(
					ApiClient.signIn(port, bobEmail, "password-bob-1").get("/api/v1/notifications/preferences").text())
			.as("stored")
			.contains("{\"kind\":\"COMMENTED\",\"delivery\":\"OFF\"}");
	}

}
