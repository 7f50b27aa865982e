package dev.priora.dependencies.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable directed graph of "depends on" edges between item ids (an edge
 * {@code a → b} means a waits on b), stored in compressed sparse rows so that a million
 * edges take a few megabytes. Built once per check from the product's edges; answers
 * whether a new edge would close a cycle, and which one.
 */
public final class DependencyGraph {

	private final Map<Long, Integer> index;

	private final long[] ids;

	private final int[] offsets;

	private final int[] targets;

	private DependencyGraph(Map<Long, Integer> index, long[] ids, int[] offsets, int[] targets) {
		this.index = index;
		this.ids = ids;
		this.offsets = offsets;
		this.targets = targets;
	}

	/**
	 * Builds the graph from parallel arrays: {@code from[i]} depends on {@code to[i]}.
	 */
	public static DependencyGraph of(long[] from, long[] to) {
		if (from.length != to.length) {
			throw new IllegalArgumentException("edge arrays differ in length");
		}
		Map<Long, Integer> index = new HashMap<>();
		List<Long> ids = new ArrayList<>();
		int[] src = new int[from.length];
		int[] dst = new int[to.length];
		for (int i = 0; i < from.length; i++) {
			src[i] = index.computeIfAbsent(from[i], id -> add(ids, id));
			dst[i] = index.computeIfAbsent(to[i], id -> add(ids, id));
		}
		int n = ids.size();
		int[] offsets = new int[n + 1];
		for (int s : src) {
			offsets[s + 1]++;
		}
		for (int i = 0; i < n; i++) {
			offsets[i + 1] += offsets[i];
		}
		int[] fill = Arrays.copyOf(offsets, n);
		int[] targets = new int[src.length];
		for (int i = 0; i < src.length; i++) {
			targets[fill[src[i]]++] = dst[i];
		}
		return new DependencyGraph(index, ids.stream().mapToLong(Long::longValue).toArray(), offsets, targets);
	}

	private static int add(List<Long> ids, long id) {
		ids.add(id);
		return ids.size() - 1;
	}

	/**
	 * The cycle that the new edge {@code from → to} would close, as ids from {@code from}
	 * back to {@code from} ({@code [from, to, …, from]}); empty when the edge is safe.
	 * Breadth-first, so the cycle named is a shortest.
	 */
	public Optional<List<Long>> cycleClosedBy(long from, long to) {
		if (from == to) {
			return Optional.of(List.of(from, from));
		}
		Integer start = index.get(to);
		Integer goal = index.get(from);
		if (start == null || goal == null) {
			return Optional.empty();
		}
		int[] parent = new int[ids.length];
		Arrays.fill(parent, -2);
		parent[start] = -1;
		ArrayDeque<Integer> queue = new ArrayDeque<>();
		queue.add(start);
		while (!queue.isEmpty()) {
			int node = queue.poll();
			if (node == goal) {
				return Optional.of(path(parent, goal, from));
			}
			for (int e = offsets[node]; e < offsets[node + 1]; e++) {
				int next = targets[e];
				if (parent[next] == -2) {
					parent[next] = node;
					queue.add(next);
				}
			}
		}
		return Optional.empty();
	}

	private List<Long> path(int[] parent, int goal, long from) {
		List<Long> reversed = new ArrayList<>();
		for (int node = goal; node != -1; node = parent[node]) {
			reversed.add(ids[node]);
		}
		Collections.reverse(reversed);
		List<Long> cycle = new ArrayList<>();
		cycle.add(from);
		cycle.addAll(reversed);
		return List.copyOf(cycle);
	}

}
