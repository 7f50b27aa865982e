package dev.priora.accounts;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.core.env.Environment;

/**
 * Where passkeys belong: the relying party id (a domain, never an IP address: browsers
 * refuse those) and the origins a passkey ceremony may come from.
 * {@code priora.webauthn.rp-id} defaults to the host of {@code priora.base-url}, else
 * {@code localhost}; {@code priora.webauthn.allowed-origins} (comma-separated) defaults
 * to the origin of {@code priora.base-url}, else {@code http://localhost:<the server's
 * port>}, read when first needed (a random test port is known only once the server
 * listens).
 */
final class PasskeySettings {

	static final String RP_NAME = "Priora";

	private final Environment env;

	PasskeySettings(Environment env) {
		this.env = env;
	}

	String rpId() {
		String configured = env.getProperty("priora.webauthn.rp-id", "").strip();
		if (!configured.isEmpty()) {
			return configured;
		}
		URI base = baseUrl();
		return base == null || base.getHost() == null ? "localhost" : base.getHost();
	}

	Set<String> allowedOrigins() {
		Set<String> origins = new LinkedHashSet<>();
		Arrays.stream(env.getProperty("priora.webauthn.allowed-origins", "").split(","))
			.map(String::strip)
			.filter(s -> !s.isEmpty())
			.map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s)
			.forEach(origins::add);
		if (!origins.isEmpty()) {
			return origins;
		}
		URI base = baseUrl();
		if (base != null && base.getHost() != null) {
			return Set.of(base.getScheme() + "://" + base.getRawAuthority());
		}
		String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
		return Set.of("http://localhost:" + port);
	}

	private URI baseUrl() {
		String base = env.getProperty("priora.base-url", "").strip();
		if (base.isEmpty()) {
			return null;
		}
		try {
			return URI.create(base);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

}
