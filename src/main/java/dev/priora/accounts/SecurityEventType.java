package dev.priora.accounts;

/** The kinds of security event the audit log records. */
public enum SecurityEventType {

	SIGN_IN, SIGN_IN_FAILED, SIGN_IN_THROTTLED, USER_INVITED, USER_JOINED, USER_DEACTIVATED, USER_REACTIVATED,
	PASSWORD_CHANGED, PASSWORD_RESET_ISSUED, PASSWORD_RESET, ROLE_CHANGED, ROLE_REMOVED, TOKEN_CREATED, TOKEN_REVOKED,
	SESSIONS_ENDED,
	/** A second factor was enrolled (confirmed with a code). */
	TWO_FACTOR_ENABLED,
	/** The user turned two-factor off. */
	TWO_FACTOR_DISABLED,
	/** A second-factor code (or a recovery code) was accepted. */
	TWO_FACTOR_PASSED,
	/** A second-factor code was refused: wrong, expired or used already. */
	TWO_FACTOR_FAILED,
	/** A second-factor attempt was refused unchecked: too many attempts. */
	TWO_FACTOR_THROTTLED,
	/** A one-time recovery code was used (and is now spent). */
	RECOVERY_CODE_USED,
	/** New recovery codes replaced the old ones. */
	RECOVERY_CODES_RENEWED,
	/** An admin removed a user's second factor. */
	TWO_FACTOR_RESET,
	/** An admin required two-factor of a user or of everyone, or stopped requiring it. */
	TWO_FACTOR_REQUIRED,
	/** A single sign-on through an OpenID provider succeeded. */
	SSO_SIGN_IN,
	/**
	 * A single sign-on was refused: unknown e-mail, domain not allowed, deactivated...
	 */
	SSO_REFUSED,
	/** An admin changed the single sign-on providers, policy or group roles. */
	SSO_CONFIG_CHANGED,
	/** A passkey was registered (its label in the detail). */
	PASSKEY_ADDED,
	/** A passkey was removed, by its owner or by an admin (the actor). */
	PASSKEY_REMOVED

}
