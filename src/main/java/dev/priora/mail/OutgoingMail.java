package dev.priora.mail;

import java.net.URI;

import org.springframework.modulith.NamedInterface;

import dev.priora.accounts.UserId;

/**
 * One e-mail to queue with {@link MailOutbox#queue}.
 *
 * @param to the recipient's address (one address, at most 320 characters)
 * @param subject one line, at most 300 characters
 * @param body the plain-text and HTML bodies ({@link MailTemplates#render})
 * @param kind what the mail is, for the delivery log and unsubscribe links: 1 to 40 of
 * {@code a-z 0-9 . -} (e.g. {@code invitation}, {@code notification.mention})
 * @param user the user it is for, if it is for one (null for an invitation)
 * @param unsubscribe an https or http URL that unsubscribes the recipient from this kind
 * in one POST (RFC 8058), or null; sent as {@code List-Unsubscribe} with
 * {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click}
 * @param secret whether the body holds a one-time secret (a sign-in or reset link): such
 * a body is replaced by a note once the mail is sent
 * @param replyTo where a reply goes (one address), or null for the sender
 */
@NamedInterface("outbox")
public record OutgoingMail(String to, String subject, MailBody body, String kind, UserId user, URI unsubscribe,
		boolean secret, String replyTo) {

	public OutgoingMail {
		if (!oneAddress(to)) {
			throw new IllegalArgumentException("to: is not one e-mail address");
		}
		if (replyTo != null && !oneAddress(replyTo)) {
			throw new IllegalArgumentException("replyTo: is not one e-mail address");
		}
		if (subject == null || subject.isBlank() || subject.length() > 300 || subject.matches("(?s).*[\\r\\n].*")) {
			throw new IllegalArgumentException("subject: is one line of 1 to 300 characters");
		}
		if (body == null) {
			throw new IllegalArgumentException("body: is required");
		}
		if (kind == null || !kind.matches("[a-z0-9.-]{1,40}")) {
			throw new IllegalArgumentException("kind: is 1 to 40 of a-z 0-9 . -");
		}
		if (unsubscribe != null && !(("https".equals(unsubscribe.getScheme()) || "http".equals(unsubscribe.getScheme()))
				&& unsubscribe.getHost() != null && unsubscribe.toString().length() <= 2000)) {
			throw new IllegalArgumentException("unsubscribe: is an absolute http(s) URL");
		}
	}

	/** A mail of {@code kind} to {@code to}, for nobody in particular, no unsubscribe. */
	public static OutgoingMail of(String to, String subject, MailBody body, String kind) {
		return new OutgoingMail(to, subject, body, kind, null, null, false, null);
	}

	/** This mail for {@code user}. */
	public OutgoingMail forUser(UserId user) {
		return new OutgoingMail(to, subject, body, kind, user, unsubscribe, secret, replyTo);
	}

	/** This mail with a one-click unsubscribe URL. */
	public OutgoingMail withUnsubscribe(URI url) {
		return new OutgoingMail(to, subject, body, kind, user, url, secret, replyTo);
	}

	/** This mail with a one-time secret in its body, scrubbed once it is sent. */
	public OutgoingMail holdingSecret() {
		return new OutgoingMail(to, subject, body, kind, user, unsubscribe, true, replyTo);
	}

	/** This mail with replies going to {@code address}. */
	public OutgoingMail replyingTo(String address) {
		return new OutgoingMail(to, subject, body, kind, user, unsubscribe, secret, address);
	}

	/**
	 * Whether {@code address} is one e-mail address a mail can go to (no display name, no
	 * list), at most 320 characters.
	 */
	public static boolean oneAddress(String address) {
		return address != null && address.matches("[^@\\s<>,;\"]+@[^@\\s<>,;\"]+") && address.length() <= 320;
	}

}
