package dev.priora.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.priora.support.BrowserlessSession;
import dev.priora.support.IntegrationTestBase;

/**
 * Without a mail server nothing is sent: mails stay queued, invitations are not written
 * to the outbox at all (the admin copies the link, as before), and the Admin page, the
 * API and the forgot-password page say so.
 */
class MailNotConfiguredIntegrationTest extends IntegrationTestBase {

	@Autowired
	MailOutbox outbox;

	@Autowired
	MailRepository repository;

	@Autowired
	MailDispatcher dispatcher;

	@Test
	void nothingIsSentAndTheAdminIsTold() throws Exception {
		var invited = api().post("/api/v1/users/invitations", "{\"email\":\"nomail@example.test\"}");
		assertThat(invited.status()).isEqualTo(201);
		assertThat(invited.json().get("link").asText()).contains("/invite/");
		long id = outbox
			.queue(OutgoingMail.of("waiting@example.test", "Waiting", new MailBody("t", "<p>h</p>"), "test"));
		dispatcher.sendDue();
		Thread.sleep(1500);

		assertThat(repository.find(id).orElseThrow()).satisfies(m -> {
			assertThat(m.state()).isEqualTo(MailState.QUEUED);
			assertThat(m.attempts()).isZero();
		});
		assertThat(repository.recent(10)).extracting(LoggedMail::kind).containsExactly("test");

		var report = api().get("/api/v1/admin/mail").json();
		assertThat(report.get("status").get("configured").asBoolean()).isFalse();
		assertThat(report.get("status").get("linksReady").asBoolean()).isFalse();
		assertThat(report.get("status").get("problems").toString()).contains("SPRING_MAIL_HOST", "PRIORA_MAIL_FROM",
				"PRIORA_BASE_URL");
		assertThat(report.get("status").get("counts").get("QUEUED").asLong()).isEqualTo(1);

		var admin = BrowserlessSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		String page = admin.get("/admin/mail").body();
		assertThat(page).contains("Mail is not sent: not configured.")
			.contains("No mail server is configured")
			.contains("waiting@example.test");

		var forgot = BrowserlessSession.anonymous(port);
		assertThat(forgot.get("/forgot-password").body()).contains("This Priora cannot send e-mail");
		var posted = forgot.post("/forgot-password", Map.of("email", ADMIN_EMAIL));
		assertThat(posted.statusCode()).isEqualTo(503);
		assertThat(posted.body()).contains("Ask your").contains("administrator");
	}

}
