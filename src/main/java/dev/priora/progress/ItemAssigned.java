package dev.priora.progress;

import dev.priora.accounts.UserId;
import dev.priora.backlog.ItemKey;

/**
 * An item was assigned to a team member ({@code email} may be empty: a member without
 * one), by {@code actor}.
 */
public record ItemAssigned(ItemKey item, String memberName, String email, UserId actor) {
}
