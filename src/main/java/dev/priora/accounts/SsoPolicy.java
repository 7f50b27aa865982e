package dev.priora.accounts;

import java.util.List;

/**
 * The workspace's single sign-on policy: whether a first sign-in creates the user
 * ({@code allowSignUp}, only for {@code allowedDomains} when any are listed), which claim
 * holds the provider groups, and whether password sign-in is on; when it is off, only
 * {@code breakGlassEmail} (an active admin) may still sign in with a password.
 * {@code fixedBySettings} tells that the password policy comes from settings.
 */
public record SsoPolicy(boolean allowSignUp, List<String> allowedDomains, String groupsClaim, boolean passwordSignIn,
		String breakGlassEmail, boolean fixedBySettings, long version) {

	public SsoPolicy {
		allowedDomains = List.copyOf(allowedDomains);
	}

	/** Whether a new user with this (lower-case) e-mail may be created. */
	public boolean mayCreate(String email) {
		if (!allowSignUp) {
			return false;
		}
		String domain = email.substring(email.lastIndexOf('@') + 1);
		return allowedDomains.isEmpty() || allowedDomains.contains(domain);
	}

	/** Whether the user with this (lower-case) e-mail may sign in with a password. */
	public boolean passwordAllowedFor(String email) {
		return passwordSignIn || (breakGlassEmail != null && breakGlassEmail.equals(email));
	}

}
