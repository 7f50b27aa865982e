package dev.priora.accounts;

import java.util.List;

/**
 * What the sign-in page offers: a "Sign in with …" button per provider, and the password
 * form when password sign-in is on or the break-glass form was asked for
 * ({@code breakGlass}).
 */
public record SsoLoginOptions(List<SsoProviderView> providers, boolean passwordForm, boolean breakGlass) {

	public SsoLoginOptions {
		providers = List.copyOf(providers);
	}

}
