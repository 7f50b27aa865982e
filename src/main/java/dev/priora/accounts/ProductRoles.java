package dev.priora.accounts;

import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/**
 * Who holds which role in which product. A workspace admin counts as owner everywhere.
 */
@Service
public class ProductRoles {

	private static final URI NOT_FOUND_TYPE = URI.create("https://priora.dev/problems/not-found");

	private final JdbcClient jdbc;

	private final AccountRepository users;

	private final SecurityLog log;

	private final Clock clock;

	ProductRoles(JdbcClient jdbc, AccountRepository users, SecurityLog log, Clock clock) {
		this.jdbc = jdbc;
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
		return jdbc.sql("select role from product_roles where product_key = ? and user_id = ?")
			.params(productKey, user.id().value())
			.query(String.class)
			.optional()
			.map(ProductRole::valueOf);
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
		return Set.copyOf(jdbc.sql("select product_key from product_roles where user_id = ?")
			.param(user.id().value())
			.query(String.class)
			.list());
	}

	public List<MemberView> members(String productKey) {
		return jdbc.sql("""
				select u.id, u.email, u.display_name, r.role, u.active from product_roles r
				join users u on u.id = r.user_id where r.product_key = ? order by r.role, lower(u.display_name)""")
			.param(productKey)
			.query((rs, n) -> new MemberView(new UserId(rs.getLong(1)), rs.getString(2), rs.getString(3),
					ProductRole.valueOf(rs.getString(4)), rs.getBoolean(5)))
			.list();
	}

	/**
	 * Gives {@code email}'s user the role in the product (replacing any other); 404 for
	 * an unknown email.
	 */
	@Transactional
	public MemberView grant(String productKey, String email, ProductRole role, UserId actor) {
		SignedInUser user = users.findByEmail(email.strip().toLowerCase(Locale.ROOT))
			.orElseThrow(() -> problem(HttpStatus.BAD_REQUEST, "email", "no user has the email " + email));
		Optional<String> previous = jdbc.sql("select role from product_roles where product_key = ? and user_id = ?")
			.params(productKey, user.id().value())
			.query(String.class)
			.optional();
		if (previous.isPresent() && !previous.get().equals(role.name())) {
			refuseLosingLastOwner(productKey, user.id(), ProductRole.valueOf(previous.get()));
		}
		jdbc.sql("delete from product_roles where product_key = ? and user_id = ?")
			.params(productKey, user.id().value())
			.update();
		jdbc.sql(
				"""
						insert into product_roles (product_key, user_id, role, granted_at, granted_by) values (?, ?, ?, ?, ?)""")
			.params(productKey, user.id().value(), role.name(), clock.instant().atOffset(ZoneOffset.UTC), actor.value())
			.update();
		log.record(SecurityEventType.ROLE_CHANGED, actor, user.email(),
				productKey + ": " + previous.orElse("none") + " → " + role.name());
		return new MemberView(user.id(), user.email(), user.displayName(), role, user.isEnabled());
	}

	/** Makes the creator of a product its owner. */
	@Transactional
	public void grantCreator(String productKey, UserId creator) {
		jdbc.sql(
				"""
						insert into product_roles (product_key, user_id, role, granted_at, granted_by) values (?, ?, ?, ?, ?)""")
			.params(productKey, creator.value(), ProductRole.OWNER.name(), clock.instant().atOffset(ZoneOffset.UTC),
					creator.value())
			.update();
	}

	/** Removes the user's role; the last owner cannot be removed. */
	@Transactional
	public void revoke(String productKey, UserId user, UserId actor) {
		ProductRole role = jdbc.sql("select role from product_roles where product_key = ? and user_id = ?")
			.params(productKey, user.value())
			.query(String.class)
			.optional()
			.map(ProductRole::valueOf)
			.orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "user", "this user holds no role in " + productKey));
		refuseLosingLastOwner(productKey, user, role);
		jdbc.sql("delete from product_roles where product_key = ? and user_id = ?")
			.params(productKey, user.value())
			.update();
		String email = users.findById(user).map(SignedInUser::email).orElse("user " + user.value());
		log.record(SecurityEventType.ROLE_REMOVED, actor, email, productKey + ": " + role.name() + " removed");
	}

	private void refuseLosingLastOwner(String productKey, UserId user, ProductRole current) {
		if (current != ProductRole.OWNER) {
			return;
		}
		long owners = jdbc.sql("select count(*) from product_roles where product_key = ? and role = 'OWNER'")
			.param(productKey)
			.query(Long.class)
			.single();
		if (owners <= 1) {
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
	 * (the same body as the backlog's {@code BacklogProblem.notFound}).
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
