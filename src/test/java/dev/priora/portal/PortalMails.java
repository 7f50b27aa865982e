package dev.priora.portal;

import java.time.Duration;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import org.springframework.test.context.DynamicPropertyRegistry;

import dev.priora.mail.LoopbackSmtp;

import static org.awaitility.Awaitility.await;

/**
 * What the portal's integration and browser tests share: a loopback SMTP server wired in
 * with the test base URL and the per-address limits raised (every visitor of these tests
 * comes from 127.0.0.1; the per-e-mail and per-visitor limits are what the tests check),
 * and the paths of the links the portal mails.
 */
final class PortalMails {

	static final String BASE_URL = "https://priora.example.test";

	private PortalMails() {
	}

	static void configure(LoopbackSmtp smtp, DynamicPropertyRegistry registry) {
		smtp.configure(registry, BASE_URL);
		registry.add("priora.portal.sign-in.max-per-address-per-hour", () -> 1000);
		registry.add("priora.portal.ideas.max-per-address-per-hour", () -> 1000);
	}

	/** The path of the newest sign-in link mailed to {@code email}. */
	static String linkPath(LoopbackSmtp smtp, String email) {
		await().atMost(Duration.ofSeconds(20)).until(() -> !smtp.to(email).isEmpty());
		List<MimeMessage> mails = smtp.to(email);
		String text = LoopbackSmtp.part(mails.get(mails.size() - 1), "text/plain");
		return path(text.substring(text.indexOf(BASE_URL + "/portal/")));
	}

	/** The path of the (last) unsubscribe link in a mail's text. */
	static String unsubscribePath(String text) {
		return path(text.substring(text.lastIndexOf(BASE_URL + "/portal/")));
	}

	private static String path(String from) {
		return from.split("\\s")[0].substring(BASE_URL.length());
	}

}
