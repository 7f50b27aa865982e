package dev.priora.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.priora.support.ApiClient;
import dev.priora.support.ApiClient.Response;
import dev.priora.support.IntegrationTestBase;

class AccountsIntegrationTest extends IntegrationTestBase {

	@Autowired
	AccountService accounts;

	@Autowired
	ApiTokens tokens;

	private static String basic(String email, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void issuesATokenForEmailAndPasswordOnceAndStoresOnlyItsHash() {
		Response r = ApiClient.withAuthorization(port, basic(ADMIN_EMAIL, ADMIN_PASSWORD))
			.post("/api/v1/tokens", "{\"name\":\"script\"}");
		assertThat(r.status()).isEqualTo(201);
		String token = r.json().get("token").asText();
		assertThat(token).startsWith("pri_").hasSizeGreaterThan(40);
		ApiClient client = ApiClient.withToken(port, token);
		assertThat(client.get("/api/v1/products").status()).isEqualTo(200);
		String listed = client.get("/api/v1/tokens").text();
		assertThat(listed).contains("script").doesNotContain(token);
	}

	@Test
	void refusesAWrongPasswordAndMissingOrUnknownCredentialsWithProblemJson() {
		Response wrong = ApiClient.withAuthorization(port, basic(ADMIN_EMAIL, "nope")).post("/api/v1/tokens", "{}");
		assertThat(wrong.status()).isEqualTo(401);
		Response none = anonymous().get("/api/v1/products");
		assertThat(none.status()).isEqualTo(401);
		assertThat(none.isProblem()).isTrue();
		assertThat(ApiClient.withToken(port, "pri_made_up").get("/api/v1/products").status()).isEqualTo(401);
		assertThat(
				ApiClient.withAuthorization(port, basic(ADMIN_EMAIL, ADMIN_PASSWORD)).get("/api/v1/products").status())
			.as("HTTP Basic only issues tokens")
			.isEqualTo(401);
	}

	@Test
	void revokedTokenStopsWorkingAtOnce() {
		ApiClient client = api();
		long id = client.get("/api/v1/tokens").json().get(0).get("id").asLong();
		var created = tokens.createToken(accounts.findByEmail(ADMIN_EMAIL).orElseThrow().id(), "to revoke",
				TokenScope.FULL);
		ApiClient second = ApiClient.withToken(port, created.secret());
		assertThat(second.get("/api/v1/products").status()).isEqualTo(200);
		assertThat(client.delete("/api/v1/tokens/" + created.token().id(), null).status()).isEqualTo(204);
		assertThat(second.get("/api/v1/products").status()).isEqualTo(401);
		assertThat(client.get("/api/v1/products").status()).isEqualTo(200);
		assertThat(id).isPositive();
	}

	@Test
	void servesTheOpenApiDescription() {
		Response docs = anonymous().get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().get("paths").has("/api/v1/products/{productKey}/items/{itemKey}/move")).isTrue();
	}

}
