package dev.priora.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import dev.priora.support.ApiClient;
import dev.priora.support.ApiClient.Response;
import dev.priora.support.IntegrationTestBase;

/**
 * Tokens with an expiry date are refused with a clear 401 once it has passed; the admin
 * lists everyone's tokens and revokes any, audited.
 */
class TokenExpiryIntegrationTest extends IntegrationTestBase {

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	private ApiClient user(String email) {
		accounts.createUser(email, "Toby Token", "password-" + email, false);
		return ApiClient.signIn(port, email, "password-" + email);
	}

	@Test
	void aTokenWorksThroughItsExpiryDayAndIsRefusedAfterwardsWithAClearProblem() {
		ApiClient owner = user("expiry@tokens.test");
		String today = LocalDate.now(ZoneOffset.UTC).toString();
		Response past = owner.post("/api/v1/tokens",
				"{\"name\":\"late\",\"expiresOn\":\"" + LocalDate.now(ZoneOffset.UTC).minusDays(1) + "\"}");
		assertThat(past.status()).isEqualTo(400);
		assertThat(past.json().get("errors").get(0).get("field").asText()).isEqualTo("expiresOn");
		assertThat(owner.post("/api/v1/tokens", "{\"name\":\"bad\",\"expiresOn\":\"soon\"}").status()).isEqualTo(400);

		Response created = owner.post("/api/v1/tokens", "{\"name\":\"short-lived\",\"expiresOn\":\"" + today + "\"}");
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("expiresAt").asText())
			.startsWith(LocalDate.now(ZoneOffset.UTC).plusDays(1) + "T00:00");
		ApiClient shortLived = ApiClient.withToken(port, created.json().get("token").asText());
		assertThat(shortLived.get("/api/v1/me").status()).isEqualTo(200);

		jdbc.sql("update api_tokens set expires_at = expires_at - interval '2' day where id = ?")
			.param(created.json().get("id").asLong())
			.update();
		Response refused = shortLived.get("/api/v1/me");
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.isProblem()).isTrue();
		assertThat(refused.json().get("detail").asText()).contains("expired");
		JsonNode listed = owner.get("/api/v1/tokens").json();
		JsonNode row = null;
		for (JsonNode t : listed) {
			row = "short-lived".equals(t.get("name").asText()) ? t : row;
		}
		assertThat(row.get("expired").asBoolean()).isTrue();
		assertThat(row.get("revokedAt").isNull()).isTrue();
	}

	@Test
	void adminListsEveryonesTokensAndRevokesOneAudited() {
		ApiClient owner = user("revoked-by-admin@tokens.test");
		long id = owner.get("/api/v1/tokens").json().get(0).get("id").asLong();
		assertThat(owner.get("/api/v1/admin/tokens").status()).isEqualTo(403);
		assertThat(owner.send("DELETE", "/api/v1/admin/tokens/" + id, null, null).status()).isEqualTo(403);

		ApiClient admin = api();
		JsonNode all = admin.get("/api/v1/admin/tokens").json();
		JsonNode mine = null;
		for (JsonNode t : all) {
			mine = t.get("token").get("id").asLong() == id ? t : mine;
		}
		assertThat(mine.get("ownerEmail").asText()).isEqualTo("revoked-by-admin@tokens.test");
		assertThat(mine.toString()).doesNotContain("hash");
		assertThat(admin.send("DELETE", "/api/v1/admin/tokens/" + id, null, null).status()).isEqualTo(204);
		assertThat(owner.get("/api/v1/me").status()).isEqualTo(401);
		assertThat(admin.send("DELETE", "/api/v1/admin/tokens/999999", null, null).status()).isEqualTo(404);
		assertThat(jdbc.sql("select detail from security_events where event_type = 'TOKEN_REVOKED' order by id desc")
			.query(String.class)
			.list()
			.get(0)).contains("by an admin").contains("revoked-by-admin@tokens.test");
	}

}
