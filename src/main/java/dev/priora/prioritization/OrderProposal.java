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
	 * whether it is pinned, how it was placed ({@code kind}: SCORED by its score, EPIC by
	 * its children's best score and above them; FINISHED, PINNED and UNSCORED keep their
	 * places unless a prerequisite has to come first), and the reason for its place.
	 */
	public record Move(String key, String title, boolean open, int from, int to, Double score, boolean pinned,
			String kind, String reason) {

		public int delta() {
			return from - to;
		}

		/** Whether the item changes place. */
		@com.fasterxml.jackson.annotation.JsonProperty("moves")
		public boolean moves() {
			return from != to;
		}

	}

	/** The epics that change place (they go with their children). */
	public List<Move> movedEpics() {
		return items.stream().filter(m -> m.moves() && "EPIC".equals(m.kind())).toList();
	}

	/** The keys of the items that change place, in their proposed order. */
	@com.fasterxml.jackson.annotation.JsonProperty("movedKeys")
	public List<String> movedKeys() {
		return items.stream().filter(Move::moves).map(Move::key).toList();
	}

}
