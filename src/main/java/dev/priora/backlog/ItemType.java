package dev.priora.backlog;

/** The kinds of backlog item; only epics may have children. */
public enum ItemType {

	EPIC, STORY, BUG, TASK, SPIKE;

	public String label() {
		return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
	}

}
