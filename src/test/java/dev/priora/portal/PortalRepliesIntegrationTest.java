package dev.priora.portal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import dev.priora.mail.LoopbackSmtp;
import dev.priora.support.BrowserlessSession;
import dev.priora.support.TestProduct;

import static dev.priora.support.Fixtures.aProduct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The team's replies to visitors: posted, edited (at the version read) and deleted over
 * the API and on the team's idea page, shown on the portal with the author's name and a
 * Team badge, Markdown rendered with HTML escaped, mailed to the followers with the
 * one-click stop; they move with a merged idea.
 */
class PortalRepliesIntegrationTest extends PortalTestBase {

	@Test
	void aReplyIsShownWithTheTeamBadgeAndMailedToFollowersWhoStopWithOneClick() throws Exception {
		TestProduct p = aProduct("VYA").named("Portal replies").createdBy(api());
		portal(api(), p, Map.of());
		BrowserlessSession poster = visitor("VYA", "poster@vya.test");
		long idea = postIdea(poster, "VYA", "Recurring invoices", "Every month, please.");
		BrowserlessSession fan = visitor("VYA", "fan@vya.test");
		fan.post("/portal/VYA/ideas/" + idea + "/follow", Map.of("follow", "true"));
		fan.post("/portal/VYA/ideas/" + idea + "/comments", Map.of("body", "Yes, *monthly*."));

		var posted = api().post(p.path("/portal/ideas/" + idea + "/replies"),
				"{\"body\":\"We are **on it**. <script>alert(1)</script>\"}");
		assertThat(posted.status()).as(posted.text()).isEqualTo(201);
		String author = posted.json().get("author").asText();
		long reply = posted.json().get("id").asLong();
		assertThat(author).isNotBlank();
		assertThat(posted.etag()).isEqualTo("\"0\"");

		String page = fan.get("/portal/VYA/ideas/" + idea).body();
		assertThat(page).contains("team-reply", ">Team<", ">" + author + "<", "<strong>on it</strong>",
				"&lt;script&gt;alert(1)&lt;/script&gt;", "2 comments");
		assertThat(page).doesNotContain("<script>alert(1)");

		await().atMost(Duration.ofSeconds(20))
			.until(() -> replied(SMTP.to("fan@vya.test")) == 1 && replied(SMTP.to("poster@vya.test")) == 1);
		MimeMessage mail = SMTP.to("fan@vya.test")
			.stream()
			.filter(PortalRepliesIntegrationTest::isReply)
			.findFirst()
			.orElseThrow();
		assertThat(mail.getSubject()).isEqualTo("The team replied: Recurring invoices");
		assertThat(mail.getHeader("List-Unsubscribe")).isNotNull();
		String text = LoopbackSmtp.part(mail, "text/plain");
		assertThat(text).contains(author + " of the team replied", "We are **on it**.", "/portal/VYA/ideas/" + idea);
		assertThat(LoopbackSmtp.part(mail, "text/html")).contains("&lt;script&gt;").doesNotContain("<script>");
		var stopped = BrowserlessSession.anonymous(port).post(unsubscribePath(text), Map.of());
		assertThat(stopped.body()).contains("idea #" + idea);

		// an edit mails nobody; a second reply reaches only who still follows
		var current = api().get(p.path("/portal/ideas/" + idea + "/replies/" + reply));
		String edit = "{\"body\":\"We shipped it in *2.4*.\"}";
		assertThat(api().put(p.path("/portal/ideas/" + idea + "/replies/" + reply), edit, null).status())
			.isEqualTo(428);
		assertThat(api().put(p.path("/portal/ideas/" + idea + "/replies/" + reply), edit, current.etag()).status())
			.isEqualTo(200);
		var stale = api().put(p.path("/portal/ideas/" + idea + "/replies/" + reply), edit, current.etag());
		assertThat(stale.status()).isEqualTo(412);
		assertThat(fan.get("/portal/VYA/ideas/" + idea).body()).contains("<em>2.4</em>", "· edited")
			.doesNotContain("on it");
		api().post(p.path("/portal/ideas/" + idea + "/replies"), "{\"body\":\"And more to come.\"}");
		await().atMost(Duration.ofSeconds(20)).until(() -> replied(SMTP.to("poster@vya.test")) == 2);
		assertThat(replied(SMTP.to("fan@vya.test"))).isEqualTo(1);
	}

	@Test
	void badRepliesAreRefusedNamingTheFieldAndDeletedOnesDisappear() {
		TestProduct p = aProduct("VYB").named("Portal reply refusals").createdBy(api());
		portal(api(), p, Map.of());
		TestProduct other = aProduct("VYC").named("Another portal").createdBy(api());
		portal(api(), other, Map.of());
		BrowserlessSession v = visitor("VYB", "ann@vyb.test");
		long idea = postIdea(v, "VYB", "Offline mode", "On the train.");
		for (String body : List.of("{}", "{\"body\":\"  \"}", "{\"body\":\"" + "x".repeat(5001) + "\"}",
				"{\"body\":\"a\\u0000b\"}")) {
			var bad = api().post(p.path("/portal/ideas/" + idea + "/replies"), body);
			assertThat(bad.status()).as(body).isEqualTo(400);
			assertThat(bad.text()).contains("\"body\"");
		}
		assertThat(api().post(other.path("/portal/ideas/" + idea + "/replies"), "{\"body\":\"Hi\"}").status())
			.isEqualTo(404);
		assertThat(api().get(p.path("/portal/ideas/" + idea + "/replies")).json()).isEmpty();

		long reply = api().post(p.path("/portal/ideas/" + idea + "/replies"), "{\"body\":\"Soon.\"}")
			.json()
			.get("id")
			.asLong();
		assertThat(api().get(other.path("/portal/ideas/" + idea + "/replies/" + reply)).status()).isEqualTo(404);
		assertThat(api().delete(p.path("/portal/ideas/" + idea + "/replies/" + reply), null).status()).isEqualTo(204);
		assertThat(api().delete(p.path("/portal/ideas/" + idea + "/replies/" + reply), null).status()).isEqualTo(404);
		assertThat(v.get("/portal/VYB/ideas/" + idea).body()).doesNotContain("Soon.", "team-reply");

		// the team's page: post, edit and delete with forms (post/redirect/get)
		BrowserlessSession team = BrowserlessSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		var empty = team.post("/p/VYB/portal/ideas/" + idea + "/replies", Map.of("body", " "));
		assertThat(empty.statusCode()).isEqualTo(200);
		assertThat(empty.body()).contains("body: is required");
		var made = team.post("/p/VYB/portal/ideas/" + idea + "/replies", Map.of("body", "Planned for **May**."));
		assertThat(made.statusCode()).isEqualTo(302);
		String page = team.get("/p/VYB/portal/ideas/" + idea).body();
		assertThat(page).contains("<strong>May</strong>", "Offline mode", "On the train.", "Who wants it");
		long id = api().get(p.path("/portal/ideas/" + idea + "/replies")).json().get(0).get("id").asLong();
		assertThat(team.post("/p/VYB/portal/ideas/" + idea + "/replies/" + id, Map.of("body", "June.", "version", "0"))
			.statusCode()).isEqualTo(302);
		assertThat(v.get("/portal/VYB/ideas/" + idea).body()).contains("June.");
		assertThat(team.post("/p/VYB/portal/ideas/" + idea + "/replies/" + id + "/delete", Map.of()).statusCode())
			.isEqualTo(302);
		assertThat(v.get("/portal/VYB/ideas/" + idea).body()).doesNotContain("June.");
	}

	@Test
	void repliesMoveWithAMergedIdeaWhichTakesNoMore() {
		TestProduct p = aProduct("VYD").named("Portal reply merge").createdBy(api());
		portal(api(), p, Map.of());
		BrowserlessSession v = visitor("VYD", "ann@vyd.test");
		long kept = postIdea(v, "VYD", "Two-factor sign-in", "Safer.");
		long dup = postIdea(v, "VYD", "2FA", "Same.");
		api().post(p.path("/portal/ideas/" + dup + "/replies"), "{\"body\":\"Thanks for asking.\"}");
		api().post(p.path("/portal/ideas/" + dup + "/merge"), "{\"into\":" + kept + "}");
		assertThat(api().get(p.path("/portal/ideas/" + kept + "/replies")).json().get(0).get("body").asText())
			.isEqualTo("Thanks for asking.");
		var refused = api().post(p.path("/portal/ideas/" + dup + "/replies"), "{\"body\":\"More.\"}");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(v.get("/portal/VYD/ideas/" + kept).body()).contains("Thanks for asking.");
	}

	private static long replied(List<MimeMessage> mails) {
		return mails.stream().filter(PortalRepliesIntegrationTest::isReply).count();
	}

	private static boolean isReply(MimeMessage m) {
		try {
			return m.getSubject().startsWith("The team replied: ");
		}
		catch (MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String unsubscribePath(String text) {
		return PortalMails.unsubscribePath(text);
	}

}
