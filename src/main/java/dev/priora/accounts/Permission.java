package dev.priora.accounts;

/** What a role allows within one product. */
public enum Permission {

	/** See the product and everything in it. */
	READ,
	/** Comment on items and roadmap entries. */
	COMMENT,
	/** Submit customer feedback. */
	SUBMIT_FEEDBACK,
	/** Work items: change their status, estimate them, tick acceptance criteria. */
	WORK_ITEMS,
	/** Create, edit, order, link and delete items; force readiness. */
	EDIT_BACKLOG,
	/** Roadmap, objectives and releases' narrative. */
	MANAGE_ROADMAP,
	/**
	 * Run refinement sessions: pick their items, reveal the votes, accept a value as an
	 * item's estimate, re-vote, skip, close.
	 */
	RUN_REFINEMENT,
	/** Product settings, Definition of Ready and who holds which role. */
	MANAGE_PRODUCT

}
