package dev.priora.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/** Users, passwords and personal API tokens. */
@Service
public class AccountService {

	static final String TOKEN_PREFIX = "pri_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final AccountRepository users;

	private final PasswordEncoder passwords;

	private final Clock clock;

	private final Map<String, Instant> lastTouched = new ConcurrentHashMap<>();

	AccountService(AccountRepository users, PasswordEncoder passwords, Clock clock) {
		this.users = users;
		this.passwords = passwords;
		this.clock = clock;
	}

	/** Creates a user; the email is stored in lower case and must be unused. */
	@Transactional
	public UserId createUser(String email, String displayName, String rawPassword) {
		String normalized = email.trim().toLowerCase(Locale.ROOT);
		if (users.findByEmail(normalized).isPresent()) {
			throw new ErrorResponseException(HttpStatus.CONFLICT);
		}
		return users.insertUser(normalized, displayName, passwords.encode(rawPassword), clock.instant());
	}

	public long userCount() {
		return users.countUsers();
	}

	public Optional<UserView> findByEmail(String email) {
		return users.findByEmail(email.trim().toLowerCase(Locale.ROOT)).map(AccountService::view);
	}

	Optional<SignedInUser> loadForSignIn(String email) {
		return users.findByEmail(email.trim().toLowerCase(Locale.ROOT));
	}

	/** Display names of the given users, for showing who changed what. */
	public Map<UserId, String> displayNames(Collection<UserId> ids) {
		List<Long> raw = ids.stream().map(UserId::value).distinct().toList();
		return users.findAll(raw)
			.stream()
			.collect(Collectors.toMap(SignedInUser::id, SignedInUser::displayName, (a, b) -> a));
	}

	/**
	 * Creates a personal token; the secret is returned once and only its SHA-256 is kept.
	 */
	@Transactional
	public CreatedToken createToken(UserId user, String name) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String secret = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		String prefix = secret.substring(0, 10);
		long id = users.insertToken(user, name, sha256(secret), prefix, clock.instant());
		ApiTokenView view = users.token(user, id).orElseThrow();
		return new CreatedToken(view, secret);
	}

	public List<ApiTokenView> tokens(UserId user) {
		return users.tokensOf(user);
	}

	/** Revokes a token of the user; unknown ids answer 404. */
	@Transactional
	public void revokeToken(UserId user, long tokenId) {
		users.token(user, tokenId).orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND));
		users.revokeToken(user, tokenId, clock.instant());
	}

	/**
	 * The active user owning the token. "Last used" is written at most once a minute per
	 * token, so that busy scripts do not turn every read into a write on one row.
	 */
	Optional<SignedInUser> authenticateToken(String secret) {
		if (!secret.startsWith(TOKEN_PREFIX) || secret.length() > 200) {
			return Optional.empty();
		}
		String hash = sha256(secret);
		Optional<SignedInUser> owner = users.findActiveTokenOwner(hash).filter(SignedInUser::isEnabled);
		if (owner.isPresent()) {
			Instant now = clock.instant();
			Instant last = lastTouched.get(hash);
			if (last == null || last.isBefore(now.minusSeconds(60))) {
				lastTouched.put(hash, now);
				users.touchToken(hash, now);
			}
		}
		return owner;
	}

	private static UserView view(SignedInUser u) {
		return new UserView(u.id(), u.email(), u.displayName(), u.isEnabled());
	}

	static String sha256(String value) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
