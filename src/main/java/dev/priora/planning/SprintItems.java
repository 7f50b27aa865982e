package dev.priora.planning;

/**
 * What applying a plan does with items it would take out of their sprints (see
 * {@link SprintChange}); applying such a plan needs one of these.
 */
public enum SprintItems {

	/**
	 * Every item in a sprint stays where it is (release and sprint); the plan moves the
	 * others.
	 */
	KEEP("keep every item that is in a sprint where it is"),
	/**
	 * Items of started sprints stay where they are; items of sprints not started move as
	 * planned.
	 */
	KEEP_STARTED("keep the items of started sprints where they are; move the others out of their sprints as planned"),
	/** Every item moves as planned, out of its sprint. */
	MOVE("move them out of their sprints as planned");

	private final String description;

	SprintItems(String description) {
		this.description = description;
	}

	public String description() {
		return description;
	}

	/** Whether an item of a sprint (started or not) stays where it is. */
	public boolean keeps(boolean started) {
		return this == KEEP || this == KEEP_STARTED && started;
	}

}
