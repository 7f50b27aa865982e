package dev.priora.backlog;

import java.util.List;

/**
 * One page of a backlog listing, in backlog order; {@code nextCursor} is null on the last
 * page.
 */
public record ItemPage(List<ItemSummary> items, String nextCursor) {
}
