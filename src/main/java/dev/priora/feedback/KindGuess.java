package dev.priora.feedback;

/** A model's kind of one feedback, its confidence (0–1) and the sentiment. */
record KindGuess(FeedbackKind kind, double confidence, Sentiment sentiment) {
}
