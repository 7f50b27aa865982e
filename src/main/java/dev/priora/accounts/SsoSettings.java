package dev.priora.accounts;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Single sign-on settings ({@code priora.sso.*}, environment {@code PRIORA_SSO_...}):
 * OpenID providers that need no admin page ({@code providers[n].name / issuer-uri /
 * client-id / client-secret}), and, when set, the password policy that the admin page
 * then only shows: {@code password-sign-in=false} turns password sign-in off for everyone
 * but {@code break-glass-admin} (an e-mail).
 */
@ConfigurationProperties("priora.sso")
public record SsoSettings(List<Provider> providers, Boolean passwordSignIn, String breakGlassAdmin) {

	public SsoSettings {
		providers = providers == null ? List.of() : List.copyOf(providers);
	}

	/** One provider from settings. */
	public record Provider(String name, String issuerUri, String clientId, String clientSecret) {
	}

}
