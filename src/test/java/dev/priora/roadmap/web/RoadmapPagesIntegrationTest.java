package dev.priora.roadmap.web;

import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.aRelease;
import static dev.priora.support.Fixtures.aStory;
import static dev.priora.support.Fixtures.anObjective;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.priora.accounts.AccountService;
import dev.priora.accounts.ProductRole;
import dev.priora.accounts.ProductRoles;
import dev.priora.support.ApiClient;
import dev.priora.support.BrowserlessSession;
import dev.priora.support.IntegrationTestBase;
import dev.priora.support.TestProduct;

/**
 * The roadmap's forms as a product owner uses them: a refused alignment is shown next to
 * its form, an item page chooses the item's objectives, and release notes read as
 * rendered, sanitized Markdown.
 */
class RoadmapPagesIntegrationTest extends IntegrationTestBase {

	@Autowired
	AccountService accounts;

	@Autowired
	ProductRoles roles;

	@Test
	void alignFormShowsARefusalNextToItWithWhatWasTypedKept() {
		ApiClient api = api();
		TestProduct product = aProduct("RPA").named("Align refusals").createdBy(api);
		String base = product.base();
		aProduct("RPB").named("Other product").createdBy(api);
		long objective = anObjective("Conversion").in(product);
		aStory("Gift cards").in(product);
		api.post("/api/v1/products/RPB/items", "{\"type\":\"STORY\",\"title\":\"Elsewhere\"}");
		BrowserlessSession owner = BrowserlessSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);

		for (String typed : new String[] { "RPA-99", "RPB-1", "42", "gift cards" }) {
			HttpResponse<String> refused = owner.post("/p/RPA/roadmap/align",
					Map.of("item", typed, "objective", String.valueOf(objective)));
			assertThat(refused.statusCode()).as(typed).isEqualTo(200);
			String form = form(refused.body());
			assertThat(form).as(typed).contains("class=\"error-summary\"").contains("data-field=\"item\"");
			assertThat(form).as(typed).contains("value=\"" + typed + "\"");
			assertThat(refused.body()).contains("<h1>Roadmap</h1>");
		}
		assertThat(
				form(owner.post("/p/RPA/roadmap/align", Map.of("item", "RPA-99", "objective", "" + objective)).body()))
			.contains("&#39;RPA-99&#39; is no item of RPA");
		HttpResponse<String> noObjective = owner.post("/p/RPA/roadmap/align", Map.of("item", "RPA-1"));
		assertThat(form(noObjective.body())).contains("data-field=\"objective\"").contains("value=\"RPA-1\"");
		assertThat(api.get(base + "/objectives").json().get(0).get("items")).isEmpty();

		HttpResponse<String> aligned = owner.post("/p/RPA/roadmap/align",
				Map.of("item", "1", "objective", String.valueOf(objective)));
		assertThat(aligned.statusCode()).isEqualTo(302);
		assertThat(api.get(base + "/objectives").json().get(0).get("items").toString()).isEqualTo("[\"RPA-1\"]");
	}

	@Test
	void itemPageAlignsTheItemWithExactlyTheTickedObjectives() {
		ApiClient api = api();
		TestProduct product = aProduct("RPO").named("Item objectives").createdBy(api);
		String base = product.base();
		aProduct("RPX").named("Other objectives").createdBy(api);
		long conversion = anObjective("Conversion").in(product);
		long retention = anObjective("Retention").in(product);
		long foreign = api.post("/api/v1/products/RPX/objectives", "{\"title\":\"Foreign\"}").json().get("id").asLong();
		aStory("Gift cards").in(product);
		BrowserlessSession owner = BrowserlessSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		String part = "/p/RPO/items/RPO-1/objectives";

		assertThat(owner.get("/p/RPO/items/RPO-1").body()).contains("hx-get=\"" + part + "\"");
		String before = owner.get(part).body();
		assertThat(before).contains("id=\"objectives-form\"")
			.contains("Serves no objective yet")
			.doesNotContain("checked");

		HttpResponse<String> saved = owner.post(part, List.of(Map.entry("objectives", String.valueOf(conversion)),
				Map.entry("objectives", String.valueOf(retention))));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(saved.headers().firstValue("Location").orElse("")).endsWith("/p/RPO/items/RPO-1");
		String after = owner.get(part).body();
		assertThat(after).contains("value=\"" + conversion + "\" checked=\"checked\"")
			.contains("value=\"" + retention + "\" checked=\"checked\"");
		assertThat(api.get(base + "/alignment").json().get("objectives").size()).isEqualTo(2);
		assertThat(api.get(base + "/objectives").json().get(1).get("items").toString()).isEqualTo("[\"RPO-1\"]");

		// another product's objective is refused and nothing changes
		HttpResponse<String> refused = owner.post(part, List.of(Map.entry("objectives", String.valueOf(foreign))));
		assertThat(refused.statusCode()).isEqualTo(404);
		assertThat(owner.get(part).body()).contains("value=\"" + retention + "\" checked=\"checked\"");

		// none ticked: aligned with none
		assertThat(owner.post(part, List.of()).statusCode()).isEqualTo(302);
		assertThat(owner.get(part).body()).doesNotContain("checked").contains("Serves no objective yet");

	}

	@Test
	void aligningAnItemNeedsManageRoadmapOnThePageAndInTheApiAndOnlyThoseWhoMaySeeThePicker() {
		ApiClient api = api();
		TestProduct product = aProduct("RPM").named("Who aligns").createdBy(api);
		String base = product.base();
		long conversion = anObjective("Conversion").in(product);
		aStory("Gift cards").in(product);
		var admin = accounts.findByEmail(ADMIN_EMAIL).orElseThrow().id();
		accounts.createUser("manager@rpm.test", "Manon Manager", "a long password", false);
		accounts.createUser("member@rpm.test", "Mo Member", "a long password", false);
		roles.grant("RPM", "manager@rpm.test", ProductRole.MANAGER, admin);
		roles.grant("RPM", "member@rpm.test", ProductRole.MEMBER, admin);
		String part = "/p/RPM/items/RPM-1/objectives";
		String body = "{\"objectives\":[" + conversion + "]}";

		// the manager (roadmap, no backlog editing) aligns through the API and on the
		// page
		ApiClient manager = ApiClient.signIn(port, "manager@rpm.test", "a long password");
		assertThat(manager.put(base + "/items/RPM-1/objectives", body, null).status()).isEqualTo(204);
		BrowserlessSession managerPage = BrowserlessSession.signIn(port, "manager@rpm.test", "a long password");
		assertThat(managerPage.get(part).body()).contains("id=\"objectives-form\"");
		assertThat(managerPage.post(part, List.of()).statusCode()).isEqualTo(302);
		assertThat(api.get(base + "/objectives").json().get(0).get("items")).isEmpty();

		// a member sees what the item serves, without the picker, and may not change it
		api.put(base + "/items/RPM-1/objectives", body, null);
		ApiClient member = ApiClient.signIn(port, "member@rpm.test", "a long password");
		assertThat(member.put(base + "/items/RPM-1/objectives", "{\"objectives\":[]}", null).status()).isEqualTo(403);
		BrowserlessSession memberPage = BrowserlessSession.signIn(port, "member@rpm.test", "a long password");
		assertThat(memberPage.get(part).body()).doesNotContain("objectives-form")
			.contains("id=\"item-objectives-now\"")
			.contains("Conversion");
		assertThat(memberPage.post(part, List.of()).statusCode()).isEqualTo(403);
		assertThat(api.get(base + "/objectives").json().get(0).get("items").toString()).isEqualTo("[\"RPM-1\"]");
	}

	@Test
	void releaseNotesAreShownAsRenderedSanitizedMarkdown() {
		ApiClient api = api();
		TestProduct product = aProduct("RPN").named("Release notes").createdBy(api);
		String base = product.base();
		long release = aRelease("Spring").capacity(20).in(product);
		BrowserlessSession owner = BrowserlessSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		String page = "/p/RPN/releases/" + release + "/notes";

		// the draft reads as it will when published
		String draft = owner.get(page).body();
		assertThat(draft).contains("id=\"draft-notes\"").contains("<h1>Spring</h1>");

		HttpResponse<String> published = owner.post(page, Map.of("markdown",
				"# Spring\n\n**Faster** checkout <script>alert(1)</script>\n\n- [docs](javascript:alert(2))\n- item"));
		assertThat(published.statusCode()).isEqualTo(302);
		String body = owner.get(page).body();
		String notes = body.substring(body.indexOf("id=\"published-notes\""));
		notes = notes.substring(0, notes.indexOf("</section>"));
		assertThat(notes).contains("<h1>Spring</h1>")
			.contains("<strong>Faster</strong>")
			.contains("<li>item</li>")
			.contains("&lt;script&gt;")
			.doesNotContain("<script>")
			.doesNotContain("javascript:")
			.doesNotContain("**Faster**");
	}

	private static String form(String html) {
		int start = html.indexOf("id=\"align-form\"");
		assertThat(start).as("the align form").isNotNegative();
		return html.substring(start, html.indexOf("</form>", start));
	}

}
