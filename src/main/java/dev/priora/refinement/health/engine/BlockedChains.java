package dev.priora.refinement.health.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Blocked chains among unfinished items: an item waits on an unfinished item that itself
 * waits on another, so nothing in the chain can start before its far end is done. An
 * item's depth is 0 when it waits on nothing unfinished, else one more than the deepest
 * item it waits on; an item of depth 2 or more is blocked in a chain. Depths come from
 * one topological pass, prerequisites first (Kahn's algorithm, O(n + e)); items on a
 * cycle (which the backlog refuses) get no depth and are left out. A chain is reported
 * from each head (a blocked item no unfinished item waits on) along its deepest
 * prerequisites to the item to finish first.
 */
public final class BlockedChains {

	private BlockedChains() {
	}

	/** A chain, its head first and the item to finish first last (ids). */
	public record Chain(List<Long> items) {

		public Chain {
			items = List.copyOf(items);
		}

	}

	/**
	 * How many items are blocked in a chain, and the longest chains (at most the limit),
	 * longest first.
	 */
	public record Result(int blocked, List<Chain> chains) {

		public Result {
			chains = List.copyOf(chains);
		}

	}

	/**
	 * Item {@code waiter[k]} waits on item {@code prerequisite[k]}; both unfinished.
	 */
	public static Result of(long[] waiter, long[] prerequisite, int limit) {
		if (waiter.length != prerequisite.length) {
			throw new IllegalArgumentException("one prerequisite per waiter");
		}
		Map<Long, Integer> index = new HashMap<>();
		List<Long> ids = new ArrayList<>();
		int[] w = new int[waiter.length];
		int[] p = new int[waiter.length];
		for (int k = 0; k < waiter.length; k++) {
			w[k] = index.computeIfAbsent(waiter[k], id -> add(ids, id));
			p[k] = index.computeIfAbsent(prerequisite[k], id -> add(ids, id));
		}
		int n = ids.size();
		int[] depth = new int[n];
		int[] deepest = depths(n, w, p, depth);
		boolean[] waitedOn = new boolean[n];
		for (int k = 0; k < w.length; k++) {
			waitedOn[p[k]] = true;
		}
		int blocked = 0;
		List<Chain> chains = new ArrayList<>();
		for (int v = 0; v < n; v++) {
			if (depth[v] >= 2) {
				blocked++;
				if (!waitedOn[v]) {
					chains.add(chain(v, deepest, ids));
				}
			}
		}
		chains.sort(Comparator.comparingInt((Chain c) -> -c.items().size()).thenComparing(c -> c.items().get(0)));
		return new Result(blocked, chains.subList(0, Math.min(limit, chains.size())));
	}

	private static int add(List<Long> ids, long id) {
		ids.add(id);
		return ids.size() - 1;
	}

	/**
	 * Fills each item's depth (-1 on a cycle) and answers, per item, the prerequisite of
	 * its deepest chain (-1 for none).
	 */
	private static int[] depths(int n, int[] w, int[] p, int[] depth) {
		int[] offsets = new int[n + 1];
		for (int pre : p) {
			offsets[pre + 1]++;
		}
		for (int v = 0; v < n; v++) {
			offsets[v + 1] += offsets[v];
		}
		int[] waiters = new int[w.length];
		int[] fill = offsets.clone();
		int[] open = new int[n];
		for (int k = 0; k < w.length; k++) {
			waiters[fill[p[k]]++] = w[k];
			open[w[k]]++;
		}
		int[] deepest = new int[n];
		java.util.Arrays.fill(deepest, -1);
		java.util.Arrays.fill(depth, -1);
		int[] queue = new int[n];
		int tail = 0;
		for (int v = 0; v < n; v++) {
			if (open[v] == 0) {
				depth[v] = 0;
				queue[tail++] = v;
			}
		}
		int[] best = new int[n];
		for (int head = 0; head < tail; head++) {
			int v = queue[head];
			for (int k = offsets[v]; k < offsets[v + 1]; k++) {
				int u = waiters[k];
				if (deepest[u] < 0 || depth[v] + 1 > best[u]) {
					best[u] = depth[v] + 1;
					deepest[u] = v;
				}
				if (--open[u] == 0) {
					depth[u] = best[u];
					queue[tail++] = u;
				}
			}
		}
		return deepest;
	}

	private static Chain chain(int head, int[] deepest, List<Long> ids) {
		List<Long> items = new ArrayList<>();
		for (int v = head; v >= 0; v = deepest[v]) {
			items.add(ids.get(v));
		}
		return new Chain(items);
	}

}
