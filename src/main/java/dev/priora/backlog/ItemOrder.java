package dev.priora.backlog;

/** How a backlog listing is ordered: by backlog rank, or by customer demand first. */
public enum ItemOrder {

	/** The backlog order the product owner set. */
	RANK,

	/** Highest demand importance first, then most customers, then rank. */
	DEMAND

}
