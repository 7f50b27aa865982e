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

	/**
	 * An HTTP answer in Spring's list of what it tried: "errors: [404 Not Found on GET
	 * …".
	 */
	private static final java.util.regex.Pattern ANSWER = java.util.regex.Pattern.compile("errors: \\[(\\d{3}) ");

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
			return "gives no usable OpenID discovery document: " + reason(e);
		}
	}

	/**
	 * Why reading the discovery document failed, in words (Spring's own message names its
	 * classes and repeats the address), with the low-level reason in brackets.
	 */
	static String reason(RuntimeException e) {
		Throwable root = e;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String detail = root.getMessage() == null ? root.getClass().getSimpleName()
				: root.getMessage().lines().findFirst().orElse("");
		detail = detail.length() > 120 ? detail.substring(0, 119) + "…" : detail;
		if (root instanceof java.net.ConnectException) {
			return "nothing answers at that address (" + detail + ")";
		}
		if (root instanceof java.net.UnknownHostException) {
			return "its host name is not known to this server (" + detail + ")";
		}
		// by name: this class must not use an HTTP client's types (STYLE.md §10,
		// ModularityTests)
		if (root instanceof java.net.SocketTimeoutException
				|| root.getClass().getSimpleName().endsWith("TimeoutException")) {
			return "it did not answer in time";
		}
		if (root instanceof javax.net.ssl.SSLException) {
			return "a secure connection to it failed (" + detail + ")";
		}
		String message = e.getMessage() == null ? "" : e.getMessage();
		if (message.contains("did not match")) {
			return "the document there names another issuer than this address";
		}
		// Spring lists each well-known address it tried with its HTTP answer
		java.util.regex.Matcher answered = ANSWER.matcher(message);
		if (answered.find()) {
			return "it answered " + answered.group(1) + " at /.well-known/openid-configuration";
		}
		return detail;
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
