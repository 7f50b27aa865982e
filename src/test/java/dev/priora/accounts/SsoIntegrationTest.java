package dev.priora.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.priora.support.ApiClient;
import dev.priora.support.ApiClient.Response;
import dev.priora.support.Fixtures;
import dev.priora.support.IntegrationTestBase;
import dev.priora.support.TestOpenIdProvider;

/**
 * Single sign-on on both databases: the admin API for providers (secrets never shown,
 * discovery read from a real OpenID provider on a loopback port), the policy and group
 * roles with their refusals naming the field; the matching of a provider's claims to
 * users (verified e-mail, sign-up by domain, group roles applied at each sign-in); and
 * password sign-in turned off for all but the break-glass admin while tokens keep
 * working. Each test leaves the policy as it found it.
 */
class SsoIntegrationTest extends IntegrationTestBase {

	@Autowired
	SsoAccounts sso;

	@Autowired
	SsoAdmin admin;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetPolicy() {
		jdbc.sql("""
				update sso_settings set allow_sign_up = false, allowed_domains = '', groups_claim = 'groups',
				password_sign_in = true, break_glass_email = null where id = 1""").update();
		jdbc.sql("delete from sso_group_roles").update();
	}

	private static Map<String, Object> claims(String email, boolean verified, String... groups) {
		Map<String, Object> c = new HashMap<>();
		c.put("email", email);
		c.put("email_verified", verified);
		c.put("name", "Sam Sso");
		c.put("groups", List.of(groups));
		return c;
	}

	private long policyVersion(ApiClient api) {
		return api.get("/api/v1/admin/sso").json().get("policy").get("version").asLong();
	}

	@Test
	void providersAreAddedTestedChangedAndRemovedWithoutEverShowingTheSecret() {
		ApiClient api = api();
		TestOpenIdProvider idp = TestOpenIdProvider.shared();
		Response bad = api.post("/api/v1/admin/sso/providers", ApiClient
			.json(Map.of("name", "Bad", "issuerUri", "login.example.com", "clientId", "x", "clientSecret", "y")));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.text()).contains("issuerUri");
		Response noSecret = api.post("/api/v1/admin/sso/providers",
				ApiClient.json(Map.of("name", "Idp", "issuerUri", idp.issuer(), "clientId", "x")));
		assertThat(noSecret.status()).isEqualTo(400);
		assertThat(noSecret.text()).contains("clientSecret");

		Response added = api.post("/api/v1/admin/sso/providers", ApiClient.json(Map.of("name", "Test login",
				"issuerUri", idp.issuer(), "clientId", TestOpenIdProvider.CLIENT_ID, "clientSecret", "very-secret-1")));
		assertThat(added.status()).as(added.text()).isEqualTo(201);
		String registration = added.json().get("registrationId").asText();
		long id = added.json().get("id").asLong();
		assertThat(registration).isEqualTo("p" + id);
		Response overview = api.get("/api/v1/admin/sso");
		assertThat(overview.text()).contains("Test login").doesNotContain("very-secret-1");
		assertThat(
				jdbc.sql("select client_secret from sso_providers where id = ?").param(id).query(String.class).single())
			.startsWith("enc:")
			.doesNotContain("very-secret-1");

		Response discovered = api.post("/api/v1/admin/sso/providers/" + registration + "/discovery", null);
		assertThat(discovered.status()).as(discovered.text()).isEqualTo(200);
		assertThat(discovered.json().get("authorizationEndpoint").asText())
			.startsWith(idp.issuer() + "/oauth2/authorize");

		Response stale = api.put("/api/v1/admin/sso/providers/" + id, ApiClient.json(Map.of("name", "Renamed",
				"issuerUri", idp.issuer(), "clientId", TestOpenIdProvider.CLIENT_ID, "version", 7)), null);
		assertThat(stale.status()).isEqualTo(409);
		Response renamed = api.put("/api/v1/admin/sso/providers/" + id, ApiClient.json(Map.of("name", "Renamed",
				"issuerUri", idp.issuer(), "clientId", TestOpenIdProvider.CLIENT_ID, "version", 0)), null);
		assertThat(renamed.status()).as(renamed.text()).isEqualTo(200);
		assertThat(admin.providers()).anyMatch(p -> p.name().equals("Renamed"));

		Response unreachable = api.post("/api/v1/admin/sso/providers", ApiClient.json(
				Map.of("name", "Gone", "issuerUri", "http://127.0.0.1:9/none", "clientId", "x", "clientSecret", "y")));
		String gone = unreachable.json().get("registrationId").asText();
		Response failed = api.post("/api/v1/admin/sso/providers/" + gone + "/discovery", null);
		assertThat(failed.status()).isEqualTo(422);
		assertThat(failed.text()).contains("issuerUri");
		ApiClient visitor = ApiClient.anonymous(port);
		assertThat(visitor.get("/oauth2/authorization/p999999").status()).isEqualTo(404);
		assertThat(visitor.get("/oauth2/authorization/" + gone).status()).isEqualTo(302);

		assertThat(api.delete("/api/v1/admin/sso/providers/" + id, null).status()).isEqualTo(204);
		assertThat(api.delete("/api/v1/admin/sso/providers/" + unreachable.json().get("id").asLong(), null).status())
			.isEqualTo(204);
		assertThat(api.delete("/api/v1/admin/sso/providers/" + id, null).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/audit").text()).contains("SSO_CONFIG_CHANGED", "provider removed");
	}

	@Test
	void thePolicyAndGroupRolesRefuseWhatCannotWork() {
		ApiClient api = api();
		Response noBreakGlass = api.put("/api/v1/admin/sso/policy",
				"{\"passwordSignIn\":false,\"version\":" + policyVersion(api) + "}", null);
		assertThat(noBreakGlass.status()).isEqualTo(400);
		assertThat(noBreakGlass.text()).contains("breakGlassEmail");
		Response badDomain = api.put("/api/v1/admin/sso/policy",
				"{\"passwordSignIn\":true,\"allowedDomains\":\"exa mple\",\"version\":" + policyVersion(api) + "}",
				null);
		assertThat(badDomain.status()).isEqualTo(400);
		assertThat(badDomain.text()).contains("allowedDomains");
		Response noProduct = api.post("/api/v1/admin/sso/group-roles",
				"{\"group\":\"team\",\"productKey\":\"NOPE9\",\"role\":\"MEMBER\"}");
		assertThat(noProduct.status()).isEqualTo(400);
		assertThat(noProduct.text()).contains("productKey");
		Response badRole = api.post("/api/v1/admin/sso/group-roles", "{\"group\":\"team\",\"productKey\":\""
				+ Fixtures.aProduct("SSOA").createdBy(api).key() + "\",\"role\":\"KING\"}");
		assertThat(badRole.status()).isEqualTo(400);
		assertThat(badRole.text()).contains("\"role\"");
		assertThat(admin.groupRoles()).isEmpty();
	}

	@Test
	void aVerifiedEmailFindsOrCreatesTheUserOnlyAsThePolicyAllows() {
		assertThatThrownBy(() -> sso.signIn("Test", claims("nobody@sso.example", true))).isInstanceOf(SsoRefused.class)
			.hasMessageContaining("accounts are not created at first sign-in");
		assertThatThrownBy(() -> sso.signIn("Test", claims("admin@localhost", false)))
			.hasMessageContaining("has not verified");
		assertThat(sso.signIn("Test", claims("ADMIN@localhost", true)).email()).isEqualTo(ADMIN_EMAIL);

		admin.changePolicy(new SsoAdmin.PolicyForm(true, "sso.example, @team.example", "groups", true, null,
				admin.policy().version()), null);
		SignedInUser created = sso.signIn("Test", claims("new.person@team.example", true));
		assertThat(created.displayName()).isEqualTo("Sam Sso");
		assertThat(created.admin()).isFalse();
		assertThat(accounts.findByEmail("new.person@team.example")).isPresent();
		assertThatThrownBy(() -> sso.signIn("Test", claims("outsider@elsewhere.example", true)))
			.hasMessageContaining("only for sso.example, team.example addresses");
		assertThat(accounts.findByEmail("outsider@elsewhere.example")).isEmpty();
	}

	@Test
	void groupRolesAreAppliedAtEachSignIn() {
		ApiClient api = api();
		String product = Fixtures.aProduct("SSOB").createdBy(api).key();
		accounts.createUser("grouped@sso.example", "Grouped", "grouped password", false);
		admin.addGroupRole("priora-admins", "", null, null);
		admin.addGroupRole("devs", product, "member", null);
		admin.addGroupRole("leads", product, "MANAGER", null);

		SignedInUser first = sso.signIn("Test", claims("grouped@sso.example", true, "devs", "leads", "priora-admins"));
		assertThat(first.admin()).isTrue();
		assertThat(role(product, first)).isEqualTo("MANAGER");

		SignedInUser second = sso.signIn("Test", claims("grouped@sso.example", true, "devs"));
		assertThat(second.admin()).isFalse();
		assertThat(role(product, second)).isEqualTo("MEMBER");

		sso.signIn("Test", claims("grouped@sso.example", true));
		assertThat(role(product, second)).isNull();
		assertThat(api.get("/api/v1/audit").text()).contains("by provider groups");
	}

	@Test
	void passwordSignInOffLeavesTheBreakGlassAdminAndEveryTokenWorking() {
		ApiClient api = api();
		accounts.createUser("worker@sso.example", "Worker", "worker password", false);
		ApiClient workerToken = ApiClient.signIn(port, "worker@sso.example", "worker password");
		api.post("/api/v1/admin/sso/providers", ApiClient.json(Map.of("name", "Off test", "issuerUri",
				"https://login.sso.example", "clientId", "x", "clientSecret", "y")));
		Response off = api.put("/api/v1/admin/sso/policy", ApiClient.json(Map.of("passwordSignIn", false,
				"breakGlassEmail", ADMIN_EMAIL, "groupsClaim", "groups", "version", policyVersion(api))), null);
		assertThat(off.status()).as(off.text()).isEqualTo(200);
		try {
			assertThatThrownBy(() -> ApiClient.signIn(port, "worker@sso.example", "worker password"))
				.hasMessageContaining("401");
			assertThat(workerToken.get("/api/v1/me").status()).isEqualTo(200);
			assertThat(ApiClient.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD).get("/api/v1/me").status()).isEqualTo(200);
			Response notAdmin = api.put("/api/v1/admin/sso/policy", ApiClient.json(Map.of("passwordSignIn", false,
					"breakGlassEmail", "worker@sso.example", "version", policyVersion(api))), null);
			assertThat(notAdmin.status()).isEqualTo(400);
			assertThat(notAdmin.text()).contains("must be an active admin");
		}
		finally {
			resetPolicy();
			jdbc.sql("delete from sso_providers where name = 'Off test'").update();
		}
		assertThat(ApiClient.signIn(port, "worker@sso.example", "worker password").get("/api/v1/me").status())
			.isEqualTo(200);
	}

	private String role(String product, SignedInUser user) {
		return jdbc.sql("select role from product_roles where product_key = ? and user_id = ?")
			.params(product, user.id().value())
			.query(String.class)
			.optional()
			.orElse(null);
	}

}
