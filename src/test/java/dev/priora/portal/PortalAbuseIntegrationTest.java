package dev.priora.portal;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.priora.mail.LoopbackSmtp;
import dev.priora.support.ApiClient;
import dev.priora.support.BrowserlessSession;
import dev.priora.support.IntegrationTestBase;
import dev.priora.support.TestProduct;

import static dev.priora.support.Fixtures.aProduct;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Abuse: 1,000 idea posts from one address, through the form and the visitors' JSON API,
 * are throttled at the per-address limit (its default, 30 an hour) with a clear message
 * (429 on the page and as problem+json), and no more than the limit is stored. The
 * per-visitor limit is raised here so that one visitor reaches the address's limit; this
 * class has its own server, so that no other test's posts count against 127.0.0.1.
 */
class PortalAbuseIntegrationTest extends IntegrationTestBase {

	static final LoopbackSmtp SMTP = new LoopbackSmtp();

	static final int ADDRESS_LIMIT = 30;

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		SMTP.configure(registry, PortalMails.BASE_URL);
		registry.add("priora.portal.ideas.max-per-visitor-per-hour", () -> 5000);
	}

	@AfterAll
	static void stopServer() {
		SMTP.stop();
	}

	@Test
	void aThousandIdeaPostsFromOneAddressAreThrottledWithAClearMessage() {
		SMTP.start();
		TestProduct p = aProduct("VYE").named("Portal abuse").createdBy(api());
		var current = api().get(p.path("/portal"));
		assertThat(api()
			.put(p.path("/portal"),
					ApiClient.json(Map.of("enabled", true, "title", "Abuse", "intro", "", "colour", "#0f766e")),
					current.etag())
			.status()).isEqualTo(200);
		BrowserlessSession bot = BrowserlessSession.anonymous(port);
		assertThat(bot.post("/portal/VYE/sign-in", Map.of("email", "bot@vye.test")).statusCode()).isEqualTo(302);
		assertThat(bot.post(PortalMails.linkPath(SMTP, "bot@vye.test"), Map.of()).statusCode()).isEqualTo(302);

		int stored = 0;
		int refusedPages = 0;
		int refusedJson = 0;
		for (int i = 0; i < 1000; i++) {
			String title = "Spam idea " + i;
			if (i % 2 == 0) {
				var r = bot.post("/portal/VYE/ideas", Map.of("title", title, "text", "Buy now."));
				if (r.statusCode() == 302) {
					stored++;
					continue;
				}
				assertThat(r.statusCode()).as("post %d", i).isEqualTo(429);
				assertThat(r.body()).contains("You posted many ideas within the hour")
					.contains("error-summary")
					.contains("value=\"" + title + "\"");
				refusedPages++;
			}
			else {
				var r = bot.postJson("/portal/VYE/api/ideas",
						ApiClient.json(Map.of("title", title, "text", "Buy now.")));
				if (r.statusCode() == 201) {
					stored++;
					continue;
				}
				assertThat(r.statusCode()).as("post %d: %s", i, r.body()).isEqualTo(429);
				assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
				assertThat(r.body()).contains("Too many ideas", "You posted many ideas within the hour");
				refusedJson++;
			}
			assertThat(stored).as("refused only once the limit is reached").isEqualTo(ADDRESS_LIMIT);
		}
		assertThat(stored).isEqualTo(ADDRESS_LIMIT);
		assertThat(refusedPages + refusedJson).isEqualTo(1000 - ADDRESS_LIMIT);
		assertThat(refusedPages).isPositive();
		assertThat(refusedJson).isPositive();
		assertThat(api().get(p.path("/portal/ideas")).json()).hasSize(ADDRESS_LIMIT);
	}

}
