package dev.priora.prioritization;

import java.time.Instant;

/** One change of an input and what it did to the score (null when not scorable). */
public record ScoreChange(String criterion, String oldValue, String newValue, String oldScore, String newScore,
		String changedBy, Instant changedAt) {
}
