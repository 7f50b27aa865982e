package dev.priora.planning;

/**
 * An item that applying a plan would take out of its sprint: the sprint (and whether it
 * has started), the release it is in now and the one the plan puts it in ({@code null}
 * ids and names: unplanned).
 */
public record SprintChange(String key, String title, long sprintId, String sprint, boolean started, Long fromReleaseId,
		String fromRelease, Long toReleaseId, String toRelease) {
}
