package dev.priora.progress;

import java.math.BigDecimal;
import java.util.List;

import dev.priora.backlog.ItemStatus;

/**
 * The sprint board of a sprint or a release: status columns with their WIP limits, lanes
 * (one, or one per assignee or epic) holding the cards of each column.
 *
 * @param productKey the product
 * @param scope what the board shows (a sprint, a release, or nothing when the product has
 * no sprint yet)
 * @param lanesBy how cards are grouped into lanes
 * @param mine only the cards assigned to the reader
 * @param readerOnTeam whether a team member has the reader's e-mail (so "mine" can match)
 * @param columns the workflow's columns, in order, with totals over every lane
 * @param lanes the lanes, each with one cell per column
 * @param hidden rejected cards in the scope, not shown
 * @param sprints the product's sprints to choose from
 * @param releases the product's releases to choose from
 */
public record Board(String productKey, Scope scope, Lanes lanesBy, boolean mine, boolean readerOnTeam,
		List<Column> columns, List<Lane> lanes, int hidden, List<Choice> sprints, List<Choice> releases) {

	/** The statuses shown as columns, in workflow order. */
	public static final List<ItemStatus> STATUSES = List.of(ItemStatus.NEW, ItemStatus.READY, ItemStatus.IN_PROGRESS,
			ItemStatus.DONE);

	/** How cards are grouped into swimlanes. */
	public enum Lanes {

		NONE, ASSIGNEE, EPIC;

		/** The lanes named by a request parameter; blank means none. */
		public static Lanes of(String text) {
			if (text == null || text.isBlank()) {
				return NONE;
			}
			try {
				return valueOf(text.strip().toUpperCase(java.util.Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				throw dev.priora.problem.DomainProblem.invalid("lanes", "must be none, assignee or epic");
			}
		}

	}

	/** What a board shows: a sprint ({@code kind} "sprint") or a release, or nothing. */
	public record Scope(String kind, Long id, String name, String state) {

		public static final Scope NOTHING = new Scope("none", null, null, null);

		public boolean sprint() {
			return "sprint".equals(kind);
		}

		public boolean release() {
			return "release".equals(kind);
		}

	}

	/**
	 * A column: its status and title, its WIP limit (null: none), its cards and points,
	 * and whether the cards exceed the limit.
	 */
	public record Column(ItemStatus status, String title, Integer wipLimit, int count, BigDecimal points) {

		@com.fasterxml.jackson.annotation.JsonProperty("overLimit")
		public boolean overLimit() {
			return wipLimit != null && count > wipLimit;
		}

		@com.fasterxml.jackson.annotation.JsonProperty("atLimit")
		public boolean atLimit() {
			return wipLimit != null && count == wipLimit;
		}

	}

	/**
	 * A swimlane: its id (a member id, an epic key, or "none") and label, and its cells.
	 */
	public record Lane(String id, String label, List<Cell> cells) {

		public int count() {
			return cells.stream().mapToInt(c -> c.cards().size()).sum();
		}

	}

	/** The cards of one lane in one column. */
	public record Cell(ItemStatus status, List<Card> cards) {
	}

	/**
	 * A card: the item's key, title, status, estimate, version, assignee (null: nobody),
	 * epic, the unfinished prerequisites that block it, and the statuses it may move to.
	 */
	public record Card(String key, String title, ItemStatus status, BigDecimal estimate, long version, String assignee,
			String epic, String epicTitle, List<String> blockedBy, List<ItemStatus> next) {

		@com.fasterxml.jackson.annotation.JsonProperty("blocked")
		public boolean blocked() {
			return !blockedBy.isEmpty();
		}

	}

	/** A sprint or release to choose, with its state for sprints. */
	public record Choice(long id, String name, String state) {
	}

}
