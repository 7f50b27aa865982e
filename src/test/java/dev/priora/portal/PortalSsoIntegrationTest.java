package dev.priora.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.priora.accounts.SsoVisitorSignIn;
import dev.priora.problem.DomainProblem;
import dev.priora.support.ApiClient;
import dev.priora.support.ApiClient.Response;
import dev.priora.support.BrowserlessSession;
import dev.priora.support.Fixtures;
import dev.priora.support.IntegrationTestBase;
import dev.priora.support.TestOpenIdProvider;

/**
 * Portal visitors through the organisation's single sign-on, on both databases: the team
 * chooses the providers a portal offers (API with its refusals), the sign-in page shows
 * them and starts at the real test provider with Priora's callback address, and the
 * portal decides on what the provider vouched for: a verified address of a customer's
 * domain becomes a visitor of that customer, never a user; an unverified address, a
 * provider the portal does not offer and an address a private portal does not admit are
 * refused and audited.
 */
class PortalSsoIntegrationTest extends IntegrationTestBase {

	private static final String PRODUCT = "SSOV";

	@Autowired
	PortalSso portalSso;

	@Autowired
	Portals portals;

	@Autowired
	JdbcClient jdbc;

	private String registration;

	private long customer;

	@BeforeEach
	void portalAndProvider() {
		ApiClient api = api();
		if (jdbc.sql("select count(*) from products where product_key = ?")
			.param(PRODUCT)
			.query(Long.class)
			.single()
			.equals(0L)) {
			var product = Fixtures.aProduct(PRODUCT).named("Portal single sign-on").createdBy(api);
			customer = Fixtures.aCustomer("Acme SSO").contact("Buyer", "buyer@acme-sso.example").in(product);
		}
		else {
			customer = jdbc.sql("select id from customers where name = 'Acme SSO'").query(Long.class).single();
		}
		portals.update(PRODUCT, new PortalSettingsDraft(true, "SSO portal", "", "#4f46e5", false, List.of(), List.of(),
				List.of(), false), portals.get(PRODUCT).version());
		Response added = api.post("/api/v1/admin/sso/providers",
				ApiClient.json(Map.of("name", "Visitor login", "issuerUri", TestOpenIdProvider.shared().issuer(),
						"clientId", TestOpenIdProvider.CLIENT_ID, "clientSecret", TestOpenIdProvider.CLIENT_SECRET)));
		assertThat(added.status()).as(added.text()).isEqualTo(201);
		registration = added.json().get("registrationId").asText();
	}

	@AfterEach
	void removeProvider() {
		jdbc.sql("delete from sso_providers where name = 'Visitor login'").update();
		jdbc.sql("delete from portal_sign_in_providers where product_key = ?").param(PRODUCT).update();
	}

	private String path(String location) {
		return location.replaceFirst("^http://127\\.0\\.0\\.1:\\d+", "");
	}

	@Test
	void theTeamChoosesTheProvidersAndTheSignInPageStartsAtTheProvider() {
		ApiClient api = api();
		String base = "/api/v1/products/" + PRODUCT + "/portal/sign-in-providers";
		Response none = api.get(base);
		assertThat(none.status()).isEqualTo(200);
		assertThat(none.text()).contains(registration, "Visitor login").doesNotContain("\"offered\":true");
		assertThat(api.put(base, "{\"providers\":[\"" + registration + "\"]}", null).status()).isEqualTo(428);
		Response missing = api.put(base, "{}", none.etag());
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.text()).contains("providers");
		Response unknown = api.put(base, "{\"providers\":[\"p999999\"]}", none.etag());
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.text()).contains("providers");
		Response offered = api.put(base, "{\"providers\":[\"" + registration + "\"]}", none.etag());
		assertThat(offered.status()).as(offered.text()).isEqualTo(200);
		assertThat(offered.text()).contains("\"offered\":true");
		assertThat(api.put(base, "{\"providers\":[]}", none.etag()).status()).isEqualTo(412);

		BrowserlessSession visitor = BrowserlessSession.anonymous(port);
		String page = visitor.get("/portal/" + PRODUCT + "/sign-in").body();
		assertThat(page).contains("Sign in with Visitor login", "/portal/" + PRODUCT + "/sign-in/sso/" + registration);
		assertThat(visitor.get("/portal/" + PRODUCT + "/sign-in/sso/p999999").statusCode()).isEqualTo(404);
		HttpResponse<String> start = visitor.get("/portal/" + PRODUCT + "/sign-in/sso/" + registration);
		assertThat(start.statusCode()).isEqualTo(302);
		String authorization = path(start.headers().firstValue("Location").orElseThrow());
		assertThat(authorization).isEqualTo("/oauth2/authorization/" + registration + "?portal=" + PRODUCT);
		HttpResponse<String> toProvider = visitor.get(authorization);
		assertThat(toProvider.statusCode()).isEqualTo(302);
		// Spring Security leaves the address unencoded in the query
		String callback = "http://127.0.0.1:" + port + "/login/oauth2/code/" + registration;
		assertThat(toProvider.headers().firstValue("Location").orElseThrow())
			.startsWith(TestOpenIdProvider.shared().issuer() + "/oauth2/authorize?")
			.contains("redirect_uri=" + callback);
		assertThat(visitor.get("/portal/" + PRODUCT + "/sign-in/sso").headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/portal/" + PRODUCT + "/sign-in"));

		api.put(base, "{\"providers\":[]}", offered.etag());
		assertThat(visitor.get("/portal/" + PRODUCT + "/sign-in").body()).doesNotContain("Sign in with Visitor login");
		assertThat(visitor.get("/portal/" + PRODUCT + "/sign-in/sso/" + registration).statusCode()).isEqualTo(404);
	}

	@Test
	void thePortalDecidesOnTheAddressTheProviderVouchedFor() {
		api().put("/api/v1/products/" + PRODUCT + "/portal/sign-in-providers",
				"{\"providers\":[\"" + registration + "\"]}",
				api().get("/api/v1/products/" + PRODUCT + "/portal/sign-in-providers").etag());
		PortalVisitor carol = portalSso.signIn(PRODUCT, outcome(registration, "carol@acme-sso.example"));
		assertThat(carol.productKey()).isEqualTo(PRODUCT);
		assertThat(carol.customerId()).isEqualTo(customer);
		assertThat(count("select count(*) from users where email = 'carol@acme-sso.example'")).isZero();

		assertThatThrownBy(() -> portalSso.signIn(PRODUCT,
				new SsoVisitorSignIn.Outcome(PRODUCT, registration, null, null, "Visitor login has not verified it")))
			.isInstanceOf(DomainProblem.class)
			.hasMessageContaining("has not verified");
		assertThatThrownBy(() -> portalSso.signIn(PRODUCT, outcome("p0", "dave@acme-sso.example")))
			.isInstanceOf(DomainProblem.class)
			.hasMessageContaining("does not offer");

		portals.update(PRODUCT, new PortalSettingsDraft(true, "SSO portal", "", "#4f46e5", true,
				List.of("acme-sso.example"), List.of(), List.of(), false), portals.get(PRODUCT).version());
		assertThatThrownBy(() -> portalSso.signIn(PRODUCT, outcome(registration, "mallory@elsewhere.example")))
			.isInstanceOf(DomainProblem.class)
			.satisfies(e -> assertThat(((DomainProblem) e).getStatusCode().value()).isEqualTo(403))
			.hasMessageContaining("invited people only");
		assertThat(count("select count(*) from portal_visitors where email = 'mallory@elsewhere.example'")).isZero();
		assertThat(portalSso.signIn(PRODUCT, outcome(registration, "carol@acme-sso.example")).id())
			.isEqualTo(carol.id());
		assertThat(api().get("/api/v1/audit").text()).contains("to the portal " + PRODUCT + " with Visitor login",
				"portal " + PRODUCT + ": This portal is open to invited people only");
	}

	private static SsoVisitorSignIn.Outcome outcome(String registrationId, String email) {
		return new SsoVisitorSignIn.Outcome(PRODUCT, registrationId, "Visitor login", email, null);
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

}
