package dev.priora.accounts;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: created with a scope (read or write, all or some products) and an
 * optional expiry date, shown once, kept as their SHA-256, revoked by their owner or an
 * admin, and checked for every bearer request.
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
	 * Creates a personal token that never expires; the secret is returned once and only
	 * its SHA-256 is kept.
	 */
	@Transactional
	public CreatedToken createToken(UserId user, String name, TokenScope scope) {
		return createToken(user, name, scope, null);
	}

	/**
	 * Creates a personal token valid through {@code expiresOn} (a UTC date, today or
	 * later; null: no expiry): from the start of the next day it is refused. The secret
	 * is returned once and only its SHA-256 is kept.
	 */
	@Transactional
	public CreatedToken createToken(UserId user, String name, TokenScope scope, LocalDate expiresOn) {
		Instant now = clock.instant();
		if (expiresOn != null && expiresOn.isBefore(LocalDate.ofInstant(now, ZoneOffset.UTC))) {
			throw ProductRoles.problem(HttpStatus.BAD_REQUEST, "expiresOn", "must be today or later");
		}
		Instant expiresAt = expiresOn == null ? null : expiresOn.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		String secret = TOKEN_PREFIX + Secrets.random();
		long id = users.insertToken(user, name, Secrets.sha256(secret), secret.substring(0, 10), scope, now, expiresAt);
		log.record(SecurityEventType.TOKEN_CREATED, user, name,
				scope.access()
						+ (scope.productKeys().isEmpty() ? ", all products"
								: ", products " + ProductRoles.keys(scope.productKeys()))
						+ (expiresOn == null ? "" : ", expires after " + expiresOn));
		return new CreatedToken(users.token(user, id).orElseThrow().at(now), secret);
	}

	public List<ApiTokenView> tokens(UserId user) {
		Instant now = clock.instant();
		return users.tokensOf(user).stream().map(t -> t.at(now)).toList();
	}

	/**
	 * Everyone's tokens with their owners, newest first (at most 1000), for the admin.
	 */
	public List<OwnedToken> allTokens() {
		Instant now = clock.instant();
		return users.allTokens(1000)
			.stream()
			.map(t -> new OwnedToken(t.owner(), t.ownerEmail(), t.ownerName(), t.token().at(now)))
			.toList();
	}

	/** An admin revokes anyone's token; unknown ids answer 404; audited. */
	@Transactional
	public void revokeAnyToken(long tokenId, UserId admin) {
		UserId owner = users.tokenOwner(tokenId)
			.orElseThrow(() -> ProductRoles.problem(HttpStatus.NOT_FOUND, "id", "no such token"));
		ApiTokenView token = users.token(owner, tokenId).orElseThrow();
		users.revokeToken(owner, tokenId, clock.instant());
		String email = users.findById(owner).map(SignedInUser::email).orElse("user " + owner.value());
		log.record(SecurityEventType.TOKEN_REVOKED, admin, token.name(), "by an admin; owner " + email);
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
		Instant now = clock.instant();
		Optional<SignedInUser> owner = users.findActiveTokenOwner(hash, now).filter(SignedInUser::isEnabled);
		if (owner.isPresent()) {
			Instant last = lastTouched.get(hash);
			if (last == null || last.isBefore(now.minusSeconds(60))) {
				lastTouched.put(hash, now);
				users.touchToken(hash, now);
			}
		}
		return owner;
	}

	/** Why a bearer token was refused, for the 401 problem. */
	String refusal(String secret) {
		Optional<Instant> expired = secret.startsWith(TOKEN_PREFIX) && secret.length() <= 200
				? users.expiryOf(Secrets.sha256(secret), clock.instant()) : Optional.empty();
		return expired.map(at -> "The bearer token expired at " + at + ".")
			.orElse("The bearer token is unknown, revoked or malformed.");
	}

}
