package dev.priora.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;

class OutgoingMailTest {

	private static final MailBody BODY = new MailBody("text", "<p>html</p>");

	@Test
	void refusesHeaderInjectionThroughTheSubjectOrTheRecipient() {
		assertThatThrownBy(() -> OutgoingMail.of("a@example.test", "Hi\r\nBcc: x@evil.test", BODY, "test"))
			.hasMessageStartingWith("subject:");
		assertThatThrownBy(() -> OutgoingMail.of("a@example.test, b@example.test", "Hi", BODY, "test"))
			.hasMessageStartingWith("to:");
		assertThatThrownBy(() -> OutgoingMail.of("a@example.test\nBcc: x@evil.test", "Hi", BODY, "test"))
			.hasMessageStartingWith("to:");
	}

	@Test
	void takesOnlyAnAbsoluteWebUrlToUnsubscribe() {
		OutgoingMail mail = OutgoingMail.of("a@example.test", "Hi", BODY, "notification.mention");
		assertThat(mail.withUnsubscribe(URI.create("https://p.example.test/u/x")).unsubscribe())
			.hasHost("p.example.test");
		assertThatThrownBy(() -> mail.withUnsubscribe(URI.create("mailto:x@example.test")))
			.hasMessageStartingWith("unsubscribe:");
		assertThatThrownBy(() -> mail.withUnsubscribe(URI.create("/u/x"))).hasMessageStartingWith("unsubscribe:");
		assertThatThrownBy(() -> OutgoingMail.of("a@example.test", "Hi", BODY, "Not A Kind"))
			.hasMessageStartingWith("kind:");
	}

	@Test
	void keepsTheSecretMarkAndTheUserThroughItsWithers() {
		OutgoingMail mail = OutgoingMail.of("a@example.test", "Hi", BODY, "password-reset")
			.holdingSecret()
			.forUser(new dev.priora.accounts.UserId(7))
			.withUnsubscribe(URI.create("https://p.example.test/u/x"));
		assertThat(mail.secret()).isTrue();
		assertThat(mail.user().value()).isEqualTo(7);
	}

}
