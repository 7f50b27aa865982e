package dev.priora.feedback.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;

import dev.priora.support.BrowserTestBase;

/**
 * The owner makes a public form link; a visitor on a phone sends feedback through it, is
 * told under the field what to correct (by the field's label, with what was typed kept),
 * and the owner finds the feedback in the inbox; a revoked link tells the visitor it no
 * longer works.
 */
class PublicFormBrowserTest extends BrowserTestBase {

	@Test
	void aVisitorCorrectsTheFormSendsFeedbackAndARevokedLinkSaysItNoLongerWorks() {
		signIn();
		page.navigate("/p/SHOP/public-forms");
		page.locator("#new-form input[name=name]").fill("Holiday newsletter");
		page.locator("#new-form button").click();
		String link = page.locator("#form-link").textContent().strip();
		var row = page.locator("#forms tbody tr").first();
		assertThat(row.locator("td").first()).hasText("Holiday newsletter");
		assertThat(row).containsText("none yet");
		var other = newContext();
		Page visitor = other.newPage();
		visitor.setViewportSize(390, 844);
		visitor.navigate(link);

		// the browser would stop an empty text; the server says the same, by the label
		visitor.evaluate("document.getElementById('public-form').noValidate = true");
		visitor.locator("input[name=title]").fill("Gift cards");
		visitor.locator("#public-form button[type=submit]").click();
		assertThat(visitor.locator(".error-summary")).containsText("What would help you? is required");
		assertThat(visitor.locator(".error-summary")).not().containsText("text:");
		assertThat(visitor.locator("input[name=title]")).hasValue("Gift cards");

		visitor.evaluate("document.getElementById('public-form').noValidate = true");
		visitor.locator("textarea[name=text]").fill("Our shoppers ask for gift cards every December.");
		visitor.locator("input[name=email]").fill("tina at example");
		visitor.locator("#public-form button[type=submit]").click();
		assertThat(visitor.locator("label:has(input[name=email]) .field-error"))
			.containsText("is not an e-mail address");
		assertThat(visitor.locator(".error-summary")).containsText("Your e-mail: is not an e-mail address");
		assertThat(visitor.locator("textarea[name=text]")).hasValue("Our shoppers ask for gift cards every December.");
		assertThat(visitor.locator("input[name=email]")).hasValue("tina at example");
		shot(visitor, "public-form-error-phone");

		visitor.locator("input[name=email]").fill("tina@gifts.example");
		visitor.locator("#public-form button[type=submit]").click();
		assertThat(visitor.locator("#thanks")).isVisible();

		page.navigate("/p/SHOP/feedback");
		assertThat(page.locator("#inbox-rows")).containsText("Gift cards");

		// the form counts what came through it
		page.navigate("/p/SHOP/public-forms");
		assertThat(page.locator("#forms tbody tr").first()).containsText("1, last");
		shot(page, "public-forms-list-1280");
		page.locator("#forms button.danger").first().click();
		assertThat(page.locator("#confirm-dialog")).containsText("Revoke “Holiday newsletter”?");
		page.locator("#confirm-ok").click();
		assertThat(page.locator(".toast")).containsText("“Holiday newsletter” revoked");
		var closed = visitor.navigate(link);
		org.assertj.core.api.Assertions.assertThat(closed.status()).isEqualTo(404);
		assertThat(visitor.locator("h1")).hasText("This feedback form no longer works");
		assertThat(visitor.locator("main")).not().containsText("Sign in");
		shot(visitor, "public-form-revoked-phone");
		other.close();
	}

	private static void shot(Page p, String name) {
		p.screenshot(
				new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target/screenshots", name + ".png")));
	}

	/**
	 * Where the browser offers no clipboard (plain http away from localhost), "Copy link"
	 * still does something visible: it selects the link and says so.
	 */
	@Test
	void copyLinkWithoutAClipboardSelectsTheLink() {
		page.addInitScript("Object.defineProperty(navigator, 'clipboard', { value: undefined })");
		signIn();
		page.navigate("/p/SHOP/public-forms");
		page.locator("#new-form button").click();
		String link = page.locator("#form-link").textContent().strip();
		// the page after the form's redirect: its scripts (deferred) have run once it has
		// loaded; a click before that would find no handler (CI on a busy machine did)
		page.waitForLoadState();
		page.locator("[data-copy='#form-link']").click();
		com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator(".toast"))
			.containsText(java.util.regex.Pattern.compile("Copied|Selected"));
		org.assertj.core.api.Assertions.assertThat(page.evaluate("() => window.getSelection().toString().trim()"))
			.isEqualTo(link);
	}

}
