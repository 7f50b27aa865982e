package dev.priora.followups;

import static dev.priora.support.Eventually.eventually;
import static dev.priora.support.Fixtures.aCustomer;
import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.aRelease;
import static dev.priora.support.Fixtures.aStory;
import static dev.priora.support.Fixtures.someFeedback;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.priora.mail.LoopbackSmtp;
import dev.priora.support.ApiClient;
import dev.priora.support.BrowserlessSession;
import dev.priora.support.IntegrationTestBase;
import dev.priora.support.TestProduct;
import tools.jackson.databind.JsonNode;

/**
 * Closing the loop: an item feedback is linked to is done, or its release is released,
 * and one message per person who asked is drafted; edited and sent, it reaches a real
 * SMTP server with their words quoted; automatic sending, dismissing, telling people
 * without an address in person, and what feedback, inbox and customer pages show.
 */
class FollowupsIntegrationTest extends IntegrationTestBase {

	static final LoopbackSmtp SMTP = new LoopbackSmtp();

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", SMTP::port);
		registry.add("priora.mail.from", () -> "Priora <priora@example.test>");
		registry.add("priora.base-url", () -> "https://priora.example.test");
	}

	@AfterAll
	static void stopServer() {
		SMTP.stop();
	}

	/**
	 * A product where Ana (with an address) asked twice for the export, Bo (no address)
	 * once, and Cy for another item.
	 */
	record Shop(TestProduct product, String export, String other, long acme, long ana, long bo, long cy,
			List<Long> feedback) {

		String followups(String query) {
			return product.path("/followups" + query);
		}

	}

	private Shop shop(String key) {
		TestProduct p = aProduct(key).named("Shop " + key).createdBy(api());
		String export = aStory("Export orders as CSV").estimate(3).ready().in(p);
		String other = aStory("Dark mode").estimate(2).ready().in(p);
		long acme = aCustomer("Acme").contact("Ana Lopez", "ana." + key.toLowerCase() + "@acme.test")
			.contact("Bo Berg", "")
			.in(p);
		JsonNode contacts = api().get(p.path("/customers/" + acme)).json().get("contacts");
		long ana = contacts.get(0).get("id").asLong();
		long bo = contacts.get(1).get("id").asLong();
		long zed = aCustomer("Zed").contact("Cy Zed", "cy." + key.toLowerCase() + "@zed.test").in(p);
		long cy = api().get(p.path("/customers/" + zed)).json().get("contacts").get(0).get("id").asLong();
		List<Long> feedback = new ArrayList<>();
		feedback.add(link(p, someFeedback("We need our orders in a spreadsheet every Monday").from(acme, ana).in(p),
				export, "orders in a spreadsheet"));
		feedback
			.add(link(p, someFeedback("Please: a CSV export <b>now</b> & forever").from(acme, ana).in(p), export, ""));
		feedback.add(link(p, someFeedback("Bo wants exports too").from(acme, bo).in(p), export, ""));
		feedback.add(link(p, someFeedback("Dark mode please").from(zed, cy).in(p), other, ""));
		return new Shop(p, export, other, acme, ana, bo, cy, feedback);
	}

	private long link(TestProduct p, long feedback, String item, String quote) {
		var r = api().post(p.path("/feedback/" + feedback + "/links"),
				ApiClient.json(Map.of("item", item, "importance", "IMPORTANT", "quote", quote)));
		assertThat(r.status()).as(r.text()).isBetween(200, 299);
		return feedback;
	}

	private JsonNode drafts(Shop s) {
		return api().get(s.followups("?status=DRAFT")).json();
	}

	private static JsonNode to(JsonNode messages, String name) {
		for (JsonNode m : messages) {
			if (name.equals(m.get("recipientName").asText())) {
				return m;
			}
		}
		throw new AssertionError("no message to " + name + " in " + messages);
	}

	@Test
	void anItemDoneDraftsOneMessagePerPersonWhoAskedForIt() {
		Shop s = shop("FUA");
		assertThat(drafts(s)).isEmpty();
		s.product().finish(s.export());
		JsonNode drafts = drafts(s);
		assertThat(drafts).hasSize(2);
		JsonNode ana = to(drafts, "Ana Lopez");
		assertThat(ana.get("recipientEmail").asText()).isEqualTo("ana.fua@acme.test");
		assertThat(ana.get("shipped").get("kind").asText()).isEqualTo("ITEM");
		assertThat(ana.get("shipped").get("name").asText()).isEqualTo(s.export() + " Export orders as CSV");
		assertThat(ana.get("feedbackIds")).hasSize(2);
		assertThat(ana.get("subject").asText()).isEqualTo("Now available: Export orders as CSV");
		assertThat(ana.get("body").asText()).startsWith("Hello Ana,")
			.contains("> orders in a spreadsheet", "> Please: a CSV export <b>now</b> & forever",
					"It has shipped: Export orders as CSV.", "The Shop FUA team");
		JsonNode bo = to(drafts, "Bo Berg");
		assertThat(bo.get("recipientEmail").isNull()).isTrue();
		assertThat(bo.get("mailable").asBoolean()).isFalse();
		assertThat(drafts.toString()).doesNotContain("Cy Zed");
	}

	@Test
	void anItemReopenedAndDoneAgainDraftsNothingNew() {
		Shop s = shop("FUB");
		s.product().finish(s.export());
		long ana = to(drafts(s), "Ana Lopez").get("id").asLong();
		assertThat(api().post(s.followups("/" + ana + "/dismiss"), null).status()).isEqualTo(200);
		for (String status : new String[] { "IN_PROGRESS", "DONE" }) {
			String etag = api().get(s.product().path("/items/" + s.export())).etag();
			assertThat(api()
				.patch(s.product().path("/items/" + s.export()), ApiClient.json(Map.of("status", status)), etag)
				.status()).isEqualTo(200);
		}
		assertThat(api().get(s.followups("")).json()).hasSize(2);
		assertThat(drafts(s)).hasSize(1);
	}

	@Test
	void aReleaseReleasedDraftsForTheAskersOfItsDoneItems() {
		TestProduct p = aProduct("FUC").named("Shop FUC").createdBy(api());
		String item = aStory("Gift cards").estimate(2).ready().in(p);
		long release = aRelease("Spring 2027").capacity(10).in(p);
		p.planInRelease(item, release);
		p.finish(item);
		long customer = aCustomer("Kite").contact("Kim Kite", "kim@kite.test").in(p);
		long feedback = link(p, someFeedback("Gift cards for our shop").from(customer).in(p), item, "gift cards");
		assertThat(api().get(p.path("/followups")).json()).as("linked after it was done").isEmpty();
		assertThat(api()
			.put(p.path("/releases/" + release), "{\"name\":\"Spring 2027\",\"capacity\":10,\"status\":\"RELEASED\"}",
					api().get(p.path("/releases/" + release)).etag())
			.status()).isEqualTo(200);
		JsonNode drafts = api().get(p.path("/followups")).json();
		assertThat(drafts).hasSize(1);
		JsonNode kim = drafts.get(0);
		assertThat(kim.get("recipientName").asText()).as("the customer's first contact").isEqualTo("Kim Kite");
		assertThat(kim.get("shipped").get("kind").asText()).isEqualTo("RELEASE");
		assertThat(kim.get("release").asText()).isEqualTo("Spring 2027");
		assertThat(kim.get("feedbackIds").get(0).asLong()).isEqualTo(feedback);
		assertThat(kim.get("subject").asText()).isEqualTo("Now available in Spring 2027: Gift cards");
		assertThat(kim.get("releaseNotes").asBoolean()).isFalse();
		api().put(p.path("/releases/" + release + "/release-notes"),
				"{\"markdown\":\"# Spring 2027\\n\\n- Gift cards for every shop\"}", null);
		assertThat(api().get(p.path("/followups")).json().get(0).get("releaseNotes").asBoolean()).isTrue();
	}

	@Test
	void anEditedDraftSentArrivesWithTheirWordsQuotedAndEscaped() throws Exception {
		Shop s = shop("FUD");
		s.product().finish(s.export());
		JsonNode ana = to(drafts(s), "Ana Lopez");
		String path = s.followups("/" + ana.get("id").asLong());
		var edited = api().patch(path, ApiClient.json(Map.of("subject", "Your CSV export is here", "body",
				ana.get("body").asText().replace("Hello Ana,", "Dear Ana,"))), api().get(path).etag());
		assertThat(edited.status()).as(edited.text()).isEqualTo(200);
		var sent = api().post(s.followups("/send"), "{\"ids\":[" + ana.get("id").asLong() + "]}");
		assertThat(sent.status()).as(sent.text()).isEqualTo(200);
		assertThat(sent.json().get("sent").asInt()).isEqualTo(1);
		MimeMessage mail = eventually().until(() -> SMTP.to("ana.fud@acme.test"), l -> !l.isEmpty()).get(0);
		assertThat(mail.getSubject()).isEqualTo("Your CSV export is here");
		assertThat(mail.getReplyTo()).as("the customer answers the person who sent it")
			.extracting(Object::toString)
			.containsExactly(ADMIN_EMAIL);
		String text = LoopbackSmtp.part(mail, "text/plain");
		String html = LoopbackSmtp.part(mail, "text/html");
		assertThat(text).contains("Dear Ana,", "> orders in a spreadsheet",
				"> Please: a CSV export <b>now</b> & forever");
		assertThat(html)
			.contains("Dear Ana,", "orders in a spreadsheet",
					"Please: a CSV export &lt;b&gt;now&lt;/b&gt; &amp; forever")
			.doesNotContain("<b>now</b>");
		JsonNode after = api().get(path).json();
		assertThat(after.get("status").asText()).isEqualTo("SENT");
		assertThat(after.get("toldAt").isNull()).isFalse();
		assertThat(api().post(s.followups("/send"), "{\"ids\":[" + ana.get("id").asLong() + "]}").status())
			.as("sent once")
			.isEqualTo(409);
		var ui = BrowserlessSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		assertThat(ui.get("/p/FUD/feedback/" + s.feedback().get(0)).body()).contains("id=\"feedback-told\"", "Told ");
		assertThat(ui.get("/p/FUD/customers/" + s.acme()).body()).contains("Your CSV export is here", "E-mailed");
	}

	@Test
	void withAutomaticSendingADraftIsSentAsSoonAsItIsMade() throws Exception {
		Shop s = shop("FUE");
		assertThat(api().put(s.followups("/settings"), "{\"autoSend\":true}", null).json().get("autoSend").asBoolean())
			.isTrue();
		s.product().finish(s.export());
		assertThat(drafts(s)).as("Bo has no address: he waits").hasSize(1);
		assertThat(api().get(s.followups("?status=SENT")).json()).hasSize(1);
		MimeMessage mail = eventually().until(() -> SMTP.to("ana.fue@acme.test"), l -> l.size() == 1).get(0);
		assertThat(mail.getReplyTo()).as("sent on its own: answers go to the product's owner")
			.extracting(Object::toString)
			.containsExactly(ADMIN_EMAIL);
	}

	@Test
	void aDismissedDraftIsNeitherSentNorTold() {
		Shop s = shop("FUF");
		s.product().finish(s.export());
		long ana = to(drafts(s), "Ana Lopez").get("id").asLong();
		JsonNode dismissed = api().post(s.followups("/" + ana + "/dismiss"), null).json();
		assertThat(dismissed.get("status").asText()).isEqualTo("DISMISSED");
		var refused = api().post(s.followups("/send"), "{\"ids\":[" + ana + "]}");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.text()).contains("dismissed");
		var ui = BrowserlessSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		assertThat(ui.get("/p/FUF/feedback/" + s.feedback().get(0)).body()).contains("Not told yet");
		assertThat(SMTP.to("ana.fuf@acme.test")).isEmpty();
	}

	@Test
	void somebodyWithoutAnAddressIsToldInPersonAndTheirFeedbackShowsIt() {
		Shop s = shop("FUG");
		s.product().finish(s.export());
		long bo = to(drafts(s), "Bo Berg").get("id").asLong();
		var refused = api().post(s.followups("/send"), "{\"ids\":[" + bo + "]}");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.text()).contains("no e-mail address");
		var ui = BrowserlessSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		assertThat(ui.get("/p/FUG/followups").body()).contains("id=\"in-person\"", "Bo Berg", "Mark as told");
		var told = ui.post("/p/FUG/followups/" + bo + "/told", Map.of());
		assertThat(told.statusCode()).isEqualTo(302);
		assertThat(api().get(s.followups("/" + bo)).json().get("status").asText()).isEqualTo("MANUAL");
		assertThat(ui.get("/p/FUG/feedback/" + s.feedback().get(2)).body()).contains("Told ");
		assertThat(ui.get("/p/FUG/feedback?status=ALL").body()).contains("told-state told");
		assertThat(ui.get("/p/FUG/customers/" + s.acme()).body()).contains("Told in person");
	}

	@Test
	void badInputIsRefusedNamingTheFieldAndChangesNothing() {
		Shop s = shop("FUH");
		s.product().finish(s.export());
		JsonNode ana = to(drafts(s), "Ana Lopez");
		String path = s.followups("/" + ana.get("id").asLong());
		String etag = api().get(path).etag();
		assertThat(api().patch(path, "{\"subject\":\"  \"}", etag).text()).contains("\"subject\"");
		assertThat(api().patch(path, "{\"subject\":\"two\\nlines\"}", etag).status()).isEqualTo(400);
		var tooLong = api().patch(path, ApiClient.json(Map.of("body", "x".repeat(20_001))), etag);
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.text()).contains("body");
		assertThat(api().patch(path, "{\"subject\":\"Fine\"}", null).status()).isEqualTo(428);
		assertThat(api().patch(path, "{\"subject\":\"Fine\"}", "\"99\"").status()).isEqualTo(412);
		var noIds = api().post(s.followups("/send"), "{\"ids\":[]}");
		assertThat(noIds.status()).isEqualTo(400);
		assertThat(noIds.text()).contains("ids");
		var unknown = api().post(s.followups("/send"), "{\"ids\":[" + ana.get("id").asLong() + ", 999999]}");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.text()).contains("ids", "999999");
		assertThat(api().get(s.followups("?status=LOST")).status()).isEqualTo(400);
		assertThat(api().post(s.followups("/999999/dismiss"), null).status()).isEqualTo(404);
		assertThat(api().put(s.followups("/settings"), "{}", null).text()).contains("autoSend");
		JsonNode unchanged = api().get(path).json();
		assertThat(unchanged.get("subject").asText()).isEqualTo(ana.get("subject").asText());
		assertThat(unchanged.get("status").asText()).isEqualTo("DRAFT");
		assertThat(SMTP.to("ana.fuh@acme.test")).isEmpty();
	}

	@Test
	void anotherProductsMessagesAreNotFound() {
		Shop s = shop("FUI");
		s.product().finish(s.export());
		long ana = to(drafts(s), "Ana Lopez").get("id").asLong();
		TestProduct other = aProduct("FUJ").named("Other").createdBy(api());
		assertThat(api().get(other.path("/followups/" + ana)).status()).isEqualTo(404);
		assertThat(api().post(other.path("/followups/send"), "{\"ids\":[" + ana + "]}").status()).isEqualTo(400);
		assertThat(api().post(other.path("/followups/" + ana + "/told"), null).status()).isEqualTo(404);
		assertThat(api().get(s.followups("/" + ana)).json().get("status").asText()).isEqualTo("DRAFT");
	}

}
