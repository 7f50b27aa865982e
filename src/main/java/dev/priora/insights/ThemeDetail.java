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

	/** A person's edit. */
	public record Edit(String action, String detail, String by, Instant at) {
	}

}
