package dev.priora.portal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * An idea as the team sees it: its feedback in the inbox, the votes, and the customers
 * behind them (distinct customers, their revenue per currency, and how many are in each
 * segment), the idea it was merged into (null when not merged) and how many of its
 * comments wait for review.
 */
public record TeamIdea(long id, long feedbackId, String title, String category, IdeaState state, IdeaStatus status,
		boolean statusByHand, int votes, int customers, Map<String, BigDecimal> revenue, Map<String, Integer> segments,
		Instant createdAt, Long mergedInto, int heldComments) {
}
