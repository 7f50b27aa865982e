package dev.priora.backlog;

/** A team member items can be assigned to, as the backlog shows and filters by them. */
public record ItemAssignee(long memberId, String name) {
}
