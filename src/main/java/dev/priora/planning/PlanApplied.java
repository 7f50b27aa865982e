package dev.priora.planning;

/**
 * A release plan was applied: its items were assigned to their releases in one change.
 */
public record PlanApplied(String productKey, long planId, String name, long value, int items) {
}
