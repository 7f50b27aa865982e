package dev.priora.mail;

import java.net.URI;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Where mail goes: Spring Boot's {@code spring.mail.host} and {@code spring.mail.port}
 * (SPRING_MAIL_HOST, SPRING_MAIL_PORT; user, password and STARTTLS are Spring Boot's
 * too), the sender {@code priora.mail.from} (PRIORA_MAIL_FROM) and
 * {@code priora.base-url} (PRIORA_BASE_URL), the address links in mails start with.
 * Nothing is guessed: without a host and a sender nothing is sent, and without a base URL
 * no mail with a link is written.
 */
@Component
@NamedInterface("outbox")
public class MailSettings {

	private final String host;

	private final int port;

	private final String from;

	private final String baseUrl;

	MailSettings(@Value("${spring.mail.host:}") String host, @Value("${spring.mail.port:25}") int port,
			@Value("${priora.mail.from:}") String from, @Value("${priora.base-url:}") String baseUrl) {
		this.host = host.strip();
		this.port = port;
		this.from = from.strip();
		String base = baseUrl.strip();
		while (base.endsWith("/")) {
			base = base.substring(0, base.length() - 1);
		}
		if (!base.isEmpty() && !base.matches("https?://[^\\s/?#]+(/[^\\s?#]*)?")) {
			throw new IllegalStateException("priora.base-url (PRIORA_BASE_URL) is not an http(s) URL: " + baseUrl);
		}
		this.baseUrl = base;
	}

	/** Whether mail is sent: a host and a sender are set. */
	public boolean configured() {
		return !host.isEmpty() && !from.isEmpty();
	}

	/**
	 * Whether mails with links (invitations, resets) are written: configured and a base
	 * URL set.
	 */
	public boolean linksReady() {
		return configured() && !baseUrl.isEmpty();
	}

	public Optional<String> host() {
		return host.isEmpty() ? Optional.empty() : Optional.of(host);
	}

	public int port() {
		return port;
	}

	public Optional<String> from() {
		return from.isEmpty() ? Optional.empty() : Optional.of(from);
	}

	public Optional<String> baseUrl() {
		return baseUrl.isEmpty() ? Optional.empty() : Optional.of(baseUrl);
	}

	/**
	 * The absolute URL of an application path ({@code /invite/…}), when a base URL is
	 * set.
	 */
	public Optional<String> link(String path) {
		return baseUrl().map(b -> b + path);
	}

	/**
	 * The domain Message-IDs are made in: the base URL's host, else the sender's domain.
	 */
	String messageIdDomain() {
		if (!baseUrl.isEmpty()) {
			return URI.create(baseUrl).getHost();
		}
		return from.contains("@") ? from.substring(from.lastIndexOf('@') + 1).replaceAll("[^A-Za-z0-9.-]", "")
				: "priora.invalid";
	}

}
