package dev.priora.insights;

import java.time.Instant;
import java.util.List;

/**
 * A theme as its page shows it.
 *
 * @param theme the theme and its figures
 * @param segments distinct customers per segment, most first ("" for no segment)
 * @param kinds feedback per kind, most first ("" for not classified yet)
 * @param sentiments feedback per sentiment, most first
 * @param quotes the most representative feedback (closest to the theme's centre)
 * @param feedback the theme's feedback, closest first (at most 200)
 * @param edits what people did to the theme, newest first
 */
public record ThemeDetail(ThemeSummary theme, List<Count> segments, List<Count> kinds, List<Count> sentiments,
		List<Quote> quotes, List<Quote> feedback, List<Edit> edits) {

	/** A label and how many. */
	public record Count(String label, long count) {
	}

	/** A feedback quoted. */
	public record Quote(long feedbackId, String title, String text, String customer, Instant receivedAt,
			double similarity, String kind) {
	}

	/**
	 * A person's edit.
	 *
	 * @param action {@code RENAME}, {@code MERGE}, {@code SPLIT} or {@code MOVE}
	 * @param detail what was done, as a sentence without its subject ("renamed the theme
	 * from “a” to “b”")
	 * @param by the person's name
	 * @param at when
	 */
	public record Edit(String action, String detail, String by, Instant at) {

		private static final java.util.regex.Pattern SPLIT_OFF = java.util.regex.Pattern
			.compile("split off (\u201c.*\u201d) with (\\d+) feedback");

		/**
		 * What was done as plain English after the person's name; edits recorded before
		 * details were sentences ("“a” → “b”") are reworded.
		 */
		public String sentence() {
			if ("RENAME".equals(action) && detail.startsWith("\u201c")) {
				return "renamed the theme from " + detail.replace(" \u2192 ", " to ");
			}
			java.util.regex.Matcher m = SPLIT_OFF.matcher(detail);
			if ("SPLIT".equals(action) && m.matches()) {
				return "split this theme off " + m.group(1) + " with " + m.group(2) + " of its feedback";
			}
			return detail;
		}

	}

}
