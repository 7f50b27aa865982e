package dev.priora.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import dev.priora.support.ApiClient;
import dev.priora.support.BrowserTestBase;
import dev.priora.support.Fixtures;
import dev.priora.support.TestOpenIdProvider;

/**
 * Portal visitors sign in with the organisation's single sign-on in Chromium, against a
 * real OpenID provider on a loopback port: the owner ticks the provider on the Portal
 * page; a customer's person goes portal sign-in page → provider login → consent →
 * callback and is a visitor of their customer, not a Priora user; a private portal's
 * allow-list refuses an outsider with the reason; a team member who signs in to the
 * portal this way stays signed in to Priora as before.
 */
class PortalSsoBrowserTest extends BrowserTestBase {

	private static final String PRODUCT = "SSOW";

	@Autowired
	Portals portals;

	@Autowired
	JdbcClient jdbc;

	private final List<String> consoleErrors = new CopyOnWriteArrayList<>();

	@AfterEach
	void removeProvider() {
		jdbc.sql("delete from sso_providers where name = 'Customer login'").update();
		jdbc.sql("delete from portal_sign_in_providers where product_key = ?").param(PRODUCT).update();
	}

	private Page watched(Page p) {
		p.onConsoleMessage(m -> {
			// Priora's pages only: the test provider's pages are not ours
			if ("error".equals(m.type()) && m.location() != null && m.location().contains("127.0.0.1")) {
				consoleErrors.add(m.text());
			}
		});
		return p;
	}

	/** The product, its customer and open portal, and a provider it offers. */
	private String setUp(boolean privatePortal) {
		ApiClient api = api();
		if (jdbc.sql("select count(*) from products where product_key = ?")
			.param(PRODUCT)
			.query(Long.class)
			.single()
			.equals(0L)) {
			var product = Fixtures.aProduct(PRODUCT).named("Portal sign-on").createdBy(api);
			Fixtures.aCustomer("Acme SSOW").contact("Buyer", "buyer@acme-ssow.example").in(product);
		}
		portals.update(PRODUCT, new PortalSettingsDraft(true, "Acme ideas", "", "#4f46e5", privatePortal,
				List.of("acme-ssow.example"), List.of(), List.of(), false), portals.get(PRODUCT).version());
		TestOpenIdProvider idp = TestOpenIdProvider.shared();
		var added = api.post("/api/v1/admin/sso/providers",
				ApiClient.json(Map.of("name", "Customer login", "issuerUri", idp.issuer(), "clientId",
						TestOpenIdProvider.CLIENT_ID, "clientSecret", TestOpenIdProvider.CLIENT_SECRET)));
		String registration = added.json().get("registrationId").asText();
		idp.allowRedirect("http://127.0.0.1:" + port + "/login/oauth2/code/" + registration);

		watched(page);
		signIn();
		page.navigate("/p/" + PRODUCT + "/portal");
		page.locator("#visitor-sso-form input[data-provider=" + registration + "]").check();
		page.locator("#save-visitor-sso").click();
		assertThat(page.locator(".toast")).containsText("Sign-in providers saved");
		page.reload();
		assertThat(page.locator("#visitor-sso-form input[data-provider=" + registration + "]")).isChecked();
		return registration;
	}

	private TestOpenIdProvider.Person person(String name, String email) {
		TestOpenIdProvider.Person person = new TestOpenIdProvider.Person(name, name + "'s password", email, true,
				List.of("customers"));
		TestOpenIdProvider.shared().add(person);
		return person;
	}

	/** On the portal's sign-in page: "Sign in with Customer login" and the provider. */
	private void throughTheProvider(Page p, TestOpenIdProvider.Person person) {
		p.navigate("/portal/" + PRODUCT + "/sign-in");
		assertThat(p.locator("#portal-sso-buttons a")).hasText("Sign in with Customer login");
		p.locator("#portal-sso-buttons a").click();
		TestOpenIdProvider.signInAndConsent(p, person);
		p.waitForURL(url -> url.startsWith("http://127.0.0.1:" + port + "/portal/" + PRODUCT));
	}

	@Test
	void aCustomersPersonSignsInToThePortalAndIsAVisitorOfTheirCustomer() {
		setUp(false);
		screenshot("portal-sso-settings");
		BrowserContext other = newContext();
		Page carol = watched(other.newPage());
		carol.navigate("/portal/" + PRODUCT + "/sign-in");
		carol.screenshot(new Page.ScreenshotOptions().setFullPage(true)
			.setPath(Path.of("target/screenshots", "portal-sso-sign-in.png")));
		throughTheProvider(carol, person("carol", "carol@acme-ssow.example"));
		carol.waitForURL("**/portal/" + PRODUCT);
		assertThat(carol.locator(".toast")).containsText("You are signed in as carol@acme-ssow.example");
		assertThat(carol.locator("#portal-visitor")).hasText("carol@acme-ssow.example");
		carol.screenshot(new Page.ScreenshotOptions().setFullPage(true)
			.setPath(Path.of("target/screenshots", "portal-sso-signed-in.png")));
		carol.reload();
		assertThat(carol.locator("#portal-visitor")).hasText("carol@acme-ssow.example");

		carol.navigate("/account");
		carol.waitForURL("**/login");
		other.close();
		assertThat(jdbc.sql("select count(*) from users where email = 'carol@acme-ssow.example'")
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("""
				select c.name from portal_visitors v join customers c on c.id = v.customer_id
				where v.product_key = ? and v.email = 'carol@acme-ssow.example'""")
			.param(PRODUCT)
			.query(String.class)
			.single()).isEqualTo("Acme SSOW");
		page.navigate("/admin/audit");
		assertThat(page.locator("#audit")).containsText("to the portal " + PRODUCT + " with Customer login");
		assertThat(consoleErrors).isEmpty();
	}

	@Test
	void aPrivatePortalRefusesAnOutsiderWithTheReason() {
		setUp(true);
		BrowserContext other = newContext();
		Page mallory = watched(other.newPage());
		throughTheProvider(mallory, person("mallory", "mallory@elsewhere.example"));
		mallory.waitForURL("**/portal/" + PRODUCT + "/sign-in");
		assertThat(mallory.locator(".error-summary")).containsText("invited people only");
		mallory.screenshot(new Page.ScreenshotOptions().setFullPage(true)
			.setPath(Path.of("target/screenshots", "portal-sso-refused.png")));
		assertThat(mallory.navigate("/portal/" + PRODUCT).status()).isEqualTo(404);
		other.close();
		assertThat(jdbc.sql("select count(*) from portal_visitors where email = 'mallory@elsewhere.example'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aTeamMemberWhoSignsInToThePortalStaysSignedInToPriora() {
		setUp(false);
		throughTheProvider(page, person("carl", "carl@acme-ssow.example"));
		page.waitForURL("**/portal/" + PRODUCT);
		assertThat(page.locator("#portal-visitor")).hasText("carl@acme-ssow.example");
		page.navigate("/admin/sso");
		assertThat(page.locator("h1")).hasText("Single sign-on");
		assertThat(consoleErrors).isEmpty();
	}

}
