package dev.priora.feedback;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import jakarta.activation.DataSource;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimePartDataSource;

import org.jsoup.Jsoup;

import dev.priora.problem.DomainProblem;

/**
 * The text of a pasted e-mail: its text/plain part, or else the text of its text/html
 * part, skipping attachments. Reads at most {@link EmailIntake#MAX_DEPTH} levels of
 * multipart nesting and {@link EmailIntake#MAX_PARTS} parts and refuses a message beyond
 * either (400 naming the limit): unchecked, 20,000 nested levels kept the parser busy for
 * half a minute and ended in a stack overflow, and 280,000 empty parts for over ten
 * minutes. Parts are counted as the parser creates them, so it stops at the first one
 * past the limit. One walk per message.
 */
final class MailBody {

	private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

	static {
		// Jakarta Mail 2.1 looks up its StreamProvider with a ServiceLoader (a class path
		// scan) for every part it parses (jakartaee/mail-api#699, #861): 500 parts took a
		// second. Naming the provider, Angus Mail's and the only one on the class path,
		// makes each lookup a loaded class.
		if (System.getProperty(STREAM_PROVIDER) == null) {
			System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
		}
	}

	private int parts;

	private MailBody() {
	}

	/** The text of the message, or null if it has none. */
	static String of(Part message) throws MessagingException, IOException {
		return new MailBody().text(message, 0);
	}

	private String text(Part part, int depth) throws MessagingException, IOException {
		if (part.isMimeType("text/plain")) {
			return String.valueOf(part.getContent());
		}
		if (part.isMimeType("text/html")) {
			return Jsoup.parse(String.valueOf(part.getContent())).wholeText();
		}
		if (part.isMimeType("multipart/*") && part instanceof MimePart mime) {
			if (depth >= EmailIntake.MAX_DEPTH) {
				throw limit("nests its parts more than " + EmailIntake.MAX_DEPTH + " levels deep", "depth",
						EmailIntake.MAX_DEPTH);
			}
			return text(new CountedMultipart(new MimePartDataSource(mime)), depth + 1);
		}
		return null;
	}

	private String text(Multipart multi, int depth) throws MessagingException, IOException {
		List<String> html = new ArrayList<>();
		for (int i = 0; i < multi.getCount(); i++) {
			BodyPart p = multi.getBodyPart(i);
			if (Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition())) {
				continue;
			}
			if (p.isMimeType("text/html")) {
				html.add(text(p, depth));
				continue;
			}
			String found = text(p, depth);
			if (found != null && !found.isBlank()) {
				return found;
			}
		}
		return html.isEmpty() ? null : html.get(0);
	}

	private void count() {
		if (++parts > EmailIntake.MAX_PARTS) {
			throw limit("has more than " + EmailIntake.MAX_PARTS + " parts", "parts", EmailIntake.MAX_PARTS);
		}
	}

	/**
	 * Jakarta Mail's multipart, counting each part as the parser creates it: parsing
	 * stops at the first part past the limit, not after a million empty ones.
	 */
	private final class CountedMultipart extends MimeMultipart {

		CountedMultipart(DataSource source) throws MessagingException {
			super(source);
		}

		@Override
		protected MimeBodyPart createMimeBodyPart(InternetHeaders headers, byte[] content) throws MessagingException {
			count();
			return super.createMimeBodyPart(headers, content);
		}

		@Override
		protected MimeBodyPart createMimeBodyPart(InputStream in) throws MessagingException {
			count();
			return super.createMimeBodyPart(in);
		}

	}

	private static DomainProblem limit(String reason, String name, int max) {
		DomainProblem problem = DomainProblem.invalid("email",
				reason + " (the limit); paste the text of the e-mail instead");
		problem.getBody().setProperty("limit", name);
		problem.getBody().setProperty("max", max);
		return problem;
	}

}
