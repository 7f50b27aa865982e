package dev.priora.progress.engine;

/**
 * The items to take out of a release so that at least {@code need} of work leaves it,
 * losing the least value (then taking the fewest items): a 0/1 covering knapsack solved
 * exactly by dynamic programming over the work taken out, capped at {@code need} (so
 * O(items × need); work in whole units, e.g. tenths of a point). Exact rather than greedy
 * by value per point, which can lose far more on a few large items.
 */
public final class LeastLoss {

	/** The largest {@code need} handled (tenths of a point: 100,000 points). */
	public static final long MAX_NEED = 1_000_000;

	private LeastLoss() {
	}

	/**
	 * The indices (ascending) of the items to take out: together at least {@code need} of
	 * {@code weight}, the least total {@code value}, then the fewest; empty when
	 * {@code need} ≤ 0; null when all the items together weigh less than {@code need}.
	 */
	public static int[] choose(long[] weight, long[] value, long need) {
		if (weight.length != value.length || need > MAX_NEED) {
			throw new IllegalArgumentException("one value per weight, and a need up to " + MAX_NEED);
		}
		if (need <= 0) {
			return new int[0];
		}
		int n = weight.length;
		int cap = (int) need;
		long[] cost = new long[cap + 1];
		int[] count = new int[cap + 1];
		java.util.Arrays.fill(cost, Long.MAX_VALUE);
		cost[0] = 0;
		// from[i][j]: the state item i was added to on the best way to j (-1: not taken)
		int[][] from = new int[n][];
		for (int i = 0; i < n; i++) {
			from[i] = new int[cap + 1];
			java.util.Arrays.fill(from[i], -1);
			if (weight[i] <= 0 || value[i] < 0) {
				continue;
			}
			for (int j = cap; j >= 0; j--) {
				if (cost[j] == Long.MAX_VALUE) {
					continue;
				}
				int to = (int) Math.min(cap, j + weight[i]);
				long c = cost[j] + value[i];
				if (c < cost[to] || c == cost[to] && count[j] + 1 < count[to]) {
					cost[to] = c;
					count[to] = count[j] + 1;
					from[i][to] = j;
				}
			}
		}
		if (cost[cap] == Long.MAX_VALUE) {
			return null;
		}
		java.util.List<Integer> chosen = new java.util.ArrayList<>();
		int j = cap;
		for (int i = n - 1; i >= 0 && j > 0; i--) {
			if (from[i][j] >= 0) {
				chosen.add(i);
				j = from[i][j];
			}
		}
		return chosen.stream().sorted().mapToInt(Integer::intValue).toArray();
	}

}
