package dev.priora.integration.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.priora.support.Fixtures.aProduct;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.sun.net.httpserver.HttpServer;

import dev.priora.support.BrowserTestBase;

/**
 * Webhooks in the browser: the administrator allows loopback targets, the owner adds a
 * webhook (its secret shown once), sends a ping and reads the delivery log.
 */
class WebhookBrowserTest extends BrowserTestBase {

	@Test
	void aWebhookForEveryEventSaysAllAndIsPausedResumedAndDeleted() {
		aProduct("WHA").named("Webhook for all").createdBy(api());
		api().put("/api/v1/admin/webhooks", "{\"allowPrivateTargets\":true}", null);
		try {
			signIn();
			page.navigate("/p/WHA/webhooks");
			page.locator("#new-webhook input[name=url]").fill("http://127.0.0.1:9/every-event");
			page.locator("#new-webhook button").click();
			Locator hook = page.locator(".webhook", new Page.LocatorOptions().setHasText("/every-event"));
			assertThat(hook.locator("p.hint")).hasText("Events: all");
			page.reload();
			assertThat(hook.locator("p.hint")).hasText("Events: all");
			screenshot("webhooks-every-event");
			hook.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Pause")).click();
			assertThat(page.locator(".toast")).containsText("Webhook paused");
			page.reload();
			assertThat(hook).containsText("Paused");
			hook.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Resume")).click();
			assertThat(page.locator(".toast")).containsText("Webhook resumed");
			// the toast is in the page's HTML: its deferred scripts (the confirmation)
			// run once
			// it has loaded
			page.waitForLoadState();
			hook.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete")).click();
			page.locator("#confirm-ok").click();
			assertThat(page.locator(".toast")).containsText("Webhook deleted");
			page.reload();
			assertThat(hook).hasCount(0);
		}
		finally {
			api().put("/api/v1/admin/webhooks", "{\"allowPrivateTargets\":false}", null);
		}
	}

	@Test
	void addsAWebhookSendsAPingAndShowsTheDeliveryLog() throws Exception {
		HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/hook", exchange -> {
			exchange.getRequestBody().readAllBytes();
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		receiver.start();
		try {
			aProduct("WHB").named("Webhook browser").createdBy(api());
			signIn();
			page.navigate("/p/WHB/webhooks");
			page.locator("#new-webhook input[name=url]")
				.fill("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
			page.locator("#new-webhook button").click();
			assertThat(page.locator("#webhook-error")).containsText("private or loopback");
			assertThat(page.locator("#webhook-error")).containsText("Admin → Webhook targets");

			page.navigate("/admin/webhooks");
			page.locator("#webhook-settings input[name=allowPrivateTargets]").check();
			page.locator("#webhook-settings button").click();
			assertThat(page.locator(".toast")).containsText("Saved.");

			page.navigate("/p/WHB/webhooks");
			page.locator("#new-webhook input[name=url]")
				.fill("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
			page.locator("#new-webhook input[value='item.created']").check();
			page.locator("#new-webhook button").click();
			assertThat(page.locator("#webhook-secret code")).hasText(java.util.regex.Pattern.compile("[0-9a-f]{48}"));
			page.locator(".webhook button.ping").click();
			assertThat(page.locator(".toast")).containsText("Ping queued");
			for (int i = 0; i < 30 && page.locator(".deliveries tr[data-state=DELIVERED]").count() == 0; i++) {
				page.waitForTimeout(300);
				page.navigate("/p/WHB/webhooks");
			}
			assertThat(page.locator(".deliveries tr[data-state=DELIVERED]")).hasCount(1,
					new LocatorAssertions.HasCountOptions().setTimeout(10_000));
			assertThat(page.locator(".deliveries")).containsText("ping");
		}
		finally {
			api().put("/api/v1/admin/webhooks", "{\"allowPrivateTargets\":false}", null);
			receiver.stop(0);
		}
	}

	/** A receiver that fails: the delivery waits for its next try, and says when. */
	@Test
	void aFailedDeliverySaysWhenItIsTriedNext() throws Exception {
		HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/down", exchange -> {
			exchange.getRequestBody().readAllBytes();
			exchange.sendResponseHeaders(503, -1);
			exchange.close();
		});
		receiver.start();
		try {
			api().put("/api/v1/admin/webhooks", "{\"allowPrivateTargets\":true}", null);
			aProduct("WHN").named("Webhook down").createdBy(api());
			signIn();
			page.navigate("/p/WHN/webhooks");
			page.locator("#new-webhook input[name=url]")
				.fill("http://127.0.0.1:" + receiver.getAddress().getPort() + "/down");
			page.locator("#new-webhook button").click();
			var down = page.locator(".webhook:has-text('/down')");
			down.locator("button.ping").click();
			for (int i = 0; i < 30 && down.locator(".deliveries .next-try").count() == 0; i++) {
				page.waitForTimeout(300);
				page.navigate("/p/WHN/webhooks");
			}
			assertThat(down.locator(".deliveries tr[data-state=PENDING]").first()).containsText("503");
			// tests retry after 300 ms, doubling: the next try is either ahead or due
			assertThat(down.locator(".deliveries .next-try").first())
				.hasText(java.util.regex.Pattern.compile("next try (in .+|now)"));
			screenshot("webhooks-next-try-1280");
		}
		finally {
			api().put("/api/v1/admin/webhooks", "{\"allowPrivateTargets\":false}", null);
			receiver.stop(0);
		}
	}

}
