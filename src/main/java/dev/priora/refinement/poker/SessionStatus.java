package dev.priora.refinement.poker;

/** A session is open for votes until its facilitator closes it. */
public enum SessionStatus {

	OPEN, CLOSED

}
