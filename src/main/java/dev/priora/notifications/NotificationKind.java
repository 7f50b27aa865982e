package dev.priora.notifications;

/**
 * What a notification is about; each person chooses a {@link Delivery} per kind. Listed
 * in the order the preferences show them.
 */
public enum NotificationKind {

	/** An item was assigned to the team member with your e-mail. */
	ASSIGNED("Assigned to you", "an item is assigned to you"),
	/** Someone mentioned you in a comment or an item's description. */
	MENTIONED("Mentioned", "someone mentions you in a comment or a description"),
	/** A comment on an item you watch. */
	COMMENTED("Comments", "someone comments on an item you watch"),
	/** A watched item changed status. */
	STATUS_CHANGED("Status changes", "an item you watch changes status"),
	/** An item a watched item waits on (a dependency) is done. */
	DEPENDENCY_DONE("Dependency done", "an item you wait on is done"),
	/** Your item was accepted or rejected in a sprint review. */
	REVIEWED("Sprint review", "your item is accepted or rejected in a sprint review"),
	/** An applied release plan moved your items. */
	PLAN_MOVED("Plan applied", "an applied plan moves your items"),
	/** A watched release's forecast flag changed (on track, at risk, off track). */
	RELEASE_FLAG("Release forecast", "a release you watch goes at risk or off track, or back on track"),
	/** New feedback arrived in an inbox you watch. */
	FEEDBACK_RECEIVED("New feedback", "new feedback arrives in an inbox you watch"),
	/** An import you started finished or failed. */
	IMPORT_ENDED("Imports", "an import you started finishes or fails");

	private final String label;

	private final String description;

	NotificationKind(String label, String description) {
		this.label = label;
		this.description = description;
	}

	public String label() {
		return label;
	}

	/** When it notifies, as a phrase after "when". */
	public String description() {
		return description;
	}

}
