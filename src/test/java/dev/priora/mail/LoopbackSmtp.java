package dev.priora.mail;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP server (GreenMail) on a loopback port fixed for the test class's life, so
 * it can be stopped (Priora's attempts fail: connection refused) and started again on the
 * same port. Messages are read back as the server received them. Public for the other
 * features' mail tests (customer follow-ups).
 */
public final class LoopbackSmtp {

	private final int port;

	private GreenMail server;

	public LoopbackSmtp() {
		try (ServerSocket s = new ServerSocket(0)) {
			this.port = s.getLocalPort();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		start();
	}

	/**
	 * Points the server under test at this SMTP server, with the sender
	 * {@code Priora <priora@example.test>} and the base URL for links.
	 */
	public void configure(org.springframework.test.context.DynamicPropertyRegistry registry, String baseUrl) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", this::port);
		registry.add("priora.mail.from", () -> "Priora <priora@example.test>");
		registry.add("priora.base-url", () -> baseUrl);
	}

	public int port() {
		return port;
	}

	public synchronized void start() {
		if (server == null) {
			server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
			server.start();
		}
	}

	public synchronized void stop() {
		if (server != null) {
			server.stop();
			server = null;
		}
	}

	/** Every message received since the server was (re)started or purged. */
	public synchronized List<MimeMessage> messages() {
		return server == null ? List.of() : Arrays.asList(server.getReceivedMessages());
	}

	/** Messages whose Message-ID is {@code id}. */
	public List<MimeMessage> withId(String id) {
		return messages().stream().filter(m -> id.equals(header(m, "Message-ID"))).toList();
	}

	/** Messages to {@code address}. */
	public List<MimeMessage> to(String address) {
		return messages().stream().filter(m -> header(m, "To") != null && header(m, "To").contains(address)).toList();
	}

	public synchronized void purge() {
		if (server != null) {
			try {
				server.purgeEmailFromAllMailboxes();
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}
	}

	public static String header(MimeMessage m, String name) {
		try {
			return m.getHeader(name, ",");
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The first body part of this MIME type, e.g. text/plain or text/html. */
	public static String part(jakarta.mail.Part part, String type) {
		try {
			if (part.isMimeType(type)) {
				return (String) part.getContent();
			}
			if (part.getContent() instanceof jakarta.mail.Multipart multi) {
				for (int i = 0; i < multi.getCount(); i++) {
					String found = part(multi.getBodyPart(i), type);
					if (found != null) {
						return found;
					}
				}
			}
			return null;
		}
		catch (jakarta.mail.MessagingException | IOException e) {
			throw new IllegalStateException(e);
		}
	}

}
