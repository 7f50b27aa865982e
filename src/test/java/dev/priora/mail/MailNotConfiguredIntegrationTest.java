package dev.priora.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.priora.accounts.AccountService;
import dev.priora.accounts.ProductRole;
import dev.priora.accounts.ProductRoles;
import dev.priora.support.ApiClient;
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

	@Autowired
	AccountService accounts;

	@Autowired
	ProductRoles roles;

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

	@Test
	void eMailChoicesAreKeptButNothingIsQueuedAndTheAccountPageSaysWhy() throws Exception {
		var set = api().put("/api/v1/notifications/preferences", "{\"COMMENTED\":\"EMAIL_NOW\"}", null);
		assertThat(set.status()).as(set.text()).isEqualTo(200);
		assertThat(set.text()).contains("\"kind\":\"COMMENTED\",\"delivery\":\"EMAIL_NOW\"");
		String item = api().post("/api/v1/products/SHOP/items", "{\"type\":\"STORY\",\"title\":\"Quiet\"}")
			.json()
			.get("key")
			.asText();
		accounts.createUser("talker@example.test", "Talker", "password-talker", false);
		roles.grant("SHOP", "talker@example.test", ProductRole.MEMBER,
				accounts.findByEmail(ADMIN_EMAIL).orElseThrow().id());
		var comment = ApiClient.signIn(port, "talker@example.test", "password-talker")
			.post("/api/v1/products/SHOP/items/" + item + "/comments", "{\"body\":\"Heard?\"}");
		assertThat(comment.status()).as(comment.text()).isEqualTo(201);
		assertThat(api().get("/api/v1/notifications?unread=true").text()).contains("Heard?");
		assertThat(repository.recent(50)).noneMatch(m -> m.kind().startsWith("notification."));

		String page = BrowserlessSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD).get("/account/notifications").body();
		assertThat(page).contains("E-mail is not set up on this server; the admin can set SPRING_MAIL_HOST")
			.containsPattern("<option value=\"EMAIL_NOW\" selected=\"selected\">");
	}

}
