package dev.priora.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

import tools.jackson.databind.JsonNode;

import dev.priora.support.ApiClient;
import dev.priora.support.ApiClient.Response;
import dev.priora.support.BrowserlessSession;
import dev.priora.support.IntegrationTestBase;

/**
 * Passkeys on the database: Spring Security's JDBC repositories on V56's tables (bytes,
 * times and transports come back as written), registrations audited with a clean label,
 * the owner's list, rename and removal, the admin's list and removal (audited), and
 * Spring Security's WebAuthn endpoints as the web chain wires them: registration options
 * only for a signed-in user with user verification required, a bad sign-in audited and
 * throttled per address.
 */
class PasskeysIntegrationTest extends IntegrationTestBase {

	@Autowired
	AccountService accounts;

	@Autowired
	PublicKeyCredentialUserEntityRepository userEntities;

	@Autowired
	UserCredentialRepository credentials;

	@Autowired
	RateLimiter limiter;

	@Autowired
	JdbcClient jdbc;

	private static int users;

	@AfterEach
	void noThrottlingLeftForOtherTests() {
		jdbc.sql("delete from rate_limits").update();
	}

	record Owner(UserId id, String email, PublicKeyCredentialUserEntity entity) {
	}

	private Owner owner() {
		String email = "keyholder" + (++users) + "@passkeys.test";
		UserId id = accounts.createUser(email, "Key Holder " + users, "password-" + email, false);
		PublicKeyCredentialUserEntity entity = ImmutablePublicKeyCredentialUserEntity.builder()
			.id(Bytes.random())
			.name(email)
			.displayName(email)
			.build();
		userEntities.save(entity);
		return new Owner(id, email, entity);
	}

	private static CredentialRecord credential(Owner owner, String label, Instant created) {
		return ImmutableCredentialRecord.builder()
			.credentialId(Bytes.random())
			.userEntityUserId(owner.entity().getId())
			.publicKey(new ImmutablePublicKeyCose(new byte[] { 1, 2, 3, (byte) 0xff, 0 }))
			.signatureCount(7)
			.uvInitialized(true)
			.backupEligible(true)
			.backupState(false)
			.transports(Set.of(AuthenticatorTransport.INTERNAL, AuthenticatorTransport.HYBRID))
			.credentialType(PublicKeyCredentialType.PUBLIC_KEY)
			.attestationObject(new Bytes(new byte[] { 9, 8, 7 }))
			.attestationClientDataJSON(new Bytes("{}".getBytes()))
			.created(created)
			.lastUsed(created)
			.label(label)
			.build();
	}

	private List<String> events(String type, String subject) {
		return jdbc.sql("select coalesce(detail, '') from security_events where event_type = ? and subject = ?")
			.params(type, subject)
			.query(String.class)
			.list();
	}

	@Test
	void springSecuritysRepositoriesKeepWhatTheyStore() {
		Owner owner = owner();
		Instant created = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofDays(3));
		CredentialRecord record = credential(owner, "MacBook Touch ID", created);
		credentials.save(record);

		assertThat(userEntities.findByUsername(owner.email()).getId()).isEqualTo(owner.entity().getId());
		assertThat(userEntities.findById(owner.entity().getId()).getName()).isEqualTo(owner.email());
		CredentialRecord read = credentials.findByCredentialId(record.getCredentialId());
		assertThat(read.getPublicKey().getBytes()).containsExactly(1, 2, 3, (byte) 0xff, 0);
		assertThat(read.getAttestationObject().getBytes()).containsExactly(9, 8, 7);
		assertThat(read.getSignatureCount()).isEqualTo(7);
		assertThat(read.isBackupEligible()).isTrue();
		assertThat(read.isBackupState()).isFalse();
		assertThat(read.getTransports()).containsExactlyInAnyOrder(AuthenticatorTransport.INTERNAL,
				AuthenticatorTransport.HYBRID);
		assertThat(read.getCreated()).isEqualTo(created);
		assertThat(read.getLabel()).isEqualTo("MacBook Touch ID");
		assertThat(credentials.findByUserId(owner.entity().getId())).hasSize(1);

		Instant used = created.plus(Duration.ofDays(1));
		credentials.save(ImmutableCredentialRecord.fromCredentialRecord(read).signatureCount(8).lastUsed(used).build());
		CredentialRecord afterSignIn = credentials.findByCredentialId(record.getCredentialId());
		assertThat(afterSignIn.getSignatureCount()).isEqualTo(8);
		assertThat(afterSignIn.getLastUsed()).isEqualTo(used);
		assertThat(events("PASSKEY_ADDED", owner.email())).as("a sign-in's update is no registration")
			.containsExactly("MacBook Touch ID");
	}

	@Test
	void aRegistrationIsAuditedWithACleanLabel() {
		Owner owner = owner();
		CredentialRecord blank = credential(owner, "   ", Instant.now());
		CredentialRecord longOne = credential(owner, "k".repeat(150), Instant.now().plusSeconds(1));
		credentials.save(blank);
		credentials.save(longOne);

		assertThat(credentials.findByCredentialId(blank.getCredentialId()).getLabel()).isEqualTo("Passkey");
		assertThat(credentials.findByCredentialId(longOne.getCredentialId()).getLabel()).hasSize(100);
		assertThat(events("PASSKEY_ADDED", owner.email())).containsExactlyInAnyOrder("Passkey", "k".repeat(100));
	}

	@Test
	void theOwnerListsRenamesAndRemovesTheirPasskeys() {
		Owner owner = owner();
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		CredentialRecord phone = credential(owner, "Phone", now.minus(Duration.ofDays(2)));
		CredentialRecord laptop = credential(owner, "Laptop", now.minus(Duration.ofDays(1)));
		credentials.save(phone);
		credentials.save(laptop);
		ApiClient client = ApiClient.signIn(port, owner.email(), "password-" + owner.email());

		JsonNode list = client.get("/api/v1/account/passkeys").json();
		assertThat(list).hasSize(2);
		assertThat(list.get(0).get("label").asText()).isEqualTo("Phone");
		assertThat(list.get(0).get("lastUsed").isNull()).as("registered, never signed in with").isTrue();
		assertThat(list.get(1).get("id").asText()).isEqualTo(laptop.getCredentialId().toBase64UrlString());

		String laptopPath = "/api/v1/account/passkeys/" + laptop.getCredentialId().toBase64UrlString();
		Response renamed = client.patch(laptopPath, "{\"label\":\"  Work laptop \"}", null);
		assertThat(renamed.status()).as(renamed.text()).isEqualTo(200);
		assertThat(renamed.json().get("label").asText()).isEqualTo("Work laptop");
		Response blank = client.patch(laptopPath, "{\"label\":\"  \"}", null);
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.json().get("errors").get(0).get("field").asText()).isEqualTo("label");
		Response tooLong = client.patch(laptopPath, "{\"label\":\"" + "x".repeat(101) + "\"}", null);
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.text()).contains("label");
		assertThat(client.patch("/api/v1/account/passkeys/unknown", "{\"label\":\"A\"}", null).status()).isEqualTo(404);

		Owner other = owner();
		ApiClient stranger = ApiClient.signIn(port, other.email(), "password-" + other.email());
		assertThat(stranger.delete(laptopPath, null).status()).as("someone else's passkey").isEqualTo(404);
		assertThat(client.delete(laptopPath, null).status()).isEqualTo(204);
		assertThat(client.get("/api/v1/account/passkeys").json()).hasSize(1);
		assertThat(credentials.findByCredentialId(laptop.getCredentialId())).isNull();
		assertThat(events("PASSKEY_REMOVED", owner.email())).hasSize(1);
	}

	@Test
	void anAdminListsAndRemovesAUsersPasskeyAudited() {
		Owner owner = owner();
		CredentialRecord lost = credential(owner, "Lost key", Instant.now());
		credentials.save(lost);
		credentials.save(credential(owner, "Kept key", Instant.now().plusSeconds(1)));
		String path = "/api/v1/users/" + owner.id().value() + "/passkeys";

		assertThat(api().get(path).json()).hasSize(2);
		ApiClient self = ApiClient.signIn(port, owner.email(), "password-" + owner.email());
		assertThat(self.get(path).status()).as("not an admin").isEqualTo(403);
		assertThat(self.delete(path + "/" + lost.getCredentialId().toBase64UrlString(), null).status()).isEqualTo(403);
		assertThat(api().get("/api/v1/users/999999/passkeys").status()).isEqualTo(404);
		assertThat(api().delete(path + "/unknown", null).status()).isEqualTo(404);

		assertThat(api().delete(path + "/" + lost.getCredentialId().toBase64UrlString(), null).status()).isEqualTo(204);
		assertThat(api().get(path).json()).extracting(n -> n.get("label").asText()).containsExactly("Kept key");
		assertThat(events("PASSKEY_REMOVED", owner.email())).containsExactly("by an admin");
		UserId admin = accounts.findByEmail(ADMIN_EMAIL).orElseThrow().id();
		assertThat(jdbc.sql("select actor_id from security_events where event_type = 'PASSKEY_REMOVED' and subject = ?")
			.param(owner.email())
			.query(Long.class)
			.single()).isEqualTo(admin.value());

		BrowserlessSession page = BrowserlessSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		assertThat(page.get("/admin/users/" + owner.id().value() + "/passkeys").body()).contains("Kept key")
			.doesNotContain("Lost key");
	}

	@Test
	void registrationOptionsNeedASignedInUserAndAskForUserVerification() {
		Owner owner = owner();
		HttpResponse<String> anonymous = BrowserlessSession.anonymous(port).postJson("/webauthn/register/options", "");
		assertThat(anonymous.statusCode()).as("Spring Security answers 400, with no options").isEqualTo(400);
		assertThat(anonymous.body()).doesNotContain("challenge");

		BrowserlessSession session = BrowserlessSession.signIn(port, owner.email(), "password-" + owner.email());
		HttpResponse<String> options = session.postJson("/webauthn/register/options", "");
		assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
		assertThat(options.body()).contains("\"id\":\"localhost\"")
			.contains("\"userVerification\":\"required\"")
			.contains("\"residentKey\":\"required\"")
			.contains("\"name\":\"" + owner.email() + "\"");
	}

	@Test
	void aFailedPasskeySignInIsAuditedAndThrottledPerAddress() {
		BrowserlessSession browser = BrowserlessSession.anonymous(port);
		HttpResponse<String> options = browser.postJson("/webauthn/authenticate/options", "");
		assertThat(options.statusCode()).isEqualTo(200);
		assertThat(options.body()).contains("\"userVerification\":\"required\"").contains("\"rpId\":\"localhost\"");
		String forged = "{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"public-key\",\"response\":{"
				+ "\"authenticatorData\":\"AAAA\",\"clientDataJSON\":\"AAAA\",\"signature\":\"AAAA\"},"
				+ "\"clientExtensionResults\":{}}";
		long failedBefore = count("SIGN_IN_FAILED");
		assertThat(browser.postJson("/login/webauthn", forged).statusCode()).isEqualTo(401);
		assertThat(count("SIGN_IN_FAILED")).isEqualTo(failedBefore + 1);
		assertThat(browser.get("/account").statusCode()).as("still signed out").isEqualTo(302);

		RateLimiter.Limit perAddress = new RateLimiter.Limit("sign-in-address", 20, Duration.ofMinutes(15));
		while (limiter.tryAcquire(perAddress, "127.0.0.1").isPresent()) {
			// use up the address's budget
		}
		long throttledBefore = count("SIGN_IN_THROTTLED");
		browser.postJson("/webauthn/authenticate/options", "");
		assertThat(browser.postJson("/login/webauthn", forged).statusCode()).isEqualTo(401);
		assertThat(count("SIGN_IN_THROTTLED")).isEqualTo(throttledBefore + 1);
	}

	private long count(String type) {
		return jdbc.sql("select count(*) from security_events where event_type = ? and detail like 'passkey%'")
			.param(type)
			.query(Long.class)
			.single();
	}

}
