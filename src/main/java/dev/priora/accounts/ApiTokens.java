package dev.priora.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: created with a scope (read or write, all or some products), shown
 * once, kept as their SHA-256, revoked by their owner, and checked for every bearer
 * request.
 */
@Service
public class ApiTokens {

	static final String TOKEN_PREFIX = "pri_";

	private final AccountRepository users;

	private final SecurityLog log;

	private final Clock clock;

	private final Map<String, Instant> lastTouched = new ConcurrentHashMap<>();

	ApiTokens(AccountRepository users, SecurityLog log, Clock clock) {
		this.users = users;
		this.log = log;
		this.clock = clock;
	}

	/**
	 * Creates a personal token; the secret is returned once and only its SHA-256 is kept.
	 */
	@Transactional
	public CreatedToken createToken(UserId user, String name, TokenScope scope) {
		String secret = TOKEN_PREFIX + Secrets.random();
		long id = users.insertToken(user, name, Secrets.sha256(secret), secret.substring(0, 10), scope,
				clock.instant());
		log.record(SecurityEventType.TOKEN_CREATED, user, name, scope.access() + (scope.productKeys().isEmpty()
				? ", all products" : ", products " + ProductRoles.keys(scope.productKeys())));
		return new CreatedToken(users.token(user, id).orElseThrow(), secret);
	}

	public List<ApiTokenView> tokens(UserId user) {
		return users.tokensOf(user);
	}

	/** Revokes a token of the user; unknown ids answer 404. */
	@Transactional
	public void revokeToken(UserId user, long tokenId) {
		ApiTokenView token = users.token(user, tokenId)
			.orElseThrow(() -> ProductRoles.problem(HttpStatus.NOT_FOUND, "id", "no such token"));
		users.revokeToken(user, tokenId, clock.instant());
		log.record(SecurityEventType.TOKEN_REVOKED, user, token.name(), null);
	}

	/**
	 * The active user owning the token, with the token's scope. "Last used" is written at
	 * most once a minute per token, so that busy scripts do not turn every read into a
	 * write on one row.
	 */
	Optional<SignedInUser> authenticateToken(String secret) {
		if (!secret.startsWith(TOKEN_PREFIX) || secret.length() > 200) {
			return Optional.empty();
		}
		String hash = Secrets.sha256(secret);
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

}
