package dev.priora.feedback;

/** How the writer of a piece of feedback feels, as the general model reads it. */
public enum Sentiment {

	NEGATIVE, NEUTRAL, POSITIVE

}
