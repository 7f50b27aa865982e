package dev.priora.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import dev.priora.support.ApiClient;
import dev.priora.support.ApiClient.Response;
import dev.priora.support.BrowserlessSession;
import dev.priora.support.IntegrationTestBase;
import dev.priora.support.TotpCodes;

/**
 * Two-factor sign-in over the API and the sign-in form: enrolment, codes computed from
 * the secret, recovery codes spent once, replays refused, throttling, the admin's
 * requirement and reset, and the audit log.
 */
class TwoFactorIntegrationTest extends IntegrationTestBase {

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	private static String basic(String email, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	/** A new user with a token; answers the token's client. */
	private ApiClient user(String email) {
		accounts.createUser(email, "Tess Factor", "password-" + email, false);
		return ApiClient.signIn(port, email, "password-" + email);
	}

	/** Enrols the user; answers the secret and the recovery codes. */
	private Enrolled enrol(ApiClient client) {
		Response begun = client.post("/api/v1/account/two-factor", null);
		assertThat(begun.status()).isEqualTo(201);
		String secret = begun.json().get("secret").asText().replace(" ", "");
		Response confirmed = client.post("/api/v1/account/two-factor/confirm",
				"{\"code\":\"" + TotpCodes.code(secret, 0) + "\"}");
		assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(200);
		List<String> codes = new ArrayList<>();
		confirmed.json().get("recoveryCodes").forEach(c -> codes.add(c.asText()));
		return new Enrolled(secret, codes);
	}

	record Enrolled(String secret, List<String> recoveryCodes) {
	}

	@Test
	void enrolsWithASecretAndItsQrCodeAndAnswersTenRecoveryCodesOnce() {
		ApiClient client = user("enrol@twofactor.test");
		Response begun = client.post("/api/v1/account/two-factor", null);
		assertThat(begun.json().get("uri").asText())
			.startsWith("otpauth://totp/Priora%3Aenrol%40twofactor.test?secret=");
		assertThat(begun.json().get("qrCode").asText()).startsWith("data:image/svg+xml;base64,");
		String secret = begun.json().get("secret").asText().replace(" ", "");
		assertThat(secret).matches("[A-Z2-7]{32}");

		Response wrong = client.post("/api/v1/account/two-factor/confirm",
				"{\"code\":\"" + TotpCodes.wrongCode(secret) + "\"}");
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.json().get("errors").get(0).get("field").asText()).isEqualTo("code");
		assertThat(client.get("/api/v1/account/two-factor").json().get("enabled").asBoolean()).isFalse();

		Response confirmed = client.post("/api/v1/account/two-factor/confirm",
				"{\"code\":\"" + TotpCodes.code(secret, 0) + "\"}");
		JsonNode codes = confirmed.json().get("recoveryCodes");
		assertThat(codes).hasSize(10);
		assertThat(codes.get(0).asText()).matches("[a-z2-9]{5}-[a-z2-9]{5}");
		JsonNode status = client.get("/api/v1/account/two-factor").json();
		assertThat(status.get("enabled").asBoolean()).isTrue();
		assertThat(status.get("recoveryCodesLeft").asInt()).isEqualTo(10);
		assertThat(client.post("/api/v1/account/two-factor", null).status()).as("on already").isEqualTo(409);
		long userId = accounts.findByEmail("enrol@twofactor.test").orElseThrow().id().value();
		String stored = jdbc.sql("select secret from two_factor where user_id = ?")
			.param(userId)
			.query(String.class)
			.single();
		assertThat(stored).startsWith("enc:").doesNotContain(secret);
		List<String> hashes = jdbc.sql("select code_hash from two_factor_recovery_codes where user_id = ?")
			.param(userId)
			.query(String.class)
			.list();
		assertThat(hashes).hasSize(10).noneMatch(h -> h.contains(codes.get(0).asText()));
	}

	@Test
	void basicAuthOfATwoFactorUserNeedsACodeAndACodeWorksOnce() {
		String email = "basic@twofactor.test";
		Enrolled enrolled = enrol(user(email));
		ApiClient password = ApiClient.withAuthorization(port, basic(email, "password-" + email));
		Response bare = password.post("/api/v1/tokens", "{\"name\":\"no code\"}");
		assertThat(bare.status()).isEqualTo(401);
		assertThat(bare.json().get("errors").get(0).get("field").asText()).isEqualTo("X-Priora-Two-Factor-Code");

		String next = TotpCodes.code(enrolled.secret(), 1);
		ApiClient withCode = password.withHeader("X-Priora-Two-Factor-Code", next);
		assertThat(withCode.post("/api/v1/tokens", "{\"name\":\"with code\"}").status()).isEqualTo(201);
		assertThat(withCode.post("/api/v1/tokens", "{\"name\":\"replayed\"}").status()).as("a code works once")
			.isEqualTo(401);
		ApiClient recovery = password.withHeader("X-Priora-Two-Factor-Code",
				enrolled.recoveryCodes().get(0).toUpperCase());
		assertThat(recovery.post("/api/v1/tokens", "{\"name\":\"recovered\"}").status()).isEqualTo(201);
		assertThat(recovery.post("/api/v1/tokens", "{\"name\":\"again\"}").status()).isEqualTo(401);
	}

	@Test
	void signInFormAsksForTheSecondFactorBeforeTheSessionIsSignedIn() {
		String email = "form@twofactor.test";
		Enrolled enrolled = enrol(user(email));
		BrowserlessSession browser = BrowserlessSession.anonymous(port);
		HttpResponse<String> first = browser.post("/login", Map.of("username", email, "password", "password-" + email));
		assertThat(first.headers().firstValue("Location").orElseThrow()).endsWith("/login/two-factor");
		assertThat(browser.get("/account").statusCode()).as("not signed in yet").isEqualTo(302);
		assertThat(browser.get("/login/two-factor").body()).contains(email);

		browser.refreshCsrfFrom("/login/two-factor");
		HttpResponse<String> wrong = browser.post("/login/two-factor",
				Map.of("code", TotpCodes.wrongCode(enrolled.secret())));
		assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/login/two-factor?error");
		HttpResponse<String> right = browser.post("/login/two-factor",
				Map.of("code", TotpCodes.code(enrolled.secret(), 1)));
		assertThat(right.headers().firstValue("Location").orElseThrow()).doesNotContain("/login");
		assertThat(browser.get("/account").statusCode()).isEqualTo(200);
		assertThat(browser.get("/login/two-factor").headers().firstValue("Location").orElseThrow())
			.as("nothing pending any more")
			.contains("/login?expired");

		List<String> types = jdbc.sql("select event_type from security_events where subject = ? order by id")
			.param(email)
			.query(String.class)
			.list();
		assertThat(types).contains("TWO_FACTOR_ENABLED", "TWO_FACTOR_FAILED", "TWO_FACTOR_PASSED");
	}

	@Test
	void secondFactorAttemptsAreThrottledPerUser() {
		String email = "throttle@twofactor.test";
		Enrolled enrolled = enrol(user(email));
		BrowserlessSession browser = BrowserlessSession.anonymous(port);
		browser.post("/login", Map.of("username", email, "password", "password-" + email));
		browser.refreshCsrfFrom("/login/two-factor");
		String wrong = TotpCodes.wrongCode(enrolled.secret());
		for (int i = 0; i < 5; i++) {
			assertThat(browser.post("/login/two-factor", Map.of("code", wrong)).headers().firstValue("Location"))
				.hasValueSatisfying(l -> assertThat(l).endsWith("?error"));
		}
		HttpResponse<String> throttled = browser.post("/login/two-factor",
				Map.of("code", TotpCodes.code(enrolled.secret(), 1)));
		assertThat(throttled.headers().firstValue("Location").orElseThrow()).endsWith("?throttled");
		assertThat(browser.get("/account").statusCode()).as("still not signed in").isEqualTo(302);
		assertThat(jdbc
			.sql("select count(*) from security_events where subject = ? and event_type = 'TWO_FACTOR_THROTTLED'")
			.param(email)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void turnsOffWithThePasswordAndNotWithAWrongOne() {
		String email = "off@twofactor.test";
		ApiClient client = user(email);
		enrol(client);
		Response wrong = client.send("DELETE", "/api/v1/account/two-factor", "{\"password\":\"not it at all\"}", null);
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(
				client.send("DELETE", "/api/v1/account/two-factor", "{\"password\":\"password-" + email + "\"}", null)
					.status())
			.isEqualTo(204);
		assertThat(client.get("/api/v1/account/two-factor").json().get("enabled").asBoolean()).isFalse();
		assertThat(ApiClient.withAuthorization(port, basic(email, "password-" + email))
			.post("/api/v1/tokens", "{\"name\":\"plain\"}")
			.status()).isEqualTo(201);
	}

	@Test
	void adminRequiresTwoFactorOfAUserWhoIsSentToEnrolAndThenResetsIt() {
		String email = "required@twofactor.test";
		user(email);
		long id = accounts.findByEmail(email).orElseThrow().id().value();
		ApiClient admin = api();
		assertThat(admin.put("/api/v1/users/" + id + "/two-factor", "{}", null).status()).isEqualTo(400);
		assertThat(admin.put("/api/v1/users/" + id + "/two-factor", "{\"required\":true}", null).status())
			.isEqualTo(204);
		assertThat(ApiClient.withAuthorization(port, basic(email, "password-" + email))
			.post("/api/v1/tokens", "{\"name\":\"before enrolling\"}")
			.status()).isEqualTo(403);

		BrowserlessSession browser = BrowserlessSession.anonymous(port);
		HttpResponse<String> first = browser.post("/login", Map.of("username", email, "password", "password-" + email));
		assertThat(first.headers().firstValue("Location").orElseThrow()).endsWith("/login/two-factor/enrol");
		String page = browser.get("/login/two-factor/enrol").body();
		String secret = page.replaceAll("(?s).*id=\"two-factor-secret\">([A-Z2-7 ]+)<.*", "$1").replace(" ", "");
		browser.refreshCsrfFrom("/login/two-factor/enrol");
		HttpResponse<String> enrolled = browser.post("/login/two-factor/enrol",
				Map.of("code", TotpCodes.code(secret, 0)));
		assertThat(enrolled.headers().firstValue("Location").orElseThrow()).endsWith("/account/two-factor");
		assertThat(browser.get("/account/two-factor").body()).contains("id=\"recovery-codes\"");

		JsonNode listed = admin.get("/api/v1/admin/two-factor").json();
		JsonNode row = null;
		for (JsonNode u : listed.get("users")) {
			row = email.equals(u.get("email").asText()) ? u : row;
		}
		assertThat(row.get("enabled").asBoolean()).isTrue();
		assertThat(row.get("required").asBoolean()).isTrue();
		assertThat(admin.delete("/api/v1/users/" + id + "/two-factor", null).status()).isEqualTo(204);
		assertThat(admin.delete("/api/v1/users/" + id + "/two-factor", null).status()).isEqualTo(409);
		assertThat(
				jdbc.sql("select count(*) from security_events where subject = ? and event_type = 'TWO_FACTOR_RESET'")
					.param(email)
					.query(Integer.class)
					.single())
			.isEqualTo(1);
		assertThat(admin.delete("/api/v1/users/999999/two-factor", null).status()).isEqualTo(404);
	}

	@Test
	void requiredOfEveryoneSendsUsersWithoutASecondFactorToEnrol() {
		String email = "everyone@twofactor.test";
		user(email);
		ApiClient admin = api();
		assertThat(admin.put("/api/v1/admin/two-factor", "{}", null).status()).isEqualTo(400);
		try {
			assertThat(admin.put("/api/v1/admin/two-factor", "{\"requiredForEveryone\":true}", null)
				.json()
				.get("requiredForEveryone")
				.asBoolean()).isTrue();
			BrowserlessSession browser = BrowserlessSession.anonymous(port);
			HttpResponse<String> first = browser.post("/login",
					Map.of("username", email, "password", "password-" + email));
			assertThat(first.headers().firstValue("Location").orElseThrow()).endsWith("/login/two-factor/enrol");
		}
		finally {
			admin.put("/api/v1/admin/two-factor", "{\"requiredForEveryone\":false}", null);
		}
		assertThat(BrowserlessSession.signIn(port, email, "password-" + email).get("/account").statusCode())
			.isEqualTo(200);
	}

}
