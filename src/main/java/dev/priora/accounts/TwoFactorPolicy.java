package dev.priora.accounts;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin's side of two-factor: require it of one user or of everyone (those without a
 * second factor are sent to enrol at their next sign-in), and reset a user's second
 * factor (a lost phone). Every change is audited.
 */
@Service
public class TwoFactorPolicy {

	/** One user's two-factor state, for the admin's list. */
	public record UserTwoFactor(UserId id, String email, String displayName, boolean enabled, boolean required) {
	}

	private final TwoFactorRepository store;

	private final AccountRepository users;

	private final SecurityLog log;

	TwoFactorPolicy(TwoFactorRepository store, AccountRepository users, SecurityLog log) {
		this.store = store;
		this.users = users;
		this.log = log;
	}

	public boolean requiredForEveryone() {
		return store.requiredForEveryone();
	}

	/** Every user with their two-factor state, in the order of the users list. */
	public List<UserTwoFactor> users() {
		var enrolled = store.enrolledUsers();
		var required = store.requiredUsers();
		return users.allUsers()
			.stream()
			.map(u -> new UserTwoFactor(u.id(), u.email(), u.displayName(), enrolled.contains(u.id().value()),
					required.contains(u.id().value())))
			.toList();
	}

	@Transactional
	public void requireForEveryone(boolean required, UserId admin) {
		if (store.requiredForEveryone() != required) {
			store.setRequiredForEveryone(required);
			log.record(SecurityEventType.TWO_FACTOR_REQUIRED, admin, "everyone",
					required ? "required of everyone" : "no longer required of everyone");
		}
	}

	@Transactional
	public void require(UserId user, boolean required, UserId admin) {
		SignedInUser u = user(user);
		if (store.requiredFor(user) != required) {
			store.setRequired(user, required);
			log.record(SecurityEventType.TWO_FACTOR_REQUIRED, admin, u.email(), required ? "required" : "not required");
		}
	}

	/**
	 * Removes the user's second factor and recovery codes; if two-factor is required of
	 * them, they enrol again at their next sign-in. 409 when they have none.
	 */
	@Transactional
	public void reset(UserId user, UserId admin) {
		SignedInUser u = user(user);
		if (!store.remove(user)) {
			throw ProductRoles.problem(HttpStatus.CONFLICT, "user", u.email() + " has no second factor to reset");
		}
		log.record(SecurityEventType.TWO_FACTOR_RESET, admin, u.email(), null);
	}

	private SignedInUser user(UserId user) {
		return users.findById(user)
			.orElseThrow(() -> ProductRoles.problem(HttpStatus.NOT_FOUND, "user", "no such user"));
	}

}
