package dev.priora.refinement.poker;

/** What became of an item of a session: still to estimate, accepted, or skipped. */
public enum Outcome {

	PENDING, ACCEPTED, SKIPPED

}
