package dev.priora.portal;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.priora.support.ApiClient;
import dev.priora.support.BrowserlessSession;
import dev.priora.support.TestProduct;

import static dev.priora.support.Fixtures.aProduct;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A product's portal settings over the API (versions, fields named in refusals), a portal
 * that is off or private answering 404, the e-mail sign-in link (once, never for an
 * address a private portal does not admit, throttled), and a visitor's session reaching
 * no team page or API.
 */
class PortalSettingsIntegrationTest extends PortalTestBase {

	@Test
	void settingsStartOffAndAreReplacedOnlyWithTheCurrentVersion() {
		TestProduct p = aProduct("VZA").named("Portal settings").createdBy(api());
		var first = api().get(p.path("/portal"));
		assertThat(first.json().get("enabled").asBoolean()).isFalse();
		assertThat(first.json().get("title").asText()).isEqualTo("Portal settings");
		String body = ApiClient.json(Map.of("enabled", true, "title", "VZA ideas", "colour", "#112233", "categories",
				List.of("Reports", "Billing", "Reports")));
		assertThat(api().put(p.path("/portal"), body, null).status()).isEqualTo(428);
		var saved = api().put(p.path("/portal"), body, first.etag());
		assertThat(saved.status()).as(saved.text()).isEqualTo(200);
		assertThat(saved.json().get("categories")).hasSize(2);
		var stale = api().put(p.path("/portal"), body, first.etag());
		assertThat(stale.status()).isEqualTo(412);
	}

	@Test
	void badSettingsAreRefusedNamingTheirFieldsAndChangeNothing() {
		TestProduct p = aProduct("VZB").named("Portal refusals").createdBy(api());
		String etag = api().get(p.path("/portal")).etag();
		var bad = api().put(p.path("/portal"), ApiClient.json(Map.of("enabled", true, "title", "", "colour", "red",
				"privatePortal", true, "allowedDomains", List.of("not a domain"))), etag);
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").toString()).contains("\"title\"", "\"colour\"", "\"allowedDomains\"");
		assertThat(api().get(p.path("/portal")).json().get("enabled").asBoolean()).isFalse();
		assertThat(BrowserlessSession.anonymous(port).get("/portal/VZB").statusCode()).isEqualTo(404);
	}

	@Test
	void aPrivatePortalIsNotFoundForOutsidersAndMailsLinksOnlyToWhomItAdmits() {
		TestProduct p = aProduct("VZC").named("Private portal").createdBy(api());
		portal(api(), p, Map.of("privatePortal", true, "allowedDomains", List.of("inside.test")));
		BrowserlessSession outsider = BrowserlessSession.anonymous(port);
		assertThat(outsider.get("/portal/VZC").statusCode()).isEqualTo(404);
		assertThat(outsider.get("/portal/VZC/ideas.json").statusCode()).isEqualTo(404);
		assertThat(outsider.get("/portal/VZC/sign-in").statusCode()).isEqualTo(200);
		var asked = outsider.post("/portal/VZC/sign-in", Map.of("email", "eve@outside.test"));
		assertThat(asked.statusCode()).isEqualTo(302);
		BrowserlessSession insider = visitor("VZC", "ida@inside.test");
		assertThat(insider.get("/portal/VZC").statusCode()).isEqualTo(200);
		assertThat(SMTP.to("eve@outside.test")).isEmpty();
		portal(api(), p, Map.of("enabled", false));
		assertThat(insider.get("/portal/VZC").statusCode()).isEqualTo(404);
	}

	@Test
	void aSignInLinkWorksOnceAndTheVisitorReachesNoTeamPageOrApi() {
		TestProduct p = aProduct("VZD").named("Link once").createdBy(api());
		portal(api(), p, Map.of());
		BrowserlessSession visitor = visitor("VZD", "once@link.test");
		assertThat(visitor.get("/portal/VZD").body()).contains("once@link.test");
		String path = linkPath("once@link.test");
		BrowserlessSession thief = BrowserlessSession.anonymous(port);
		assertThat(thief.get(path).body()).contains("link-invalid");
		var reused = thief.post(path, Map.of());
		assertThat(reused.headers().firstValue("Location").orElse("")).endsWith(path);
		assertThat(thief.get("/portal/VZD").body()).doesNotContain("once@link.test");
		var team = visitor.get("/p/VZD/backlog");
		assertThat(team.statusCode()).isEqualTo(302);
		assertThat(team.headers().firstValue("Location").orElse("")).contains("/login");
		assertThat(visitor.get("/api/v1/products").statusCode()).isEqualTo(401);
		assertThat(visitor.post("/portal/VZD/sign-out", Map.of()).statusCode()).isEqualTo(302);
		assertThat(visitor.get("/portal/VZD").body()).doesNotContain("once@link.test");
	}

	@Test
	void signInLinksAreLimitedPerAddressAndAFilledHoneypotSendsNothing() {
		TestProduct p = aProduct("VZE").named("Link limits").createdBy(api());
		portal(api(), p, Map.of());
		BrowserlessSession s = BrowserlessSession.anonymous(port);
		assertThat(
				s.post("/portal/VZE/sign-in", Map.of("email", "bot@limit.test", "website", "http://spam")).statusCode())
			.isEqualTo(302);
		assertThat(s.post("/portal/VZE/sign-in", Map.of("email", "not-an-address")).body())
			.contains("email: is not an e-mail address");
		for (int i = 0; i < 5; i++) {
			assertThat(s.post("/portal/VZE/sign-in", Map.of("email", "many@limit.test")).statusCode()).isEqualTo(302);
		}
		var sixth = s.post("/portal/VZE/sign-in", Map.of("email", "many@limit.test"));
		assertThat(sixth.statusCode()).isEqualTo(200);
		assertThat(sixth.body()).contains("Too many sign-in links");
		linkPath("many@limit.test");
		assertThat(SMTP.to("bot@limit.test")).isEmpty();
	}

}
