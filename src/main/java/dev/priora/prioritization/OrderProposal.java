package dev.priora.prioritization;

import java.util.List;

/**
 * The backlog ordered by the active score without putting any item above an unfinished
 * prerequisite: every item with its place now and then, and why. {@code basis} identifies
 * the backlog order it was made from; applying it with a stale basis is refused.
 */
public record OrderProposal(String model, String basis, int moved, int notScorable, List<Move> items) {

	/**
	 * One item: its place now and proposed (1-based), its score (null when not scorable),
	 * whether it is pinned, and the reason for its place.
	 */
	public record Move(String key, String title, boolean open, int from, int to, Double score, boolean pinned,
			String reason) {

		public int delta() {
			return from - to;
		}

	}

}
