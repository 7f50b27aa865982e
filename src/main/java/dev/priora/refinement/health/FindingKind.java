package dev.priora.refinement.health;

/**
 * What a health finding is about, in the order the page shows them, with the points it
 * weighs in the score (the weights add up to 100) and what the page says of it.
 */
public enum FindingKind {

	/** Items near the top of the backlog that do not meet the Definition of Ready. */
	NOT_READY(25, "Not ready in the top %d",
			"New or ready items among the first %d of the backlog order that fail the Definition of Ready: they are"
					+ " next, so they should be ready.",
			"share of those top items"),
	/** Open items (not epics) without an estimate. */
	UNESTIMATED(15, "Without an estimate", "Open items (epics aside) nobody has sized yet.", "share of open items"),
	/** Open items (not epics) without acceptance criteria. */
	NO_CRITERIA(10, "Without acceptance criteria", "Open items (epics aside) that do not say when they are done.",
			"share of open items"),
	/** Open items not changed for the stale days. */
	STALE(15, "Untouched for %d days", "Open items nobody has changed for a long time: still wanted?",
			"share of open items"),
	/** Items in progress for longer than 85 % of finished items took. */
	LONG_IN_PROGRESS(10, "In progress too long",
			"Items in progress for longer than 85 %% of the product's finished items took (%s).",
			"share of items in progress"),
	/** Items blocked in a chain of unfinished prerequisites. */
	BLOCKED_CHAIN(10, "Blocked chains",
			"Items that wait on an unfinished item which itself waits on another: finish the chain's far end first.",
			"share of open items"),
	/** Open items that read almost the same. */
	DUPLICATE(5, "Probable duplicates",
			"Open items whose texts mean nearly the same (sentence vectors at least %d %% alike): merge or reject one.",
			"share of compared items"),
	/** Open epics without open children. */
	EMPTY_EPIC(5, "Epics without children", "Open epics with no item in them: split them into stories, or close them.",
			"share of open epics"),
	/** Done items that feedback asks for without being linked to them. */
	UNLINKED_FEEDBACK(5, "Done, but the feedback asking for it is not linked",
			"Done items that open feedback reads like (at least %d %% alike) but is not linked to: link it, so the"
					+ " people who asked are told.",
			"share of compared done items");

	private final int weight;

	private final String title;

	private final String description;

	private final String measure;

	FindingKind(int weight, String title, String description, String measure) {
		this.weight = weight;
		this.title = title;
		this.description = description;
		this.measure = measure;
	}

	/** The points this kind weighs in the score. */
	public int weight() {
		return weight;
	}

	/** The heading, with {@code %d} for a number (top N, stale days) where it has one. */
	String title() {
		return title;
	}

	/** What the findings are and what to do, with the report's numbers in place. */
	String description() {
		return description;
	}

	/** What the share of the score's part is taken of, e.g. "share of open items". */
	public String measure() {
		return measure;
	}

}
