package dev.priora.backlog;

/** One checkable statement of an item's acceptance criteria. */
public record AcceptanceCriterion(String statement, boolean done) {
	public AcceptanceCriterion {
		if (statement == null || statement.isBlank()) {
			throw new IllegalArgumentException("an acceptance criterion needs a statement");
		}
		statement = statement.strip();
	}
}
