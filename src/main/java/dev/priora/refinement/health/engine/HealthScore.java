package dev.priora.refinement.health.engine;

import java.util.List;

/**
 * A backlog's health score from 0 to 100: 100 less the points each part loses, where a
 * part loses its weight times the share of its items that fall short (capped at the whole
 * weight), rounded to the nearest whole number. The weights of a report add up to 100, so
 * a backlog where every part falls short entirely scores 0 and one where none does scores
 * 100. A share, not a count, so that a large backlog is not punished for its size; an
 * empty part (nothing to measure) loses nothing.
 */
public final class HealthScore {

	private HealthScore() {
	}

	/**
	 * One part: {@code count} of {@code of} items fall short; worth {@code weight}
	 * points.
	 */
	public record Part(int weight, int count, int of) {

		public Part {
			if (weight < 0 || count < 0 || of < 0) {
				throw new IllegalArgumentException("weight, count and of must be 0 or more");
			}
		}

		/** The share that falls short, 0 to 1 (0 when there is nothing to measure). */
		public double share() {
			return of == 0 ? 0 : Math.min(1.0, (double) count / of);
		}

		/** The points this part loses, 0 to its weight. */
		public double lost() {
			return weight * share();
		}

	}

	/** The score of these parts, 0 to 100. */
	public static int of(List<Part> parts) {
		double lost = 0;
		for (Part p : parts) {
			lost += p.lost();
		}
		return (int) Math.max(0, Math.min(100, Math.round(100 - lost)));
	}

}
