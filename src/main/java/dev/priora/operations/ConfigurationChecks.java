package dev.priora.operations;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;

import dev.priora.accounts.SsoIssuers;
import dev.priora.accounts.SsoSettings;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;

/**
 * The settings a start cannot go on without, checked before any bean is made
 * ({@link StartupChecks}) so that a mistake is one line, not a stack trace from deep in a
 * pool or a server: the data folder must be writable, the database address one Priora
 * knows (and a PostgreSQL server must accept a connection), {@code PRIORA_BASE_URL} an
 * absolute http(s) address, and a configured mail server must accept a connection. The
 * mail check runs only when {@code spring.mail.host} is set (no delay otherwise) and
 * waits at most {@link #CONNECT_TIMEOUT_MS} for each step.
 */
final class ConfigurationChecks {

	static final int CONNECT_TIMEOUT_MS = 5000;

	private ConfigurationChecks() {
	}

	/** Every check, in order; throws the first {@link ConfigurationProblem}. */
	static void check(ConfigurableEnvironment env) {
		dataFolder(env.getProperty("priora.data-dir", "./priora-data"));
		String url = env.getProperty("spring.datasource.url", "");
		databaseUrl(url);
		baseUrl(env.getProperty("priora.base-url", ""));
		if (!env.getProperty("priora.cli", Boolean.class, false)) {
			mailServer(env);
			ssoProviders(env);
		}
		if (url.startsWith("jdbc:postgresql:")) {
			postgres(url, env.getProperty("spring.datasource.username", ""),
					env.getProperty("spring.datasource.password", ""));
		}
	}

	static void dataFolder(String dir) {
		try {
			Path folder = Path.of(dir);
			Files.createDirectories(folder);
			Files.delete(Files.createTempFile(folder, ".priora-write-check", ".tmp"));
		}
		catch (IOException | InvalidPathException | SecurityException e) {
			throw new ConfigurationProblem("PRIORA_DATA_DIR", "the data folder " + dir
					+ " is not a writable folder (PRIORA_DATA_DIR, priora.data-dir): " + reason(e));
		}
	}

	static void databaseUrl(String url) {
		if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
			throw new ConfigurationProblem("PRIORA_DB_URL",
					"the database address '" + safe(url)
							+ "' (PRIORA_DB_URL, spring.datasource.url) is neither jdbc:postgresql://HOST:PORT/DATABASE"
							+ " nor an H2 address (jdbc:h2:file:…)");
		}
	}

	static void baseUrl(String value) {
		if (value.isBlank()) {
			return;
		}
		String why = null;
		try {
			URI uri = new URI(value);
			if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
				why = "it must start with https:// or http://";
			}
			else if (uri.getHost() == null || uri.getHost().isBlank()) {
				why = "it has no host name";
			}
			else if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
				why = "it must not carry a user, a query or a fragment";
			}
		}
		catch (URISyntaxException e) {
			why = e.getReason() + " at character " + (e.getIndex() + 1);
		}
		if (why != null) {
			throw new ConfigurationProblem("PRIORA_BASE_URL", "PRIORA_BASE_URL '" + value
					+ "' is not the address people open Priora at (like https://priora.example.com): " + why);
		}
	}

	/**
	 * Connects to the mail server as sending will (Jakarta Mail: the protocol, port,
	 * login and {@code spring.mail.properties.*} such as STARTTLS) and disconnects; a
	 * refusal at any step — no connection, no greeting, TLS, login — stops the start.
	 */
	static void mailServer(ConfigurableEnvironment env) {
		String host = env.getProperty("spring.mail.host", "");
		if (host.isBlank()) {
			return;
		}
		String protocol = env.getProperty("spring.mail.protocol", "smtp");
		int port = env.getProperty("spring.mail.port", Integer.class, "smtps".equalsIgnoreCase(protocol) ? 465 : 25);
		Properties props = new Properties();
		props.putAll(Binder.get(env)
			.bind("spring.mail.properties", Bindable.mapOf(String.class, String.class))
			.orElse(Map.of()));
		props.setProperty("mail." + protocol + ".connectiontimeout", String.valueOf(CONNECT_TIMEOUT_MS));
		props.setProperty("mail." + protocol + ".timeout", String.valueOf(CONNECT_TIMEOUT_MS));
		try (Transport transport = Session.getInstance(props).getTransport(protocol)) {
			transport.connect(host, port, env.getProperty("spring.mail.username"),
					env.getProperty("spring.mail.password"));
		}
		catch (MessagingException | RuntimeException e) {
			throw new ConfigurationProblem("SPRING_MAIL_HOST", "the mail server " + host + ":" + port
					+ " (SPRING_MAIL_HOST, SPRING_MAIL_PORT) refused Priora: " + reason(e));
		}
	}

	/**
	 * Each single sign-on provider from the settings must have an issuer address whose
	 * discovery document answers (read as sign-in will read it), a client id and a
	 * secret.
	 */
	static void ssoProviders(ConfigurableEnvironment env) {
		List<SsoSettings.Provider> providers = Binder.get(env)
			.bind("priora.sso.providers", Bindable.listOf(SsoSettings.Provider.class))
			.orElse(List.of());
		for (int i = 0; i < providers.size(); i++) {
			SsoSettings.Provider p = providers.get(i);
			String env0 = "PRIORA_SSO_PROVIDERS_" + i + "_";
			String where = " (" + env0 + "ISSUER_URI, priora.sso.providers[" + i + "].issuer-uri)";
			String why = SsoIssuers.problemWith(p.issuerUri());
			if (why == null) {
				why = SsoIssuers.discoveryProblem(p.issuerUri().strip());
			}
			if (why != null) {
				throw new ConfigurationProblem(env0 + "ISSUER_URI",
						"the single sign-on issuer '" + p.issuerUri() + "'" + where + " " + why);
			}
			if (p.clientId() == null || p.clientId().isBlank() || p.clientSecret() == null
					|| p.clientSecret().isBlank()) {
				throw new ConfigurationProblem(env0 + "CLIENT_ID", "the single sign-on provider " + p.issuerUri()
						+ " needs a client id and a secret (" + env0 + "CLIENT_ID, " + env0 + "CLIENT_SECRET)");
			}
		}
	}

	static void postgres(String url, String user, String password) {
		Properties p = new Properties();
		p.setProperty("user", user);
		p.setProperty("password", password);
		p.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_MS / 1000));
		p.setProperty("loginTimeout", String.valueOf(2 * CONNECT_TIMEOUT_MS / 1000));
		try (Connection c = DriverManager.getConnection(url, p)) {
			c.isValid(CONNECT_TIMEOUT_MS / 1000);
		}
		catch (SQLException e) {
			throw new ConfigurationProblem("PRIORA_DB_URL", "the database " + safe(url)
					+ " (PRIORA_DB_URL, PRIORA_DB_USER, PRIORA_DB_PASSWORD) refused Priora: " + reason(e));
		}
	}

	/** The exception's own message, first line only, or its type. */
	private static String reason(Exception e) {
		Throwable cause = e;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String m = cause == e ? e.getMessage() : e.getMessage() + ": " + cause.getMessage();
		if (m == null || m.isBlank()) {
			return e.getClass().getSimpleName();
		}
		return cause instanceof java.net.UnknownHostException ? "unknown host " + m : m.lines().findFirst().orElse(m);
	}

	/**
	 * An address without what follows a {@code ?} or {@code ;} (it may hold a password).
	 */
	private static String safe(String url) {
		int cut = url.length();
		for (char c : new char[] { '?', ';' }) {
			int i = url.indexOf(c);
			if (i >= 0) {
				cut = Math.min(cut, i);
			}
		}
		return url.substring(0, cut);
	}

}
