package dev.priora.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.priora.support.ApiClient;
import dev.priora.support.BrowserlessSession;
import dev.priora.support.IntegrationTestBase;

/**
 * Mail delivered to a real SMTP server on a loopback port, read back as it arrived:
 * invitations and resets with their links and headers, retries while the server is down,
 * a claimed mail sent once after its node "died", and the forgot-password form.
 */
class MailDeliveryIntegrationTest extends IntegrationTestBase {

	static final String BASE_URL = "https://priora.example.test";

	static final LoopbackSmtp SMTP = new LoopbackSmtp();

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		SMTP.configure(registry, BASE_URL + "/");
		registry.add("priora.mail.retry-delays", () -> "300ms,300ms,300ms,300ms,300ms,300ms");
	}

	@Autowired
	MailOutbox outbox;

	@Autowired
	MailRepository repository;

	@Autowired
	MailDispatcher dispatcher;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@AfterEach
	void serverBack() {
		SMTP.start();
	}

	@AfterAll
	static void stopServer() {
		SMTP.stop();
	}

	@Test
	void anInvitationArrivesWithItsLinkAndIsScrubbedOnceSent() throws Exception {
		var invited = api().post("/api/v1/users/invitations", "{\"email\":\"Nora.New@Example.test\"}");
		assertThat(invited.status()).isEqualTo(201);
		String apiLink = invited.json().get("link").asText();
		String path = apiLink.substring(apiLink.indexOf("/invite/"));

		MimeMessage m = await().atMost(Duration.ofSeconds(15))
			.until(() -> SMTP.to("nora.new@example.test"), l -> !l.isEmpty())
			.get(0);
		assertThat(m.getSubject()).isEqualTo("Administrator invited you to Priora");
		assertThat(LoopbackSmtp.header(m, "From")).contains("priora@example.test");
		assertThat(LoopbackSmtp.header(m, "Auto-Submitted")).isEqualTo("auto-generated");
		assertThat(LoopbackSmtp.header(m, "List-Unsubscribe")).isNull();
		String text = LoopbackSmtp.part(m, "text/plain");
		String html = LoopbackSmtp.part(m, "text/html");
		assertThat(text).contains("Accept the invitation: " + BASE_URL + path).doesNotContain("<a");
		assertThat(html).contains("href=\"" + BASE_URL + path + "\"").contains("<strong>Administrator</strong>");

		LoggedMail logged = repository.recent(10)
			.stream()
			.filter(l -> l.kind().equals("invitation"))
			.findFirst()
			.orElseThrow();
		assertThat(LoopbackSmtp.header(m, "Message-ID")).isEqualTo(logged.messageId())
			.matches("<[0-9a-f-]+@priora\\.example\\.test>");
		await().atMost(Duration.ofSeconds(5))
			.until(() -> repository.find(logged.id()).orElseThrow().state() == MailState.SENT);
		String stored = jdbc.sql("select body_text || body_html from mail_outbox where id = ?")
			.param(logged.id())
			.query(String.class)
			.single();
		assertThat(stored).doesNotContain(path.substring("/invite/".length())).contains("removed after delivery");

		var page = BrowserlessSession.anonymous(port).get(path);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("nora.new@example.test");
	}

	@Test
	void aMailWithAnUnsubscribeUrlCarriesTheOneClickHeadersAndARolledBackMailIsNeverSent() {
		long id = queue("watcher@example.test", URI.create(BASE_URL + "/unsubscribe/abc"));
		new TransactionTemplate(transactions).executeWithoutResult(tx -> {
			outbox.queue(OutgoingMail.of("ghost@example.test", "Never", new MailBody("t", "<p>h</p>"), "test"));
			tx.setRollbackOnly();
		});
		String messageId = repository.find(id).orElseThrow().messageId();

		MimeMessage m = await().atMost(Duration.ofSeconds(15))
			.until(() -> SMTP.withId(messageId), l -> !l.isEmpty())
			.get(0);
		assertThat(LoopbackSmtp.header(m, "List-Unsubscribe")).isEqualTo("<" + BASE_URL + "/unsubscribe/abc>");
		assertThat(LoopbackSmtp.header(m, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
		assertThat(LoopbackSmtp.part(m, "text/plain")).contains("plain words");
		assertThat(SMTP.to("ghost@example.test")).isEmpty();
		assertThat(repository.recent(50)).noneMatch(l -> l.to().equals("ghost@example.test"));
	}

	@Test
	void aStoppedServerMeansRetriesThenDeliveryWhenItIsBack() {
		SMTP.stop();
		long id = queue("patient@example.test", null);
		await().atMost(Duration.ofSeconds(15)).until(() -> repository.find(id).orElseThrow(), l -> l.attempts() >= 2);
		LoggedMail waiting = repository.find(id).orElseThrow();
		assertThat(waiting.state()).isIn(MailState.QUEUED, MailState.SENDING);
		assertThat(waiting.lastError()).startsWith("could not send:");

		SMTP.start();
		await().atMost(Duration.ofSeconds(15)).until(() -> repository.find(id).orElseThrow().state() == MailState.SENT);
		assertThat(SMTP.withId(waiting.messageId())).hasSize(1);
		assertThat(repository.find(id).orElseThrow().lastError()).isNull();
	}

	@Test
	void aMailThatFailedForGoodIsRetriedByTheAdministrator() {
		SMTP.stop();
		long id = queue("unlucky@example.test", null);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> repository.find(id).orElseThrow().state() == MailState.FAILED);
		assertThat(repository.find(id).orElseThrow().attempts()).isEqualTo(7);
		ApiClient admin = api();
		var report = admin.get("/api/v1/admin/mail?limit=5").json();
		assertThat(report.get("status").get("configured").asBoolean()).isTrue();
		assertThat(report.get("status").get("counts").get("FAILED").asLong()).isGreaterThanOrEqualTo(1);
		assertThat(report.get("recent").get(0).get("state").asText()).isEqualTo("FAILED");
		assertThat(report.get("recent").get(0).has("text")).isFalse();

		SMTP.start();
		var retried = admin.post("/api/v1/admin/mail/" + id + "/retry", "");
		assertThat(retried.status()).isEqualTo(202);
		assertThat(retried.json().get("attempts").asInt()).isZero();
		await().atMost(Duration.ofSeconds(15)).until(() -> repository.find(id).orElseThrow().state() == MailState.SENT);
		assertThat(SMTP.withId(repository.find(id).orElseThrow().messageId())).hasSize(1);

		var again = admin.post("/api/v1/admin/mail/" + id + "/retry", "");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.isProblem()).isTrue();
		assertThat(admin.post("/api/v1/admin/mail/999999/retry", "").status()).isEqualTo(404);
	}

	@Test
	void aMailClaimedByANodeThatDiedIsSentOnceItsLeaseRunsOutAndOnlyOnce() throws Exception {
		Instant lease = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.MILLIS);
		long id = new TransactionTemplate(transactions).execute(tx -> {
			long queued = outbox
				.queue(OutgoingMail.of("once@example.test", "Once", new MailBody("once", "<p>once</p>"), "test"));
			assertThat(repository.claim(queued, Instant.now(), lease)).isTrue();
			return queued;
		});
		String messageId = repository.find(id).orElseThrow().messageId();
		dispatcher.sendDue();
		Thread.sleep(1000);
		assertThat(repository.find(id).orElseThrow().state()).isEqualTo(MailState.SENDING);
		assertThat(SMTP.withId(messageId)).isEmpty();

		await().atMost(Duration.ofSeconds(15)).until(() -> repository.find(id).orElseThrow().state() == MailState.SENT);
		dispatcher.sendDue();
		dispatcher.sendDue();
		Thread.sleep(1000);
		assertThat(SMTP.withId(messageId)).hasSize(1);
		assertThat(repository.find(id).orElseThrow().attempts()).isEqualTo(2);
	}

	@Test
	void theDeliveryJobRunTwiceAtOnceSendsEachMailOnce() throws Exception {
		List<Long> ids = new ArrayList<>();
		new TransactionTemplate(transactions).executeWithoutResult(tx -> {
			for (int i = 0; i < 10; i++) {
				ids.add(outbox.queue(OutgoingMail.of("crowd" + i + "@example.test", "Crowd " + i,
						new MailBody("hello", "<p>hello</p>"), "test")));
			}
		});
		List<CompletableFuture<Void>> runs = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			runs.add(CompletableFuture.runAsync(dispatcher::sendDue));
		}
		runs.forEach(CompletableFuture::join);
		await().atMost(Duration.ofSeconds(15))
			.until(() -> ids.stream().allMatch(id -> repository.find(id).orElseThrow().state() == MailState.SENT));
		dispatcher.sendDue();
		Thread.sleep(500);
		for (long id : ids) {
			LoggedMail m = repository.find(id).orElseThrow();
			assertThat(SMTP.withId(m.messageId())).as(m.to()).hasSize(1);
			assertThat(m.attempts()).isEqualTo(1);
		}
	}

	@Test
	void forgotPasswordMailsAKnownAddressAndAnswersAnUnknownOneAlike() throws Exception {
		BrowserlessSession visitor = BrowserlessSession.anonymous(port);
		var known = visitor.post("/forgot-password", Map.of("email", " " + ADMIN_EMAIL.toUpperCase() + " "));
		assertThat(known.statusCode()).isEqualTo(302);
		assertThat(known.headers().firstValue("Location").orElseThrow()).endsWith("/forgot-password?sent");
		var unknown = visitor.post("/forgot-password", Map.of("email", "nobody@example.test"));
		assertThat(unknown.statusCode()).isEqualTo(302);
		assertThat(unknown.headers().firstValue("Location")).isEqualTo(known.headers().firstValue("Location"));

		MimeMessage m = await().atMost(Duration.ofSeconds(15))
			.until(() -> SMTP.to(ADMIN_EMAIL), l -> !l.isEmpty())
			.get(0);
		assertThat(m.getSubject()).isEqualTo("Set a new Priora password");
		String text = LoopbackSmtp.part(m, "text/plain");
		assertThat(text).contains("someone (we hope you) asked").contains(BASE_URL + "/reset/");
		String path = text.substring(text.indexOf("/reset/")).split("\\s")[0];
		assertThat(BrowserlessSession.anonymous(port).get(path).body()).contains(ADMIN_EMAIL);
		assertThat(api().get("/api/v1/me").status()).as("asking for a link signs nobody out").isEqualTo(200);
		Thread.sleep(500);
		assertThat(SMTP.to("nobody@example.test")).isEmpty();

		var malformed = visitor.post("/forgot-password", Map.of("email", "not an address"));
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(malformed.body()).contains("E-mail is not an e-mail address").contains("value=\"not an address\"");

		for (int i = 0; i < 2; i++) {
			assertThat(visitor.post("/forgot-password", Map.of("email", "nobody@example.test")).statusCode())
				.isEqualTo(302);
		}
		var perEmail = visitor.post("/forgot-password", Map.of("email", "nobody@example.test"));
		assertThat(perEmail.statusCode()).as("three an hour per address").isEqualTo(429);
		assertThat(perEmail.body()).contains("Too many requests");
		assertThat(visitor.post("/forgot-password", Map.of("email", "else@example.test")).statusCode()).isEqualTo(302);
		assertThat(visitor.post("/forgot-password", Map.of("email", "third@example.test")).statusCode())
			.as("five per client address in 15 minutes")
			.isEqualTo(429);
	}

	private long queue(String to, URI unsubscribe) {
		OutgoingMail mail = OutgoingMail.of(to, "Hello " + to, new MailBody("plain words", "<p>html words</p>"),
				"test");
		return outbox.queue(unsubscribe == null ? mail : mail.withUnsubscribe(unsubscribe));
	}

}
