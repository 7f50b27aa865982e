package dev.priora.feedback;

/**
 * Something similar to a text: existing feedback (a possible duplicate,
 * {@code feedbackId} set) or a backlog item (where it probably belongs, {@code itemKey}
 * set). {@code score} is 0–1, {@code semantic} the cosine similarity.
 */
public record SimilarView(String kind, Long feedbackId, String itemKey, String title, double score, double semantic) {
}
