package dev.priora.feedback;

/** Pasted e-mails for tests, as a mail client's "show original" gives them. */
public final class Mails {

	private static final String HEADERS = "From: Ann Smith <ann@acme.example>\nSubject: Export please\n"
			+ "Date: Tue, 5 Mar 2024 10:15:00 +0100\nMIME-Version: 1.0\n";

	private Mails() {
	}

	/**
	 * A message whose text sits {@code levels} multipart/mixed levels deep, each level
	 * with its own boundary (20,000 levels are about 1.3 MB).
	 */
	public static String nested(int levels) {
		StringBuilder sb = new StringBuilder(levels * 70).append(HEADERS);
		sb.append("Content-Type: multipart/mixed; boundary=\"b0\"\n\n");
		for (int i = 0; i < levels - 1; i++) {
			sb.append("--b")
				.append(i)
				.append("\nContent-Type: multipart/mixed; boundary=\"b")
				.append(i + 1)
				.append("\"\n\n");
		}
		sb.append("--b").append(levels - 1).append("\nContent-Type: text/plain\n\nDeep down\n");
		for (int i = levels - 1; i >= 0; i--) {
			sb.append("--b").append(i).append("--\n");
		}
		return sb.toString();
	}

	/** A flat multipart/mixed message with {@code count} attachments after its text. */
	public static String withAttachments(int count) {
		StringBuilder sb = new StringBuilder().append(HEADERS)
			.append("Content-Type: multipart/mixed; boundary=\"flat\"\n\n--flat\nContent-Type: text/plain\n\nSee attached\n");
		for (int i = 0; i < count; i++) {
			sb.append("--flat\nContent-Type: text/plain\nContent-Disposition: attachment; filename=\"a")
				.append(i)
				.append(".txt\"\n\nx\n");
		}
		return sb.append("--flat--\n").toString();
	}

	/**
	 * An everyday message: mixed (related (alternative (plain, html), an inline image), a
	 * PDF attachment), three levels deep.
	 */
	public static String everyday() {
		return HEADERS + """
				Content-Type: multipart/mixed; boundary="mixed"

				--mixed
				Content-Type: multipart/related; boundary="related"

				--related
				Content-Type: multipart/alternative; boundary="alt"

				--alt
				Content-Type: text/plain; charset=UTF-8

				We need an Excel export of all orders.
				--alt
				Content-Type: text/html; charset=UTF-8

				<p>We need an <b>Excel</b> export of all orders.</p>
				--alt--
				--related
				Content-Type: image/png
				Content-Disposition: inline; filename="logo.png"
				Content-Transfer-Encoding: base64

				iVBORw0KGgo=
				--related--
				--mixed
				Content-Type: application/pdf
				Content-Disposition: attachment; filename="orders.pdf"
				Content-Transfer-Encoding: base64

				JVBERi0xLjQK
				--mixed--
				""";
	}

}
