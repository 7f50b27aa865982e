package dev.priora.feedback;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.accounts.UserId;
import dev.priora.problem.DomainProblem;
import dev.priora.backlog.ProductService;

/**
 * Turns a pasted e-mail (the whole message with its headers, as "show original" or "view
 * source" gives it) into feedback: the subject becomes the title, the plain text (or the
 * HTML's text) the feedback, the date its received time. A contact with the sender's
 * address makes the feedback that contact's customer's; otherwise the sender is kept as
 * the submitter, and the one customer that has contacts at the sender's company domain,
 * if there is one, is suggested for the team to confirm (never attached by itself: anyone
 * can write from any address at a domain).
 */
@Service
public class EmailIntake {

	/** Largest pasted message, in characters. */
	public static final int MAX_CHARS = 2_000_000;

	/**
	 * Deepest nesting of multipart parts read (the message is level 0). Real mail nests
	 * three or four levels (mixed, alternative, related, a signature); each level costs a
	 * scan of the message.
	 */
	public static final int MAX_DEPTH = 10;

	/** Most MIME parts read in one message, attachments included. */
	public static final int MAX_PARTS = 500;

	/** What became of the e-mail: the feedback and how its sender was matched. */
	public record Result(FeedbackView feedback, String senderName, String senderEmail, Match match) {
	}

	/**
	 * How the sender was matched: an existing contact, a customer suggested by the
	 * sender's domain (see {@link FeedbackView#suggestedCustomerId()}), or nobody.
	 */
	public enum Match {

		CONTACT, SUGGESTED, NONE

	}

	private final FeedbackService feedback;

	private final ProductService products;

	private final CustomerRepository customers;

	private final FeedbackRepository repository;

	private final Clock clock;

	EmailIntake(FeedbackService feedback, ProductService products, CustomerRepository customers,
			FeedbackRepository repository, Clock clock) {
		this.feedback = feedback;
		this.products = products;
		this.customers = customers;
		this.repository = repository;
		this.clock = clock;
	}

	record Parsed(String fromName, String fromEmail, String subject, Instant sent, String text) {
	}

	@Transactional
	public Result submit(String productKey, String raw, List<String> tags, UserId user) {
		String key = products.get(productKey).key();
		Parsed mail = parse(raw);
		String email = mail.fromEmail().toLowerCase(Locale.ROOT);
		var known = customers.contactByEmail(key, email);
		Long suggested = known.isPresent() ? null : suggestion(key, email);
		Match match = known.isPresent() ? Match.CONTACT : suggested != null ? Match.SUGGESTED : Match.NONE;
		Instant received = mail.sent() == null || mail.sent().isAfter(clock.instant()) ? null : mail.sent();
		FeedbackView created = feedback.create(key, new FeedbackDraft(clip(oneLine(mail.subject()), 300), mail.text(),
				known.map(CustomerRepository.ContactRef::customerId).orElse(null),
				known.map(CustomerRepository.ContactRef::contactId).orElse(null), Channel.EMAIL, received, tags, null),
				user);
		repository.sender(created.id(), mail.fromName() == null ? null : clip(mail.fromName(), 200), clip(email, 320),
				suggested);
		return new Result(feedback.get(key, created.id()), mail.fromName(), email, match);
	}

	/**
	 * Like {@link #submit}, for a caller that may only submit feedback (an intake-only
	 * token): answers the new feedback's id and status only.
	 */
	@Transactional
	public IntakeReceipt intake(String productKey, String raw, List<String> tags, UserId user) {
		return IntakeReceipt.of(submit(productKey, raw, tags, user).feedback());
	}

	/** The one customer with contacts at the sender's company domain, if exactly one. */
	private Long suggestion(String key, String email) {
		return SenderDomains.customerAt(customers, key, email);
	}

	static Parsed parse(String raw) {
		if (raw == null || raw.isBlank()) {
			throw DomainProblem.invalid("email", "is empty; paste the whole message with its headers");
		}
		if (raw.length() > MAX_CHARS) {
			throw DomainProblem.invalid("email", "is longer than " + MAX_CHARS + " characters");
		}
		String text = raw.stripLeading().replace("\r\n", "\n").replace("\n", "\r\n");
		try {
			// a shared stream: parts are views of the message's bytes, not copies per
			// level
			MimeMessage m = new MimeMessage(Session.getInstance(new Properties()),
					new SharedByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
			Address[] from = m.getFrom();
			if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress sender)
					|| sender.getAddress() == null || !sender.getAddress().contains("@")) {
				throw DomainProblem.invalid("email",
						"has no From: header with an address; paste the whole message, headers first");
			}
			String body = MailBody.of(m);
			if (body == null || body.isBlank()) {
				throw DomainProblem.invalid("email", "has no text");
			}
			String subject = m.getSubject() == null ? "" : m.getSubject().strip();
			return new Parsed(sender.getPersonal(), sender.getAddress().strip(), subject,
					m.getSentDate() == null ? null : m.getSentDate().toInstant(), cleanBody(body));
		}
		catch (MessagingException | IOException e) {
			throw DomainProblem.invalid("email", "cannot be read as an e-mail: " + e.getMessage());
		}
	}

	/**
	 * Drops the signature ("-- " line) and trailing quoted lines; keeps at most the text
	 * limit.
	 */
	private static String cleanBody(String body) {
		String b = body.replace("\r\n", "\n");
		int sig = b.indexOf("\n-- \n");
		if (sig >= 0) {
			b = b.substring(0, sig);
		}
		b = b.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "").strip();
		return b.length() > FeedbackService.MAX_TEXT ? b.substring(0, FeedbackService.MAX_TEXT) : b;
	}

	private static String oneLine(String s) {
		return s == null ? "" : s.replaceAll("\\s+", " ").strip();
	}

	private static String clip(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}

}
