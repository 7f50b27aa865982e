package dev.priora.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import dev.priora.feedback.PublicForms;
import dev.priora.support.ApiClient;
import dev.priora.support.BrowserlessSession;
import dev.priora.support.IntegrationTestBase;

/**
 * With the test client's address configured as a trusted proxy, the address it forwards
 * is the client's: throttled, limited and audited as such.
 */
@TestPropertySource(properties = { "priora.trusted-proxies=10.9.9.9, 127.0.0.1",
		"priora.security.max-failures-per-account=100", "priora.security.max-failures-per-address=3",
		"priora.feedback.public-form.max-per-address-per-hour=2" })
class TrustedProxyIntegrationTest extends IntegrationTestBase {

	@Autowired
	AccountService accounts;

	@Autowired
	PublicForms forms;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void noEarlierUsesCount() {
		jdbc.sql("delete from rate_limits").update();
	}

	private ApiClient basic(String email, String password, String forwardedFor) {
		return ApiClient
			.withAuthorization(port,
					"Basic " + Base64.getEncoder()
						.encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8)))
			.withHeader("X-Forwarded-For", forwardedFor);
	}

	@Test
	void throttlesAndAuditsTheForwardedAddress() {
		accounts.createUser("proxied@trusted.test", "Proxied", "a long password", false);
		for (int i = 0; i < 3; i++) {
			assertThat(basic("nobody@trusted.test", "wrong", "203.0.113.7").post("/api/v1/tokens", "{}").status())
				.isEqualTo(401);
		}
		assertThat(
				basic("proxied@trusted.test", "a long password", "203.0.113.7").post("/api/v1/tokens", "{}").status())
			.as("203.0.113.7 has used up its failures")
			.isEqualTo(401);
		assertThat(basic("proxied@trusted.test", "a long password", "203.0.113.8")
			.post("/api/v1/tokens", "{\"name\":\"t\"}")
			.status()).as("another client behind the same proxy").isEqualTo(201);
		assertThat(jdbc.sql("select distinct client_ip from security_events where subject = 'nobody@trusted.test'")
			.query(String.class)
			.list()).containsExactly("203.0.113.7");
		assertThat(jdbc
			.sql("select client_ip from security_events where subject = 'proxied@trusted.test'"
					+ " and event_type = 'SIGN_IN'")
			.query(String.class)
			.list()).containsExactly("203.0.113.8");
	}

	@Test
	void takesTheNearestUntrustedAddressOfAChain() {
		// a client sent its own X-Forwarded-For; the proxy appended the address it saw
		basic("chain@trusted.test", "wrong", "198.51.100.1, 203.0.113.20, 10.9.9.9").post("/api/v1/tokens", "{}");
		assertThat(jdbc.sql("select client_ip from security_events where subject = 'chain@trusted.test'")
			.query(String.class)
			.list()).containsExactly("203.0.113.20");
	}

	@Test
	void limitsPublicFormsPerForwardedAddress() {
		String secret = forms.create("SHOP", accounts.findByEmail(ADMIN_EMAIL).orElseThrow().id());
		BrowserlessSession visitor = BrowserlessSession.anonymous(port);
		BrowserlessSession first = visitor.withHeader("X-Forwarded-For", "203.0.113.30");
		assertThat(sent(first.post("/f/" + secret, Map.of("text", "one")))).isTrue();
		assertThat(sent(first.post("/f/" + secret, Map.of("text", "two")))).isTrue();
		assertThat(first.post("/f/" + secret, Map.of("text", "three")).body()).contains("Too many submissions");
		assertThat(sent(visitor.withHeader("X-Forwarded-For", "203.0.113.31")
			.post("/f/" + secret, Map.of("text", "from a neighbour")))).isTrue();
		assertThat(
				jdbc.sql("select client_ip from feedback where body = 'from a neighbour'").query(String.class).single())
			.isEqualTo("203.0.113.31");
	}

	/** A kept submission redirects to the thank-you page. */
	private static boolean sent(java.net.http.HttpResponse<String> answer) {
		return answer.statusCode() == 302 && answer.headers().firstValue("Location").orElse("").endsWith("?sent");
	}

}
