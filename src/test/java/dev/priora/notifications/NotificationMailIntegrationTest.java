package dev.priora.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.priora.accounts.AccountService;
import dev.priora.accounts.ProductRole;
import dev.priora.accounts.ProductRoles;
import dev.priora.mail.LoopbackSmtp;
import dev.priora.support.ApiClient;
import dev.priora.support.BrowserlessSession;
import dev.priora.support.IntegrationTestBase;

/**
 * Notification e-mails through a real SMTP server on a loopback port, read back as they
 * arrived: "e-mail now" with its subject, both bodies, the item link and the RFC 8058
 * headers; one-click unsubscribe posted bare as a mail client does (GET changes nothing,
 * a tampered link is 404); the daily digest once, and never again for the same
 * notifications; nothing for in-app, off, the actor, or someone who lost access.
 */
class NotificationMailIntegrationTest extends IntegrationTestBase {

	static final String BASE_URL = "https://priora.example.test";

	static final LoopbackSmtp SMTP = new LoopbackSmtp();

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		SMTP.configure(registry, BASE_URL);
	}

	@AfterAll
	static void stopServer() {
		SMTP.stop();
	}

	@Autowired
	AccountService accounts;

	@Autowired
	ProductRoles roles;

	@Autowired
	DigestMails digests;

	@Autowired
	NotificationRepository preferences;

	@Autowired
	UnsubscribeLinks links;

	private People people(String product) {
		return new People(port, accounts, roles, api(), product);
	}

	@Test
	void aMentionWithEmailNowArrivesOnceAndItsOneClickLinkStopsTheNext() throws Exception {
		People p = people("NEM");
		ApiClient ann = p.person("ann@nem.test", "Ann Archer", ProductRole.MEMBER);
		ApiClient bob = p.person("bob@nem.test", "Bob Baker", ProductRole.VIEWER);
		choose(bob, "MENTIONED", "EMAIL_NOW");
		choose(ann, "MENTIONED", "EMAIL_NOW");
		String item = p.item(api(), "Checkout by card", "");

		p.comment(ann, item, "@Bob Baker please check <script>alert(1)</script> & the totals\nsecond line");

		MimeMessage m = arrived("bob@nem.test", 1).get(0);
		assertThat(m.getSubject()).isEqualTo("[NEM] Ann Archer mentioned you on " + item + " Checkout by card");
		String link = BASE_URL + "/p/NEM/items/" + item;
		String text = LoopbackSmtp.part(m, "text/plain");
		String html = LoopbackSmtp.part(m, "text/html");
		assertThat(text).contains("> @Bob Baker please check <script>alert(1)</script> & the totals")
			.contains("> second line")
			.contains("Open " + item + " in Priora: " + link)
			.contains("Change your e-mail settings: " + BASE_URL + "/account#notifications");
		assertThat(html).contains("href=\"" + link + "\"")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; the totals")
			.doesNotContain("<script>");
		sample("notification", text, html);
		String unsubscribe = LoopbackSmtp.header(m, "List-Unsubscribe");
		assertThat(unsubscribe).matches("<" + BASE_URL + "/unsubscribe/[0-9]+\\.mentioned\\.[A-Za-z0-9_-]{43}>");
		assertThat(LoopbackSmtp.header(m, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
		assertThat(html).contains(unsubscribe.substring(1, unsubscribe.length() - 1));
		assertThat(SMTP.to("ann@nem.test")).as("never the actor").isEmpty();

		String path = unsubscribe.substring(1 + BASE_URL.length(), unsubscribe.length() - 1);
		var page = BrowserlessSession.anonymous(port).get(path);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Stop e-mails about “Mentioned”?");
		assertThat(delivery(p, "bob@nem.test", NotificationKind.MENTIONED)).as("a GET changes nothing")
			.isEqualTo(Delivery.EMAIL_NOW);
		String tampered = path.substring(0, path.length() - 1) + (path.endsWith("A") ? "B" : "A");
		assertThat(oneClick(tampered).statusCode()).isEqualTo(404);
		assertThat(BrowserlessSession.anonymous(port).get(tampered).body()).contains("not valid");
		assertThat(delivery(p, "bob@nem.test", NotificationKind.MENTIONED)).isEqualTo(Delivery.EMAIL_NOW);

		HttpResponse<String> done = oneClick(path);
		assertThat(done.statusCode()).isEqualTo(200);
		assertThat(done.body()).contains("You no longer get");
		assertThat(delivery(p, "bob@nem.test", NotificationKind.MENTIONED)).isEqualTo(Delivery.IN_APP);
		assertThat(oneClick(path).statusCode()).as("twice is harmless").isEqualTo(200);

		p.comment(ann, item, "@Bob Baker and again");
		p.comment(api(), item, "@Ann Archer noted");
		arrived("ann@nem.test", 1);
		assertThat(p.told(bob)).as("still told in the app").hasSize(2);
		assertThat(SMTP.to("bob@nem.test")).as("no mail after unsubscribing").hasSize(1);
		assertThat(SMTP.to("bob@nem.test").get(0).getMessageID()).isEqualTo(m.getMessageID());
	}

	@Test
	void aDigestListsNewNotificationsOnceAndARerunSendsNothing() throws Exception {
		People p = people("NDG");
		ApiClient ann = p.person("ann@ndg.test", "Ann Archer", ProductRole.MEMBER);
		ApiClient dee = p.person("dee@ndg.test", "Dee Digest", ProductRole.VIEWER);
		choose(dee, "MENTIONED", "EMAIL_DIGEST");
		choose(dee, "COMMENTED", "EMAIL_DIGEST");
		String item = p.item(api(), "Refund flow", "");
		p.watch(dee, item, true);
		p.comment(ann, item, "Drafted the refund states");
		p.comment(ann, item, "@Dee Digest can you review?");
		assertThat(p.told(dee)).hasSize(2);
		Thread.sleep(5);

		digests.sendDue();
		MimeMessage m = arrived("dee@ndg.test", 1).get(0);
		assertThat(m.getSubject()).isEqualTo("Your Priora digest: 2 notifications (NDG)");
		String text = LoopbackSmtp.part(m, "text/plain");
		assertThat(text).contains(item + " Refund flow")
			.contains("Ann Archer commented: Drafted the refund states")
			.contains("Ann Archer mentioned you in a comment: @Dee Digest can you review?")
			.contains(BASE_URL + "/p/NDG/items/" + item);
		assertThat(LoopbackSmtp.part(m, "text/html")).contains("Notify NDG (NDG)");
		sample("digest", text, LoopbackSmtp.part(m, "text/html"));
		assertThat(LoopbackSmtp.header(m, "List-Unsubscribe")).contains(".digest.");

		digests.sendDue();
		digests.sendDue();
		Thread.sleep(1500);
		assertThat(SMTP.to("dee@ndg.test")).as("nothing new: no second digest").hasSize(1);

		p.comment(ann, item, "One more thing");
		Thread.sleep(5);
		digests.sendDue();
		MimeMessage second = arrived("dee@ndg.test", 2).get(1);
		assertThat(second.getSubject()).isEqualTo("Your Priora digest: 1 notification (NDG)");
		assertThat(LoopbackSmtp.part(second, "text/plain")).contains("One more thing").doesNotContain("Drafted");

		String link = LoopbackSmtp.header(second, "List-Unsubscribe");
		assertThat(oneClick(link.substring(1 + BASE_URL.length(), link.length() - 1)).statusCode()).isEqualTo(200);
		assertThat(delivery(p, "dee@ndg.test", NotificationKind.MENTIONED)).isEqualTo(Delivery.IN_APP);
		assertThat(delivery(p, "dee@ndg.test", NotificationKind.COMMENTED)).isEqualTo(Delivery.IN_APP);
	}

	@Test
	void nothingIsMailedForInAppOffOrToSomeoneWhoLostAccess() throws Exception {
		People p = people("NNO");
		ApiClient ann = p.person("ann@nno.test", "Ann Archer", ProductRole.MEMBER);
		ApiClient bob = p.person("bob@nno.test", "Bob Baker", ProductRole.VIEWER);
		p.person("cat@nno.test", "Cat Inapp", ProductRole.VIEWER);
		ApiClient dan = p.person("dan@nno.test", "Dan Off", ProductRole.VIEWER);
		ApiClient eve = p.person("eve@nno.test", "Eve Gone", ProductRole.VIEWER);
		ApiClient fay = p.person("fay@nno.test", "Fay Digest", ProductRole.VIEWER);
		choose(bob, "MENTIONED", "EMAIL_NOW");
		choose(dan, "MENTIONED", "OFF");
		choose(eve, "COMMENTED", "EMAIL_NOW");
		choose(fay, "COMMENTED", "EMAIL_DIGEST");
		String item = p.item(api(), "Exports", "");
		p.watch(eve, item, true);
		p.watch(fay, item, true);
		roles.revoke("NNO", p.id("eve@nno.test"), p.admin());
		p.comment(ann, item, "Before the change");
		assertThat(p.told(fay)).hasSize(1);
		roles.revoke("NNO", p.id("fay@nno.test"), p.admin());

		p.comment(ann, item, "@Bob Baker @Cat Inapp @Dan Off have a look");
		arrived("bob@nno.test", 1);
		digests.sendDue();
		Thread.sleep(1500);

		assertThat(SMTP.to("cat@nno.test")).as("in the app only").isEmpty();
		assertThat(SMTP.to("dan@nno.test")).as("off").isEmpty();
		assertThat(SMTP.to("eve@nno.test")).as("lost access before the comment").isEmpty();
		assertThat(SMTP.to("fay@nno.test")).as("lost access before the digest").isEmpty();
		assertThat(SMTP.to("ann@nno.test")).as("the actor").isEmpty();
		assertThat(SMTP.to("bob@nno.test")).hasSize(1);
	}

	@Test
	void badUnsubscribeLinksAreNotFoundAndChangeNothing() throws Exception {
		People p = people("NBU");
		ApiClient gil = p.person("gil@nbu.test", "Gil Guard", ProductRole.VIEWER);
		choose(gil, "MENTIONED", "EMAIL_NOW");
		long gilId = p.id("gil@nbu.test").value();
		String genuine = "/unsubscribe/" + links.token(gilId, "mentioned");
		String mac = genuine.substring(genuine.lastIndexOf('.') + 1);
		long adminId = p.admin().value();
		for (String bad : List.of("/unsubscribe/x", "/unsubscribe/" + gilId + ".mentioned.",
				"/unsubscribe/" + adminId + ".mentioned." + mac, "/unsubscribe/" + gilId + ".commented." + mac,
				"/unsubscribe/" + gilId + ".shouted." + mac, "/unsubscribe/0.mentioned." + mac,
				"/unsubscribe/99999999999999999999.mentioned." + mac, "/unsubscribe/" + "a".repeat(3000),
				"/unsubscribe/" + gilId + ".mentioned." + mac + "x")) {
			assertThat(oneClick(bad).statusCode()).as(bad).isEqualTo(404);
			var page = BrowserlessSession.anonymous(port).get(bad);
			assertThat(page.statusCode()).as(bad).isEqualTo(404);
			assertThat(page.body()).as(bad).contains("This unsubscribe link is not valid");
		}
		assertThat(oneClick("/unsubscribe/%00%0d%0a").statusCode()).as("control characters").isIn(400, 404);
		assertThat(delivery(p, "gil@nbu.test", NotificationKind.MENTIONED)).isEqualTo(Delivery.EMAIL_NOW);
		assertThat(oneClick(genuine).statusCode()).isEqualTo(200);
		assertThat(delivery(p, "gil@nbu.test", NotificationKind.MENTIONED)).isEqualTo(Delivery.IN_APP);

		var account = BrowserlessSession.signIn(port, "gil@nbu.test", People.PASSWORD).get("/account/notifications");
		assertThat(account.body()).contains("also e-mail <strong>gil@nbu.test</strong>").doesNotContain("not set up");
	}

	/**
	 * Keeps the mail's bodies in {@code target/mail-samples} to look at, as screenshots
	 * are.
	 */
	private static void sample(String name, String text, String html) throws java.io.IOException {
		java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/mail-samples"));
		java.nio.file.Files.writeString(dir.resolve(name + ".txt"), text);
		java.nio.file.Files.writeString(dir.resolve(name + ".html"), html);
	}

	private Delivery delivery(People p, String email, NotificationKind kind) {
		return preferences.preferences(p.id(email).value()).getOrDefault(kind, Delivery.IN_APP);
	}

	private static void choose(ApiClient who, String kind, String delivery) {
		var r = who.put("/api/v1/notifications/preferences", "{\"" + kind + "\":\"" + delivery + "\"}", null);
		assertThat(r.status()).as(r.text()).isEqualTo(200);
	}

	private static List<MimeMessage> arrived(String to, int count) {
		return await().atMost(Duration.ofSeconds(15)).until(() -> SMTP.to(to), l -> l.size() >= count);
	}

	/** A mail client's RFC 8058 one-click post: no cookie, no CSRF token. */
	private HttpResponse<String> oneClick(String path) throws Exception {
		HttpRequest post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
			.build();
		return HttpClient.newHttpClient().send(post, HttpResponse.BodyHandlers.ofString());
	}

}
