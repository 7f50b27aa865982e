package dev.priora.feedback;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.priora.problem.DomainProblem;
import dev.priora.feedback.engine.SimilarityIndex;

/**
 * Feedback and items most like a feedback or a text, for {@link FeedbackService}: the
 * product's similarity index ranks them, the database names them (merged feedback left
 * out).
 */
@Component
class FeedbackSimilarity {

	private final FeedbackRepository feedback;

	private final FeedbackTextRepository texts;

	private final FeedbackReads reads;

	private final FeedbackIndex index;

	FeedbackSimilarity(FeedbackRepository feedback, FeedbackTextRepository texts, FeedbackReads reads,
			FeedbackIndex index) {
		this.feedback = feedback;
		this.texts = texts;
		this.reads = reads;
		this.index = index;
	}

	List<SimilarView> similarTo(String key, long id, int limit) {
		var row = reads.row(key, id);
		float[] stored = texts.vector(id);
		return similar(key, row.title(), row.text(), stored, Set.of(FeedbackIndex.FEEDBACK + id), limit);
	}

	List<SimilarView> similarTo(String key, String title, String text, int limit) {
		if ((title == null || title.isBlank()) && (text == null || text.isBlank())) {
			throw DomainProblem.invalid("text", "a title or a text is required");
		}
		if ((text == null ? 0 : text.length()) > FeedbackService.MAX_TEXT
				|| text != null && FeedbackDrafts.CONTROL.matcher(text).find()) {
			throw DomainProblem.invalid("text",
					"must be at most " + FeedbackService.MAX_TEXT + " characters without control characters");
		}
		if (title != null && (title.length() > 300 || FeedbackDrafts.CONTROL.matcher(title).find())) {
			throw DomainProblem.invalid("title", "must be at most 300 characters without control characters");
		}
		return similar(key, title, text, null, Set.of(), limit);
	}

	/** {@code vector} is the text's stored sentence vector, or null to compute it now. */
	private List<SimilarView> similar(String key, String title, String text, float[] vector, Set<String> exclude,
			int limit) {
		if (limit < 1 || limit > 50) {
			throw DomainProblem.invalid("limit", "must be from 1 to 50");
		}
		float[] v = vector != null ? vector : index.embed(title, text);
		List<SimilarityIndex.Match> matches = index.similar(key,
				new SimilarityIndex.Query(title, text, v, limit + 5, exclude));
		// the matches' titles in two queries, not one per match
		Map<Long, FeedbackRepository.Row> feedbackRows = feedback.findAll(key, ids(matches, FeedbackIndex.FEEDBACK));
		Map<Long, FeedbackTextRepository.ItemText> itemRows = texts.itemTexts(ids(matches, FeedbackIndex.ITEM));
		List<SimilarView> result = new ArrayList<>();
		for (var m : matches) {
			SimilarView view = resolve(key, m, feedbackRows, itemRows);
			if (view != null && result.size() < limit) {
				result.add(view);
			}
		}
		return result;
	}

	private static List<Long> ids(List<SimilarityIndex.Match> matches, String kind) {
		return matches.stream()
			.filter(m -> m.id().startsWith(kind))
			.map(m -> Long.parseLong(m.id().substring(1)))
			.toList();
	}

	private static SimilarView resolve(String key, SimilarityIndex.Match m,
			Map<Long, FeedbackRepository.Row> feedbackRows, Map<Long, FeedbackTextRepository.ItemText> itemRows) {
		long id = Long.parseLong(m.id().substring(1));
		if (m.id().startsWith(FeedbackIndex.FEEDBACK)) {
			return Optional.ofNullable(feedbackRows.get(id))
				.filter(r -> r.mergedInto() == null)
				.map(r -> new SimilarView("feedback", id, null, r.title().isEmpty() ? abbreviate(r.text()) : r.title(),
						m.score(), m.semantic()))
				.orElse(null);
		}
		return Optional.ofNullable(itemRows.get(id))
			.map(i -> new SimilarView("item", null, key + "-" + i.number(), i.title(), m.score(), m.semantic()))
			.orElse(null);
	}

	private static String abbreviate(String s) {
		return s.length() > 80 ? s.substring(0, 80) + "…" : s;
	}

}
