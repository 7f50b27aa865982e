package dev.priora.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Builds the MIME message of an outbox row: multipart/alternative plain text and HTML in
 * UTF-8, its stable Message-ID, {@code Auto-Submitted: auto-generated} (RFC 3834, so
 * auto-responders stay quiet), and for a mail with an unsubscribe URL the RFC 8058
 * one-click headers.
 */
final class MimeMails {

	private MimeMails() {
	}

	static MimeMessage build(MimeMessage message, MailRepository.Row row, String from) throws MessagingException {
		MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
				"UTF-8");
		helper.setFrom(from);
		helper.setTo(row.to());
		if (row.replyTo() != null) {
			helper.setReplyTo(row.replyTo());
		}
		helper.setSubject(row.subject());
		helper.setText(row.text(), row.html());
		message.setHeader("Message-ID", row.messageId());
		message.setHeader("Auto-Submitted", "auto-generated");
		if (row.unsubscribe() != null) {
			message.setHeader("List-Unsubscribe", "<" + row.unsubscribe() + ">");
			message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		}
		return message;
	}

}
