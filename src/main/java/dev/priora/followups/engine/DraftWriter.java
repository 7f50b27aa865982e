package dev.priora.followups.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the first draft of a message to one person who asked for what shipped: a
 * greeting, their own words quoted (each a short excerpt on lines starting with
 * {@code "> "}), what shipped, and thanks from the product's team. Plain text; whoever
 * renders it as HTML escapes it.
 */
public final class DraftWriter {

	/** The longest excerpt of a person's words, in characters. */
	public static final int EXCERPT = 240;

	/** At most this many of a person's feedbacks are quoted. */
	public static final int QUOTES = 3;

	private DraftWriter() {
	}

	/**
	 * What to write about.
	 *
	 * @param firstName how to greet the person (blank: a neutral greeting)
	 * @param words what they wrote, one entry per feedback (blank entries skipped)
	 * @param shipped the titles of what shipped, at least one
	 * @param release the release it shipped in, or null
	 * @param product the product's name
	 */
	public record Input(String firstName, List<String> words, List<String> shipped, String release, String product) {

		public Input {
			words = List.copyOf(words);
			shipped = List.copyOf(shipped);
			if (shipped.isEmpty()) {
				throw new IllegalArgumentException("shipped: at least one title");
			}
			if (product == null || product.isBlank()) {
				throw new IllegalArgumentException("product: required");
			}
		}

	}

	/** A subject line (one line, at most 300 characters) and a plain-text body. */
	public record Draft(String subject, String body) {
	}

	public static Draft write(Input in) {
		String what = in.shipped().size() == 1 ? in.shipped().get(0) : in.shipped().size() + " things you asked for";
		String subject = one(in.release() == null ? "Now available: " + what : in.shipped().size() == 1
				? "Now available in " + in.release() + ": " + what : in.release() + " is out, with " + what);
		StringBuilder body = new StringBuilder();
		body.append(in.firstName() == null || in.firstName().isBlank() ? "Hello," : "Hello " + in.firstName() + ",")
			.append("\n\n");
		List<String> quotes = quotes(in.words());
		if (!quotes.isEmpty()) {
			body.append("You told us:\n\n");
			for (String q : quotes) {
				body.append("> ").append(q).append("\n\n");
			}
		}
		body.append(in.shipped().size() == 1 ? "It has shipped: " + in.shipped().get(0) + "."
				: "They have shipped:\n" + String.join("\n", in.shipped().stream().map(s -> "- " + s).toList()));
		if (in.release() != null) {
			body.append(in.shipped().size() == 1 ? "\nIt is part of " + in.release() + "."
					: "\n\nAll part of " + in.release() + ".");
		}
		body.append("\n\nThank you for telling us: it helped us decide what to build next.\n\nThe ")
			.append(in.product().strip())
			.append(" team");
		return new Draft(subject, body.toString());
	}

	/** Short excerpts of the person's words: whitespace folded, cut at a word. */
	static List<String> quotes(List<String> words) {
		List<String> quotes = new ArrayList<>();
		for (String w : words) {
			if (w == null || w.isBlank() || quotes.size() == QUOTES) {
				continue;
			}
			String q = excerpt(w);
			if (!quotes.contains(q)) {
				quotes.add(q);
			}
		}
		return quotes;
	}

	static String excerpt(String text) {
		String flat = text.strip().replaceAll("\\s+", " ");
		if (flat.length() <= EXCERPT) {
			return flat;
		}
		int cut = flat.lastIndexOf(' ', EXCERPT - 1);
		return flat.substring(0, cut > EXCERPT / 2 ? cut : EXCERPT - 1).strip() + "…";
	}

	private static String one(String line) {
		String flat = line.replaceAll("\\s+", " ").strip();
		return flat.length() <= 300 ? flat : flat.substring(0, 299) + "…";
	}

}
