package dev.priora.portal;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.priora.mail.LoopbackSmtp;
import dev.priora.support.ApiClient;
import dev.priora.support.BrowserlessSession;
import dev.priora.support.IntegrationTestBase;
import dev.priora.support.TestProduct;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's integration tests share one server with a real SMTP server on loopback, so
 * that visitors sign in with the link they were mailed.
 */
abstract class PortalTestBase extends IntegrationTestBase {

	static final LoopbackSmtp SMTP = new LoopbackSmtp();

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		PortalMails.configure(SMTP, registry);
	}

	/**
	 * Started again for each class: the classes share this server, and the one before
	 * stopped it when it ended.
	 */
	@BeforeAll
	static void startServer() {
		SMTP.start();
	}

	@AfterAll
	static void stopServer() {
		SMTP.stop();
	}

	/**
	 * Turns the product's portal on with these settings (JSON fields over the defaults).
	 */
	static void portal(ApiClient api, TestProduct product, Map<String, Object> fields) {
		var current = api.get(product.path("/portal"));
		java.util.Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("enabled", true, "title",
				"Ideas for " + product.key(), "intro", "Tell us **what** you need.", "colour", "#0f766e"));
		body.putAll(fields);
		var r = api.put(product.path("/portal"), ApiClient.json(body), current.etag());
		assertThat(r.status()).as(r.text()).isEqualTo(200);
	}

	/** A visitor who asked for a sign-in link, opened the mail and confirmed. */
	BrowserlessSession visitor(String key, String email) {
		BrowserlessSession s = BrowserlessSession.anonymous(port);
		var asked = s.post("/portal/" + key + "/sign-in", Map.of("email", email));
		assertThat(asked.statusCode()).as(asked.body()).isEqualTo(302);
		String path = linkPath(email);
		assertThat(s.get(path).body()).contains("confirm-sign-in");
		var used = s.post(path, Map.of());
		assertThat(used.statusCode()).isEqualTo(302);
		assertThat(used.headers().firstValue("Location").orElse("")).endsWith("/portal/" + key);
		return s;
	}

	/** The path of the newest sign-in link mailed to {@code email}. */
	static String linkPath(String email) {
		return PortalMails.linkPath(SMTP, email);
	}

	/** Posts an idea as the visitor and answers its id. */
	static long postIdea(BrowserlessSession visitor, String key, String title, String text) {
		var r = visitor.post("/portal/" + key + "/ideas", Map.of("title", title, "text", text));
		assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
		String location = r.headers().firstValue("Location").orElseThrow();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

}
