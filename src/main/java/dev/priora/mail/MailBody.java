package dev.priora.mail;

import org.springframework.modulith.NamedInterface;

/**
 * The two bodies of an e-mail: plain text and HTML (sent as multipart/alternative).
 *
 * @param text the plain-text body, not blank
 * @param html the HTML body, not blank
 */
@NamedInterface("outbox")
public record MailBody(String text, String html) {

	public MailBody {
		if (text == null || text.isBlank() || html == null || html.isBlank()) {
			throw new IllegalArgumentException("a mail has a plain-text and an HTML body");
		}
	}

}
