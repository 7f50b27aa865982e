package dev.priora.backlog;

/** The checks a product's Definition of Ready may contain. */
public enum ReadyRule {

	HAS_DESCRIPTION("Has a description", true), HAS_ACCEPTANCE_CRITERIA("Has at least one acceptance criterion", true),
	IS_ESTIMATED("Is estimated", true), PREREQUISITES_DONE("Every prerequisite is done", true),
	HAS_EPIC("Belongs to an epic (epics excepted)", false), SMALL_ENOUGH("Estimate is at most the limit", false);

	private final String description;

	private final boolean enabledByDefault;

	ReadyRule(String description, boolean enabledByDefault) {
		this.description = description;
		this.enabledByDefault = enabledByDefault;
	}

	public String description() {
		return description;
	}

	public boolean enabledByDefault() {
		return enabledByDefault;
	}

}
