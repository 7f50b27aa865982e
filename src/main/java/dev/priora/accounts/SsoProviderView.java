package dev.priora.accounts;

/**
 * An OpenID provider as the admin sees it (never its client secret): from settings
 * ({@code fromSettings}, read-only) or added on the admin page. {@code registrationId}
 * names it in the redirect address the provider must allow:
 * {@code <base>/login/oauth2/code/<registrationId>}.
 */
public record SsoProviderView(long id, String registrationId, String name, String issuerUri, String clientId,
		boolean fromSettings, long version) {
}
