package dev.priora.accounts;

import static dev.priora.support.Fixtures.aProduct;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import dev.priora.support.ApiClient.Response;
import dev.priora.support.ApiClient;
import dev.priora.support.BrowserlessSession;
import dev.priora.support.IntegrationTestBase;

@TestPropertySource(
		properties = { "priora.security.max-failures-per-account=3", "priora.security.max-failures-per-address=1000" })
class SecurityIntegrationTest extends IntegrationTestBase {

	@Autowired
	AccountService accounts;

	@Autowired
	ProductRoles roles;

	private static int users;

	private String newUser(String role, String product) {
		String email = "user" + (++users) + "-" + role.toLowerCase() + "@security.test";
		accounts.createUser(email, "User " + users, "a long password", false);
		if (product != null) {
			roles.grant(product, email, ProductRole.valueOf(role),
					accounts.findByEmail(ADMIN_EMAIL).orElseThrow().id());
		}
		return email;
	}

	private static String basic(String email, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void invitationCreatesAUserOnceAndExpiresWithUse() {
		Response invite = api().post("/api/v1/users/invitations", "{\"email\":\"New.Person@Security.test\"}");
		assertThat(invite.status()).isEqualTo(201);
		String link = invite.json().get("link").asText();
		String path = link.substring(link.indexOf("/invite/"));
		BrowserlessSession browser = BrowserlessSession.anonymous(port);
		assertThat(browser.get(path).body()).contains("new.person@security.test");
		var accepted = browser.post(path, Map.of("displayName", "New Person", "password", "a long password"));
		assertThat(accepted.statusCode()).isEqualTo(302);
		assertThat(accepted.headers().firstValue("Location").orElseThrow()).contains("/login?joined");
		assertThat(ApiClient.signIn(port, "new.person@security.test", "a long password")
			.get("/api/v1/me")
			.json()
			.get("displayName")
			.asText()).isEqualTo("New Person");
		assertThat(browser.post(path, Map.of("displayName", "Again", "password", "a long password")).body())
			.contains("used or has expired");
		assertThat(api().get("/api/v1/audit").text()).contains("USER_INVITED", "USER_JOINED");
	}

	@Test
	void deactivationEndsSessionsAndTokensAtOnce() {
		String email = newUser("VIEWER", "SHOP");
		ApiClient token = ApiClient.signIn(port, email, "a long password");
		BrowserlessSession session = BrowserlessSession.signIn(port, email, "a long password");
		assertThat(session.get("/p/SHOP/backlog").statusCode()).isEqualTo(200);
		long id = accounts.findByEmail(email).orElseThrow().id().value();
		assertThat(api().post("/api/v1/users/" + id + "/deactivate", null).status()).isEqualTo(204);
		assertThat(token.get("/api/v1/products").status()).isEqualTo(401);
		assertThat(session.get("/p/SHOP/backlog").statusCode()).isEqualTo(302);
		assertThat(ApiClient.withAuthorization(port, basic(email, "a long password"))
			.post("/api/v1/tokens", "{}")
			.status()).isEqualTo(401);
	}

	@Test
	void passwordResetLinkSetsANewPassword() {
		String email = newUser("VIEWER", null);
		long id = accounts.findByEmail(email).orElseThrow().id().value();
		String link = api().post("/api/v1/users/" + id + "/password-reset", null).json().get("link").asText();
		var browser = BrowserlessSession.anonymous(port);
		var reset = browser.post(link.substring(link.indexOf("/reset/")), Map.of("password", "another long one"));
		assertThat(reset.headers().firstValue("Location").orElseThrow()).contains("/login?reset");
		assertThat(ApiClient.signIn(port, email, "another long one").get("/api/v1/me").status()).isEqualTo(200);
	}

	@Test
	void usersChangeTheirOwnNameAndPassword() {
		String email = newUser("VIEWER", null);
		ApiClient me = ApiClient.signIn(port, email, "a long password");
		assertThat(me
			.send("PUT", "/api/v1/me/password", "{\"currentPassword\":\"wrong one!\",\"newPassword\":\"x123456789\"}",
					null)
			.status()).isEqualTo(400);
		assertThat(me
			.send("PUT", "/api/v1/me/password",
					"{\"currentPassword\":\"a long password\",\"newPassword\":\"my new password\"}", null)
			.status()).isEqualTo(200);
		assertThat(me.send("PUT", "/api/v1/me/name", "{\"displayName\":\"Renamed\"}", null).status()).isEqualTo(204);
		assertThat(
				ApiClient.signIn(port, email, "my new password").get("/api/v1/me").json().get("displayName").asText())
			.isEqualTo("Renamed");
	}

	private static boolean signedIn(BrowserlessSession session) {
		return session.get("/account").statusCode() == 200;
	}

	private List<String> sessionsEndedDetails(String email) {
		return jdbc
			.sql("select detail from security_events where event_type = 'SESSIONS_ENDED' and subject = ?"
					+ " order by id")
			.param(email)
			.query(String.class)
			.list();
	}

	@Test
	void changingOnesPasswordEndsTheOtherSessionsAndOffersToRevokeTokens() {
		String email = newUser("VIEWER", "SHOP");
		BrowserlessSession here = BrowserlessSession.signIn(port, email, "a long password");
		BrowserlessSession elsewhere = BrowserlessSession.signIn(port, email, "a long password");
		ApiClient token = ApiClient.signIn(port, email, "a long password");
		var changed = here.post("/account/password",
				Map.of("currentPassword", "a long password", "newPassword", "a second password"));
		assertThat(changed.statusCode()).as("post/redirect/get").isEqualTo(302);
		assertThat(here.get("/account").body()).contains("1 other session ended", "your API tokens still work");
		assertThat(signedIn(here)).as("the session that changed it stays").isTrue();
		assertThat(signedIn(elsewhere)).as("every other session ends").isFalse();
		assertThat(token.get("/api/v1/me").status()).as("tokens stay unless asked").isEqualTo(200);

		BrowserlessSession third = BrowserlessSession.signIn(port, email, "a second password");
		var revoking = here.post("/account/password", Map.of("currentPassword", "a second password", "newPassword",
				"a third password", "revokeTokens", "true"));
		assertThat(revoking.statusCode()).isEqualTo(302);
		assertThat(here.get("/account").body()).contains("1 other session ended", "1 API token revoked");
		assertThat(signedIn(here)).isTrue();
		assertThat(signedIn(third)).isFalse();
		assertThat(token.get("/api/v1/me").status()).isEqualTo(401);
		assertThat(sessionsEndedDetails(email)).containsExactly("password changed: 1 session ended, 0 tokens revoked",
				"password changed: 1 session ended, 1 token revoked");
	}

	@Test
	void changingOnesPasswordThroughTheApiEndsEverySessionAndTheOtherTokens() {
		String email = newUser("VIEWER", "SHOP");
		BrowserlessSession browser = BrowserlessSession.signIn(port, email, "a long password");
		ApiClient caller = ApiClient.signIn(port, email, "a long password");
		ApiClient other = ApiClient.signIn(port, email, "a long password");
		Response changed = caller.put("/api/v1/me/password",
				"{\"currentPassword\":\"a long password\",\"newPassword\":\"a second password\",\"revokeTokens\":true}",
				null);
		assertThat(changed.status()).as(changed.text()).isEqualTo(200);
		assertThat(changed.json().get("sessionsEnded").asInt()).isEqualTo(1);
		assertThat(changed.json().get("tokensRevoked").asInt()).isEqualTo(1);
		assertThat(changed.json().get("thisTokenKept").asBoolean()).isTrue();
		assertThat(signedIn(browser)).isFalse();
		assertThat(other.get("/api/v1/me").status()).isEqualTo(401);
		assertThat(caller.get("/api/v1/me").status()).isEqualTo(200);
		assertThat(sessionsEndedDetails(email)).containsExactly("password changed: 1 session ended, 1 token revoked");
	}

	@Test
	void anAdminResetEndsEverySessionAndTokenWhenIssuedAndAgainWhenUsed() {
		String email = newUser("VIEWER", "SHOP");
		long id = accounts.findByEmail(email).orElseThrow().id().value();
		BrowserlessSession one = BrowserlessSession.signIn(port, email, "a long password");
		BrowserlessSession two = BrowserlessSession.signIn(port, email, "a long password");
		ApiClient token = ApiClient.signIn(port, email, "a long password");
		Response issued = api().post("/api/v1/users/" + id + "/password-reset", null);
		assertThat(issued.status()).isEqualTo(201);
		assertThat(issued.json().get("sessionsEnded").asInt()).isEqualTo(2);
		assertThat(issued.json().get("tokensRevoked").asInt()).isEqualTo(1);
		assertThat(signedIn(one)).isFalse();
		assertThat(signedIn(two)).isFalse();
		assertThat(token.get("/api/v1/me").status()).isEqualTo(401);

		// whoever still knows the old password gets in before the link is used ...
		BrowserlessSession meanwhile = BrowserlessSession.signIn(port, email, "a long password");
		ApiClient meanwhileToken = ApiClient.signIn(port, email, "a long password");
		String link = issued.json().get("link").asText();
		var reset = BrowserlessSession.anonymous(port)
			.post(link.substring(link.indexOf("/reset/")), Map.of("password", "a brand new one"));
		assertThat(reset.headers().firstValue("Location").orElseThrow()).contains("/login?reset");
		// ... and is out again once it is
		assertThat(signedIn(meanwhile)).isFalse();
		assertThat(meanwhileToken.get("/api/v1/me").status()).isEqualTo(401);
		assertThat(sessionsEndedDetails(email)).containsExactly(
				"password reset issued: 2 sessions ended, 1 token revoked",
				"password reset: 1 session ended, 1 token revoked");

		BrowserlessSession again = BrowserlessSession.signIn(port, email, "a brand new one");
		BrowserlessSession admin = BrowserlessSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		assertThat(admin.post("/admin/users/" + id + "/reset", Map.of()).statusCode()).isEqualTo(302);
		var page = admin.get("/admin/users");
		assertThat(page.body()).contains("signed out everywhere: 1 session ended, 0 tokens revoked", "/reset/");
		assertThat(signedIn(again)).isFalse();
	}

	@Test
	void throttlesSignInWithOneGenericErrorAndUnlocksAfterTheWindow() {
		String email = newUser("VIEWER", null);
		ApiClient wrong = ApiClient.withAuthorization(port, basic(email, "wrong password"));
		ApiClient unknown = ApiClient.withAuthorization(port, basic("nobody@security.test", "wrong password"));
		Response wrongAnswer = wrong.post("/api/v1/tokens", "{}");
		assertThat(wrongAnswer.status()).isEqualTo(401);
		assertThat(unknown.post("/api/v1/tokens", "{}").text()).isEqualTo(wrongAnswer.text());
		wrong.post("/api/v1/tokens", "{}");
		wrong.post("/api/v1/tokens", "{}");
		ApiClient right = ApiClient.withAuthorization(port, basic(email, "a long password"));
		Response throttled = right.post("/api/v1/tokens", "{}");
		assertThat(throttled.status()).as("locked after 3 failures, even with the right password").isEqualTo(401);
		assertThat(throttled.text()).isEqualTo(wrongAnswer.text());
		assertThat(api().get("/api/v1/audit?limit=50").text()).contains("SIGN_IN_THROTTLED", "SIGN_IN_FAILED");
		// the lock-out is a rolling window of failures: once they are older than the
		// window, sign-in works again
		ageFailures(email);
		assertThat(right.post("/api/v1/tokens", "{\"name\":\"after the window\"}").status()).isEqualTo(201);
	}

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	/** Moves the account's counted failures two windows (of 5 minutes) into the past. */
	private void ageFailures(String email) {
		jdbc.sql("update rate_limits set window_start = window_start - 2 where subject = ?").param(email).update();
	}

	@Test
	void readOnlyAndProductScopedTokensNeverExceedTheirScope() {
		ApiClient admin = api();
		String readOnly = admin.post("/api/v1/tokens", "{\"name\":\"ro\",\"readOnly\":true}")
			.json()
			.get("token")
			.asText();
		ApiClient ro = ApiClient.withToken(port, readOnly);
		assertThat(ro.get("/api/v1/products/SHOP/items?limit=1").status()).isEqualTo(200);
		assertThat(ro.post("/api/v1/products/SHOP/items", "{\"type\":\"BUG\",\"title\":\"x\"}").status())
			.isEqualTo(403);
		assertThat(ro.post("/api/v1/tokens", "{\"name\":\"wider\"}").status()).as("a read-only token only reads")
			.isEqualTo(403);
		aProduct("SCOPE").named("Scoped").createdBy(admin);
		String scoped = admin.post("/api/v1/tokens", "{\"name\":\"only scope\",\"products\":[\"SCOPE\"]}")
			.json()
			.get("token")
			.asText();
		ApiClient sc = ApiClient.withToken(port, scoped);
		assertThat(sc.get("/api/v1/products/SCOPE").status()).isEqualTo(200);
		assertThat(sc.get("/api/v1/products/SHOP").status()).isEqualTo(404);
		assertThat(sc.get("/api/v1/products").text()).contains("SCOPE").doesNotContain("\"SHOP\"");
		String viewer = newUser("VIEWER", "SHOP");
		ApiClient viewerClient = ApiClient.signIn(port, viewer, "a long password");
		assertThat(viewerClient.post("/api/v1/tokens", "{\"name\":\"x\",\"products\":[\"SCOPE\"]}").status())
			.isEqualTo(400);
	}

	@Test
	void intakeTokensOnlySubmitFeedback() {
		ApiClient admin = api();
		var created = admin.post("/api/v1/tokens", "{\"name\":\"desk\",\"intakeOnly\":true,\"products\":[\"SHOP\"]}");
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		assertThat(created.json().get("intakeOnly").asBoolean()).isTrue();
		ApiClient intake = ApiClient.withToken(port, created.json().get("token").asText());
		var submitted = intake.post("/api/v1/products/SHOP/feedback", "{\"text\":\"From the support desk\"}");
		assertThat(submitted.status()).as(submitted.text()).isEqualTo(201);
		assertThat(admin.get("/api/v1/products/SHOP/feedback/" + submitted.json().get("id").asLong()).status())
			.isEqualTo(200);
		assertThat(intake.get("/api/v1/products/SHOP/feedback").status()).isEqualTo(403);
		assertThat(intake.get("/api/v1/products/SHOP/items?limit=1").status()).isEqualTo(403);
		assertThat(intake.get("/api/v1/me").status()).isEqualTo(403);
		assertThat(intake.post("/api/v1/tokens", "{\"name\":\"wider\"}").status()).isEqualTo(403);
		assertThat(intake.post("/api/v1/products/SHOP/items", "{\"type\":\"BUG\",\"title\":\"x\"}").status())
			.isEqualTo(403);
		assertThat(admin.post("/api/v1/tokens", "{\"name\":\"both\",\"intakeOnly\":true,\"readOnly\":true}").status())
			.isEqualTo(400);
		assertThat(admin.get("/api/v1/tokens").text()).contains("\"intakeOnly\":true");
	}

	@Test
	void membersWorkItemsButDoNotEditThem() {
		String member = newUser("MEMBER", "SHOP");
		ApiClient client = ApiClient.signIn(port, member, "a long password");
		String item = "/api/v1/products/SHOP/items/SHOP-6";
		String etag = client.get(item).etag();
		assertThat(client.patch(item, "{\"title\":\"Renamed by a member\"}", etag).status()).isEqualTo(403);
		assertThat(client.patch(item, "{\"estimate\":8}", etag).status()).isEqualTo(200);
		assertThat(
				client.send("PATCH", item + "?force=true", "{\"status\":\"READY\"}", client.get(item).etag()).status())
			.isEqualTo(403);
		assertThat(client.post("/api/v1/products/SHOP/items", "{\"type\":\"BUG\",\"title\":\"x\"}").status())
			.isEqualTo(403);
	}

	@Test
	void theLastOwnerCannotBeRemovedAndRoleChangesAreAudited() {
		ApiClient admin = api();
		aProduct("SOLO").named("Solo").createdBy(admin);
		long adminId = accounts.findByEmail(ADMIN_EMAIL).orElseThrow().id().value();
		assertThat(admin.delete("/api/v1/products/SOLO/members/" + adminId, null).status()).isEqualTo(409);
		String other = newUser("VIEWER", null);
		assertThat(admin
			.send("PUT", "/api/v1/products/SOLO/members", "{\"email\":\"" + other + "\",\"role\":\"MANAGER\"}", null)
			.status()).isEqualTo(200);
		assertThat(admin.get("/api/v1/products/SOLO/members").text()).contains(other, "MANAGER");
		assertThat(admin.get("/api/v1/audit?limit=20").text()).contains("ROLE_CHANGED", "SOLO: none → MANAGER");
	}

	@Test
	void theAdminExportsTheAuditLogAsCsv() {
		BrowserlessSession admin = BrowserlessSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		var csv = admin.get("/admin/audit.csv");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
		assertThat(csv.body()).startsWith("id,occurred_at,type,actor,subject,client_ip,detail").contains(",SIGN_IN,");
		String viewer = newUser("VIEWER", "SHOP");
		assertThat(BrowserlessSession.signIn(port, viewer, "a long password").get("/admin/audit.csv").statusCode())
			.isEqualTo(403);
	}

	@Test
	void answersWithSecurityHeaders() throws Exception {
		var page = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/login"))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		var headers = page.headers();
		assertThat(headers.firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'")
			.doesNotContain("unsafe-inline' 'self'; script")
			.contains("frame-ancestors 'none'");
		assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(headers.firstValue("Referrer-Policy")).contains("strict-origin-when-cross-origin");
		assertThat(String.join(";", headers.allValues("Set-Cookie"))).containsIgnoringCase("HttpOnly")
			.containsIgnoringCase("SameSite=Lax");
	}

}
