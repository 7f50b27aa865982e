package dev.priora.planning;

import java.util.List;

import dev.priora.accounts.UserId;

/**
 * A release plan was applied: its items were assigned to their releases in one change;
 * {@code moved} are the keys of the items whose release or sprint it changed, by
 * {@code actor}.
 */
public record PlanApplied(String productKey, long planId, String name, long value, int items, List<String> moved,
		UserId actor) {

	public PlanApplied {
		moved = List.copyOf(moved);
	}

}
