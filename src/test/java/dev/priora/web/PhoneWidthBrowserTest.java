package dev.priora.web;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;

import dev.priora.support.BrowserTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * At 390 px (a phone) the team's customer pages keep the header's tools and their tables
 * within the screen, and a customer reading an idea on the portal sees the idea before
 * the vote and the comments.
 */
class PhoneWidthBrowserTest extends BrowserTestBase {

	@Test
	void theCustomerPagesFitAPhone() {
		signIn();
		page.setViewportSize(390, 844);
		for (String path : List.of("/p/SHOP/portal", "/p/SHOP/public-forms", "/p/SHOP/customers", "/p/SHOP/followups",
				"/p/SHOP/health", "/p/SHOP/feedback")) {
			page.navigate(path);
			assertThat(dev.priora.support.Fits.pastTheRightEdge(page)).as(path + " at 390 px").isEmpty();
		}
		page.navigate("/p/SHOP/portal");
		com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator(".search-trigger"))
			.isInViewport();
		page.waitForTimeout(300); // the sidebar's slide-out after the resize
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/portal-team-phone.png")));
		page.navigate("/p/SHOP/feedback");
		page.waitForTimeout(300);
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/inbox-phone.png")));
	}

	@Test
	void onAPhoneAnIdeaComesBeforeItsVoteAndComments() {
		page.setViewportSize(390, 844);
		page.navigate("/portal/SHOP");
		page.locator("main a[href*='/ideas/']").first().click();
		page.waitForURL("**/ideas/*");
		double title = page.locator("#idea-title").boundingBox().y;
		double vote = page.locator("#vote-card").boundingBox().y;
		double comments = page.locator("#comments-heading").boundingBox().y;
		assertThat(title).as("the idea's title above the vote card").isLessThan(vote);
		assertThat(vote).as("the vote card above the comments").isLessThan(comments);
		assertThat(dev.priora.support.Fits.pastTheRightEdge(page)).isEmpty();
		page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
			.setPath(Path.of("target/screenshots/portal-idea-anonymous-phone.png")));
	}

}
