package dev.priora.accounts;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/**
 * Who holds which role in which product. A workspace admin counts as owner everywhere.
 */
@Service
public class ProductRoles {

	private static final URI NOT_FOUND_TYPE = URI.create("https://priora.dev/problems/not-found");

	private final ProductRoleRepository roles;

	private final AccountRepository users;

	private final SecurityLog log;

	private final Clock clock;

	ProductRoles(ProductRoleRepository roles, AccountRepository users, SecurityLog log, Clock clock) {
		this.roles = roles;
		this.users = users;
		this.log = log;
		this.clock = clock;
	}

	/**
	 * The user's role in the product; admins are owners; empty when the user has no
	 * access.
	 */
	public Optional<ProductRole> roleOf(SignedInUser user, String productKey) {
		if (user.admin()) {
			return Optional.of(ProductRole.OWNER);
		}
		return roles.role(productKey, user.id().value()).map(ProductRole::valueOf);
	}

	/**
	 * Whether the product is visible to the user at all (role held, and within the
	 * token's scope).
	 */
	public boolean canSee(SignedInUser user, String productKey) {
		return user.scope().reaches(productKey) && roleOf(user, productKey).isPresent();
	}

	/**
	 * The keys of the products the user holds a role in (for an admin: null, meaning
	 * all).
	 */
	public Set<String> productKeysOf(SignedInUser user) {
		if (user.admin()) {
			return null;
		}
		return Set.copyOf(roles.productKeys(user.id().value()));
	}

	public List<MemberView> members(String productKey) {
		return roles.members(productKey);
	}

	/**
	 * Gives {@code email}'s user the role in the product (replacing any other); 404 for
	 * an unknown email.
	 */
	@Transactional
	public MemberView grant(String productKey, String email, ProductRole role, UserId actor) {
		SignedInUser user = users.findByEmail(email.strip().toLowerCase(Locale.ROOT))
			.orElseThrow(() -> problem(HttpStatus.BAD_REQUEST, "email", "no user has the email " + email));
		Optional<String> previous = roles.role(productKey, user.id().value());
		if (previous.isPresent() && !previous.get().equals(role.name())) {
			refuseLosingLastOwner(productKey, user.id(), ProductRole.valueOf(previous.get()));
		}
		roles.delete(productKey, user.id().value());
		roles.insert(productKey, user.id().value(), role, clock.instant(), actor.value());
		log.record(SecurityEventType.ROLE_CHANGED, actor, user.email(),
				productKey + ": " + previous.orElse("none") + " → " + role.name());
		return new MemberView(user.id(), user.email(), user.displayName(), role, user.isEnabled());
	}

	/** Makes the creator of a product its owner. */
	@Transactional
	public void grantCreator(String productKey, UserId creator) {
		roles.insert(productKey, creator.value(), ProductRole.OWNER, clock.instant(), creator.value());
	}

	/** Removes the user's role; the last owner cannot be removed. */
	@Transactional
	public void revoke(String productKey, UserId user, UserId actor) {
		ProductRole role = roles.role(productKey, user.value())
			.map(ProductRole::valueOf)
			.orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "user", "this user holds no role in " + productKey));
		refuseLosingLastOwner(productKey, user, role);
		roles.delete(productKey, user.value());
		String email = users.findById(user).map(SignedInUser::email).orElse("user " + user.value());
		log.record(SecurityEventType.ROLE_REMOVED, actor, email, productKey + ": " + role.name() + " removed");
	}

	private void refuseLosingLastOwner(String productKey, UserId user, ProductRole current) {
		if (current != ProductRole.OWNER) {
			return;
		}
		if (roles.owners(productKey) <= 1) {
			throw problem(HttpStatus.CONFLICT, "role", "a product keeps at least one owner");
		}
	}

	static ErrorResponseException problem(HttpStatus status, String field, String reason) {
		ProblemDetail p = ProblemDetail.forStatusAndDetail(status, field + ": " + reason);
		typed(p, status);
		p.setProperty("errors", List.of(java.util.Map.of("field", field, "reason", reason)));
		return new ErrorResponseException(status, p, null);
	}

	/**
	 * The answer for something the caller may not see or that does not exist, alike for
	 * both: 404 with the problem type {@code not-found}, naming only what was asked for
	 * (the same body as the backlog's {@code DomainProblem.notFound}).
	 */
	static ErrorResponseException notFound(String what) {
		ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, what + " does not exist.");
		typed(p, HttpStatus.NOT_FOUND);
		return new ErrorResponseException(HttpStatus.NOT_FOUND, p, null);
	}

	private static void typed(ProblemDetail p, HttpStatus status) {
		if (status == HttpStatus.NOT_FOUND) {
			p.setType(NOT_FOUND_TYPE);
			p.setTitle("Not found");
		}
	}

	static String keys(Set<String> keys) {
		return keys.stream().sorted().collect(Collectors.joining(","));
	}

}
