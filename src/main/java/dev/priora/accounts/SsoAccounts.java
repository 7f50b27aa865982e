package dev.priora.accounts;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns the claims an OpenID provider vouched for into a Priora user, in one transaction:
 * the verified e-mail finds the user (or creates one, when the policy allows it for that
 * domain), and the provider groups set workspace admin and product roles. Group roles are
 * authoritative for what they name: when any group gives workspace admin, the admin flag
 * follows the groups (the break-glass admin keeps it); for every product a group names,
 * the user holds the highest role their groups give there, or none (a product's last
 * owner keeps the role). Products no group names are left as they are. Throws
 * {@link SsoRefused} with a reason for the person.
 */
@Service
class SsoAccounts {

	private final AccountRepository users;

	private final SsoRepository sso;

	private final SsoAdmin admin;

	private final ProductRoleRepository roles;

	private final PasswordEncoder passwords;

	private final SecurityLog log;

	private final Clock clock;

	SsoAccounts(AccountRepository users, SsoRepository sso, SsoAdmin admin, ProductRoleRepository roles,
			PasswordEncoder passwords, SecurityLog log, Clock clock) {
		this.users = users;
		this.sso = sso;
		this.admin = admin;
		this.roles = roles;
		this.passwords = passwords;
		this.log = log;
		this.clock = clock;
	}

	/**
	 * The e-mail address (lower case) the provider vouched for: its {@code email} claim,
	 * only when {@code email_verified} is true; {@link SsoRefused} otherwise.
	 */
	static String verifiedEmail(String providerName, Map<String, Object> claims) {
		String email = claims.get("email") instanceof String s ? AccountService.normalize(s) : "";
		if (email.isEmpty() || !email.contains("@")) {
			throw new SsoRefused(null, providerName + " did not give an e-mail address, so Priora cannot tell who you"
					+ " are. Ask your administrator to add the e-mail scope.");
		}
		Object verified = claims.get("email_verified");
		if (!(Boolean.TRUE.equals(verified) || "true".equals(verified))) {
			throw new SsoRefused(email, providerName + " has not verified the e-mail address " + email
					+ ", so Priora cannot match it to an account.");
		}
		return email;
	}

	@Transactional
	SignedInUser signIn(String providerName, Map<String, Object> claims) {
		String email = verifiedEmail(providerName, claims);
		SsoPolicy policy = admin.policy();
		SignedInUser user = users.findByEmail(email).orElseGet(() -> create(email, claims, policy, providerName));
		if (!user.isEnabled()) {
			throw new SsoRefused(email, "The Priora account " + email + " is deactivated. Ask your administrator.");
		}
		applyGroups(user, groups(claims.get(policy.groupsClaim())), policy);
		return users.findById(user.id()).orElseThrow();
	}

	/** The user as stored now. */
	SignedInUser reload(UserId id) {
		return users.findById(id).orElseThrow();
	}

	private SignedInUser create(String email, Map<String, Object> claims, SsoPolicy policy, String providerName) {
		if (!policy.mayCreate(email)) {
			throw new SsoRefused(email,
					"No Priora account has the e-mail address " + email
							+ (policy.allowSignUp()
									? ", and accounts are created at first sign-in only for "
											+ String.join(", ", policy.allowedDomains()) + " addresses"
									: ", and accounts are not created at first sign-in")
							+ ". Ask your administrator for an invitation.");
		}
		String name = claims.get("name") instanceof String n && !n.isBlank() ? n.strip() : email;
		UserId id = users.insertUser(email, name.length() > 200 ? name.substring(0, 200) : name,
				passwords.encode(Secrets.random()), false, clock.instant());
		log.record(SecurityEventType.USER_JOINED, id, email, "created at first single sign-on with " + providerName);
		return users.findById(id).orElseThrow();
	}

	private void applyGroups(SignedInUser user, Set<String> groups, SsoPolicy policy) {
		List<SsoGroupRole> mappings = sso.groupRoles();
		if (mappings.stream().anyMatch(SsoGroupRole::admin)) {
			boolean shouldBe = mappings.stream().anyMatch(m -> m.admin() && groups.contains(m.group()))
					|| (user.admin() && user.email().equals(policy.breakGlassEmail()));
			if (shouldBe != user.admin()) {
				sso.setAdmin(user.id(), shouldBe);
				log.record(SecurityEventType.ROLE_CHANGED, user.id(), user.email(),
						"workspace admin " + (shouldBe ? "given" : "taken") + " by provider groups");
			}
		}
		Map<String, List<SsoGroupRole>> byProduct = mappings.stream()
			.filter(m -> !m.admin())
			.collect(Collectors.groupingBy(SsoGroupRole::productKey));
		byProduct.forEach((product, productMappings) -> {
			Optional<ProductRole> best = productMappings.stream()
				.filter(m -> groups.contains(m.group()))
				.map(SsoGroupRole::role)
				.min(Enum::compareTo);
			Optional<ProductRole> current = roles.role(product, user.id().value()).map(ProductRole::valueOf);
			if (best.equals(current)) {
				return;
			}
			if (current.orElse(null) == ProductRole.OWNER && roles.owners(product) <= 1) {
				return;
			}
			roles.delete(product, user.id().value());
			best.ifPresent(r -> roles.insert(product, user.id().value(), r, clock.instant(), user.id().value()));
			log.record(SecurityEventType.ROLE_CHANGED, user.id(), user.email(),
					product + ": " + current.map(Enum::name).orElse("none") + " → "
							+ best.map(Enum::name).orElse("none") + " by provider groups");
		});
	}

	static Set<String> groups(Object claim) {
		Set<String> groups = new TreeSet<>();
		if (claim instanceof Collection<?> many) {
			many.forEach(g -> groups.add(String.valueOf(g)));
		}
		else if (claim instanceof String one) {
			for (String g : one.split("[,\\s]+")) {
				if (!g.isBlank()) {
					groups.add(g);
				}
			}
		}
		return groups;
	}

}
