package dev.priora.feedback;

/** Where a piece of feedback came from. */
public enum Channel {

	MANUAL, API, CSV, JSON, WEB_FORM, EMAIL,

	/** An idea or a vote on the product's customer portal. */
	PORTAL

}
