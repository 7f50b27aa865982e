package dev.priora.portal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import dev.priora.mail.LoopbackSmtp;
import dev.priora.support.ApiClient;
import dev.priora.support.BrowserlessSession;
import dev.priora.support.TestProduct;

import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.aStory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The portal's public roadmap (only items marked public, with the ideas behind them), the
 * changelog from published release notes with its RSS and Atom feeds, e-mail
 * subscriptions with signed one-click unsubscribe links, and the visitors' JSON search.
 */
class PortalChangelogIntegrationTest extends PortalTestBase {

	@Test
	void theRoadmapShowsOnlyPublicItemsWithTheirIdeas() {
		TestProduct p = aProduct("VZQ").named("Portal roadmap").createdBy(api());
		portal(api(), p, Map.of());
		String shown = aStory("Offline mode <b>beta</b>").estimate(3).in(p);
		String secret = aStory("Acquisition prep").estimate(5).in(p);
		long next = release(p, "Spring release");
		long later = release(p, "Summer release");
		plan(p, shown, next);
		plan(p, secret, later);
		assertThat(api().get(p.path("/portal/items/" + shown)).json().get("publicOnPortal").asBoolean()).isFalse();
		var put = api().put(p.path("/portal/items/" + shown), "{\"publicOnPortal\":true}", null);
		assertThat(put.status()).as(put.text()).isEqualTo(200);
		assertThat(api().put(p.path("/portal/items/VZQ-999"), "{\"publicOnPortal\":true}", null).status())
			.isEqualTo(404);
		assertThat(api().put(p.path("/portal/items/" + shown), "{}", null).status()).isEqualTo(400);
		BrowserlessSession v = visitor("VZQ", "v@vzq.test");
		long idea = postIdea(v, "VZQ", "Work without network", "On trains.");
		long feedback = api().get(p.path("/portal/ideas")).json().get(0).get("feedbackId").asLong();
		api().post(p.path("/feedback/" + feedback + "/links"),
				"{\"item\":\"" + shown + "\",\"importance\":\"IMPORTANT\"}");
		String page = BrowserlessSession.anonymous(port).get("/portal/VZQ/roadmap").body();
		assertThat(page).contains("Offline mode &lt;b&gt;beta&lt;/b&gt;", "Spring release", "/portal/VZQ/ideas/" + idea)
			.doesNotContain("Acquisition prep", "<b>beta</b>");
		api().put(p.path("/portal/items/" + shown), "{\"publicOnPortal\":false}", null);
		assertThat(BrowserlessSession.anonymous(port).get("/portal/VZQ/roadmap").body()).doesNotContain("Offline mode");
	}

	@Test
	void subscribersGetPublishedNotesOnceAndUnsubscribeWithOneClick() throws Exception {
		TestProduct p = aProduct("VZR").named("Portal changelog").createdBy(api());
		portal(api(), p, Map.of());
		BrowserlessSession sue = visitor("VZR", "sue@vzr.test");
		assertThat(sue.post("/portal/VZR/changelog/subscribe", Map.of("subscribe", "true")).statusCode())
			.isEqualTo(302);
		assertThat(sue.get("/portal/VZR/changelog").body()).contains("Subscribed: stop e-mails",
				"rel=\"alternate\" type=\"application/rss+xml\"", "/portal/VZR/changelog.atom");
		long r1 = release(p, "Release <1>");
		publish(p, r1, "# Release 1\n\n- Faster <script>alert(1)</script> search");
		publish(p, r1, "# Release 1\n\n- Faster search, fixed");
		await().atMost(Duration.ofSeconds(20)).until(() -> !mails("sue@vzr.test").isEmpty());
		MimeMessage mail = mails("sue@vzr.test").get(0);
		String text = LoopbackSmtp.part(mail, "text/plain");
		assertThat(text).contains("Faster");
		assertThat(mail.getHeader("List-Unsubscribe")[0]).contains("/portal/VZR/unsubscribe/");

		String changelog = BrowserlessSession.anonymous(port).get("/portal/VZR/changelog").body();
		assertThat(changelog).contains("Faster search, fixed").doesNotContain("<script>alert");
		var rss = BrowserlessSession.anonymous(port).get("/portal/VZR/changelog.rss");
		assertThat(rss.statusCode()).isEqualTo(200);
		assertThat(rss.headers().firstValue("Content-Type").orElse("")).startsWith("application/rss+xml");
		assertThat(rss.body()).contains("<rss", "Release &lt;1&gt;", "/portal/VZR/changelog#release-" + r1);
		var atom = BrowserlessSession.anonymous(port).get("/portal/VZR/changelog.atom");
		assertThat(atom.body()).contains("<feed", "http://www.w3.org/2005/Atom", "Release &lt;1&gt;");

		String path = unsubscribePath(text);
		BrowserlessSession stranger = BrowserlessSession.anonymous(port);
		assertThat(stranger.get(path).body()).contains("confirm-unsubscribe", "the changelog");
		String forged = path.substring(0, path.length() - 3) + (path.endsWith("AAA") ? "BBB" : "AAA");
		assertThat(stranger.get(forged).statusCode()).isEqualTo(404);
		assertThat(stranger.post(forged, Map.of()).statusCode()).isEqualTo(404);
		// a mail client's RFC 8058 post: no session, no CSRF token
		var done = stranger.post(path, Map.of("List-Unsubscribe", "One-Click"));
		assertThat(done.statusCode()).isEqualTo(200);
		assertThat(done.body()).contains("You no longer get e-mails about");
		assertThat(sue.get("/portal/VZR/changelog").body()).contains("E-mail me new release notes");
		long r2 = release(p, "Release 2");
		publish(p, r2, "# Release 2");
		assertThat(BrowserlessSession.anonymous(port).get("/portal/VZR/changelog.rss").body()).contains("Release 2");
		assertThat(mails("sue@vzr.test")).hasSize(1);
	}

	@Test
	void followersOfAnIdeaAreMailedItsStatusAndStopWithTheMailsLink() throws Exception {
		TestProduct p = aProduct("VZS").named("Portal idea mails").createdBy(api());
		portal(api(), p, Map.of("statusNames", Map.of("DECLINED", "Not planned")));
		BrowserlessSession poster = visitor("VZS", "poster@vzs.test");
		long idea = postIdea(poster, "VZS", "Gantt chart", "Like the old tool.");
		api().put(p.path("/portal/ideas/" + idea + "/status"),
				"{\"status\":\"DECLINED\",\"reason\":\"The timeline covers it\"}", null);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> SMTP.to("poster@vzs.test").stream().anyMatch(m -> subject(m).startsWith("Not planned: ")));
		MimeMessage mail = SMTP.to("poster@vzs.test")
			.stream()
			.filter(m -> subject(m).startsWith("Not planned"))
			.findFirst()
			.orElseThrow();
		String text = LoopbackSmtp.part(mail, "text/plain");
		assertThat(text).contains("The timeline covers it");
		assertThat(poster.get("/portal/VZS/ideas/" + idea).body()).contains("Following: stop");
		var done = BrowserlessSession.anonymous(port).post(unsubscribePath(text), Map.of());
		assertThat(done.body()).contains("idea #" + idea);
		assertThat(poster.get("/portal/VZS/ideas/" + idea).body()).contains(">Follow<");
	}

	@Test
	void visitorsSearchIdeasAsJson() {
		TestProduct p = aProduct("VZT").named("Portal search").createdBy(api());
		portal(api(), p, Map.of());
		BrowserlessSession v = visitor("VZT", "v@vzt.test");
		postIdea(v, "VZT", "Calendar sync", "Google and Outlook.");
		postIdea(v, "VZT", "Dark theme", "100% black, please_now");
		var anon = BrowserlessSession.anonymous(port);
		assertThat(anon.get("/portal/VZT/api/ideas?q=outlook").body()).contains("Calendar sync")
			.doesNotContain("Dark theme");
		assertThat(anon.get("/portal/VZT/api/ideas?q=100%25").body()).contains("Dark theme").doesNotContain("Calendar");
		assertThat(anon.get("/portal/VZT/api/ideas?q=_").body()).contains("Dark theme").doesNotContain("Calendar");
		assertThat(anon.get("/portal/VZT/api/ideas?sort=new").body()).contains("Dark theme", "Calendar sync");
		var tooLong = anon.get("/portal/VZT/api/ideas?q=" + "x".repeat(201));
		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(tooLong.body()).contains("q");
	}

	private long release(TestProduct p, String name) {
		var r = api().post(p.path("/releases"), ApiClient.json(Map.of("name", name, "capacity", 40)));
		assertThat(r.status()).as(r.text()).isBetween(200, 201);
		return r.json().get("id").asLong();
	}

	private void plan(TestProduct p, String item, long release) {
		var r = api().put(p.path("/items/" + item + "/release"), ApiClient.json(Map.of("releaseId", release)), null);
		assertThat(r.status()).as(r.text()).isBetween(200, 204);
	}

	private void publish(TestProduct p, long release, String markdown) {
		var r = api().put(p.path("/releases/" + release + "/release-notes"),
				ApiClient.json(Map.of("markdown", markdown)), null);
		assertThat(r.status()).as(r.text()).isEqualTo(200);
	}

	private static List<MimeMessage> mails(String to) {
		return SMTP.to(to).stream().filter(m -> subject(m).startsWith("New in ")).toList();
	}

	private static String subject(MimeMessage m) {
		try {
			return m.getSubject();
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String unsubscribePath(String text) {
		return PortalMails.unsubscribePath(text);
	}

}
