package dev.priora.dependencies.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * The critical path and the blockers of a set of unfinished items. The critical path is
 * the chain of "waits on" edges with the largest total estimate (longest path in a DAG by
 * dynamic programming over a topological order, O(n + e)); an item without an estimate
 * counts {@code 0} and is named in {@code unestimated}. Blockers are items others wait
 * on, ranked by the value (sum of scores) of everything that transitively waits on them,
 * then by how many items that is (one breadth-first search per blocker).
 */
public final class CriticalPath {

	private CriticalPath() {
	}

	/**
	 * Items 0..n-1 with their estimate (NaN when unknown) and value (0 when unscored);
	 * {@code waitsOn[k]} waits on {@code prerequisite[k]}.
	 */
	public record Input(double[] estimate, double[] value, int[] waitsOn, int[] prerequisite) {
	}

	/**
	 * A blocker: the item, how many items wait on it directly or not, and their value.
	 */
	public record Blocker(int item, int downstream, double downstreamValue) {
	}

	/**
	 * The path from the first prerequisite to the last dependent, its total estimate,
	 * items on it without an estimate, and up to {@code limit} blockers; {@code cyclic}
	 * is true when the edges hold a cycle (no path is computed then).
	 */
	public record Result(int[] path, double total, int[] unestimated, List<Blocker> blockers, boolean cyclic) {
	}

	public static Result of(Input in, int limit) {
		int n = in.estimate().length;
		int e = in.waitsOn().length;
		int[] outOff = csrOffsets(n, in.prerequisite());
		int[] dependents = csrTargets(outOff, in.prerequisite(), in.waitsOn());
		int[] indegree = new int[n];
		for (int k = 0; k < e; k++) {
			indegree[in.waitsOn()[k]]++;
		}
		int[] topo = new int[n];
		int head = 0;
		int tail = 0;
		int[] deg = indegree.clone();
		for (int i = 0; i < n; i++) {
			if (deg[i] == 0) {
				topo[tail++] = i;
			}
		}
		while (head < tail) {
			int v = topo[head++];
			for (int k = outOff[v]; k < outOff[v + 1]; k++) {
				if (--deg[dependents[k]] == 0) {
					topo[tail++] = dependents[k];
				}
			}
		}
		if (tail < n) {
			return new Result(new int[0], 0, new int[0], List.of(), true);
		}
		double[] dist = new double[n];
		int[] from = new int[n];
		Arrays.fill(from, -1);
		int best = -1;
		for (int v : topo) {
			dist[v] += weight(in.estimate()[v]);
			if (best < 0 || dist[v] > dist[best]) {
				best = v;
			}
			for (int k = outOff[v]; k < outOff[v + 1]; k++) {
				int d = dependents[k];
				if (from[d] < 0 || dist[v] > dist[d]) {
					dist[d] = dist[v];
					from[d] = v;
				}
			}
		}
		List<Integer> chain = new ArrayList<>();
		for (int v = best; v >= 0 && n > 0; v = from[v]) {
			chain.add(0, v);
		}
		int[] path = chain.stream().mapToInt(Integer::intValue).toArray();
		int[] unestimated = Arrays.stream(path).filter(v -> Double.isNaN(in.estimate()[v])).toArray();
		return new Result(path, n == 0 ? 0 : dist[best], unestimated, blockers(in, outOff, dependents, limit), false);
	}

	private static List<Blocker> blockers(Input in, int[] outOff, int[] dependents, int limit) {
		int n = in.estimate().length;
		List<Blocker> all = new ArrayList<>();
		BitSet seen = new BitSet(n);
		ArrayDeque<Integer> queue = new ArrayDeque<>();
		for (int b = 0; b < n; b++) {
			if (outOff[b] == outOff[b + 1]) {
				continue;
			}
			seen.clear();
			queue.add(b);
			int count = 0;
			double value = 0;
			while (!queue.isEmpty()) {
				int v = queue.poll();
				for (int k = outOff[v]; k < outOff[v + 1]; k++) {
					int d = dependents[k];
					if (!seen.get(d)) {
						seen.set(d);
						count++;
						value += in.value()[d];
						queue.add(d);
					}
				}
			}
			all.add(new Blocker(b, count, value));
		}
		all.sort(Comparator.comparingDouble(Blocker::downstreamValue)
			.reversed()
			.thenComparing(Comparator.comparingInt(Blocker::downstream).reversed())
			.thenComparingInt(Blocker::item));
		return List.copyOf(all.subList(0, Math.min(limit, all.size())));
	}

	private static double weight(double estimate) {
		return Double.isNaN(estimate) ? 0 : estimate;
	}

	static int[] csrOffsets(int n, int[] source) {
		int[] off = new int[n + 1];
		for (int s : source) {
			off[s + 1]++;
		}
		for (int i = 0; i < n; i++) {
			off[i + 1] += off[i];
		}
		return off;
	}

	static int[] csrTargets(int[] off, int[] source, int[] target) {
		int[] fill = Arrays.copyOf(off, off.length - 1);
		int[] t = new int[source.length];
		for (int k = 0; k < source.length; k++) {
			t[fill[source[k]]++] = target[k];
		}
		return t;
	}

}
