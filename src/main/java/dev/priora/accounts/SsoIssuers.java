package dev.priora.accounts;

import java.net.URI;
import java.net.URISyntaxException;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;

/**
 * What an OpenID issuer address must be: an absolute http(s) address with a host, no
 * query or fragment (the discovery document is found at
 * {@code <issuer>/.well-known/openid-configuration}).
 */
public final class SsoIssuers {

	private SsoIssuers() {
	}

	/** Why the address cannot be an issuer, or null when it can. */
	public static String problemWith(String issuer) {
		if (issuer == null || issuer.isBlank()) {
			return "is missing";
		}
		if (issuer.strip().length() > 500) {
			return "is longer than 500 characters";
		}
		try {
			URI uri = new URI(issuer.strip());
			if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())) {
				return "is not an http(s) address such as https://login.example.com/realms/team";
			}
			if (uri.getHost() == null || uri.getHost().isBlank()) {
				return "has no host name";
			}
			if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
				return "must not have a query (?…) or a fragment (#…)";
			}
			return null;
		}
		catch (URISyntaxException e) {
			return "is not a valid address (" + e.getReason() + ")";
		}
	}

	/**
	 * Why the issuer's discovery document cannot be used (not reachable, not OpenID, or
	 * for another issuer), or null when it can; read with Spring Security's own client,
	 * as sign-in reads it. Providers are often on internal hosts, which is why this does
	 * not go through the outbound client that refuses them; only admins and settings name
	 * an issuer.
	 */
	public static String discoveryProblem(String issuer) {
		try {
			ClientRegistrations.fromIssuerLocation(issuer).registrationId("check").clientId("check").build();
			return null;
		}
		catch (RuntimeException e) {
			Throwable root = e;
			while (root.getCause() != null && root.getCause() != root) {
				root = root.getCause();
			}
			String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
			String why = root == e || root.getMessage() == null ? "" : " (" + root.getMessage() + ")";
			return "gives no usable OpenID discovery document: " + (m + why).lines().findFirst().orElse(m);
		}
	}

	/**
	 * Refuses (400 naming {@code issuerUri}) an issuer whose discovery document cannot be
	 * read, saying why.
	 */
	static void requireReachable(String issuer) {
		String why = discoveryProblem(issuer);
		if (why != null) {
			throw ProductRoles.problem(HttpStatus.BAD_REQUEST, "issuerUri",
					"cannot be used: it " + why + ". Check the address (the part before"
							+ " /.well-known/openid-configuration) and that this server can reach it");
		}
	}

}
