package dev.priora.planning.engine;

import java.util.SplittableRandom;

/**
 * Improves a Next Release plan by ruin and recreate: drop a few satisfied customers at
 * random, then refill greedily by profit ÷ extra cost with a little noise; keep the
 * result when it is no worse. Works on the shrunken problem (units, merged customers)
 * with unit use counts, so one round costs about one greedy fill. Seeded, so runs repeat.
 */
final class LocalSearch {

	private final long[] unitCost;

	private final int[][] customers;

	private final long[] profit;

	private final long budget;

	private final int[] count;

	private final boolean[] chosen;

	private long spent;

	private long value;

	private LocalSearch(NrpSolver.Reduced r, long budget) {
		this.unitCost = java.util.Arrays.stream(r.unitCost()).asLongStream().toArray();
		this.customers = r.customers().toArray(int[][]::new);
		this.profit = r.profit();
		this.budget = budget;
		this.count = new int[unitCost.length];
		this.chosen = new boolean[customers.length];
	}

	/**
	 * The best plan found from {@code start} within {@code millis}; chosen merged
	 * customers.
	 */
	static boolean[] improve(NrpSolver.Reduced r, long budget, boolean[] start, long millis, long seed) {
		LocalSearch s = new LocalSearch(r, budget);
		for (int c = 0; c < start.length; c++) {
			if (start[c]) {
				s.add(c);
			}
		}
		s.fill(null, 0);
		boolean[] best = s.chosen.clone();
		long bestValue = s.value;
		SplittableRandom random = new SplittableRandom(seed);
		long deadline = System.nanoTime() + millis * 1_000_000;
		int k = s.customers.length;
		int stall = 0;
		while (System.nanoTime() < deadline && k > 0 && stall < 20 * k) {
			boolean[] before = s.chosen.clone();
			long beforeValue = s.value;
			int[] in = java.util.stream.IntStream.range(0, k).filter(c -> s.chosen[c]).toArray();
			int drops = in.length == 0 ? 0 : 1 + random.nextInt(Math.min(4, in.length));
			for (int d = 0; d < drops; d++) {
				int c = in[random.nextInt(in.length)];
				if (s.chosen[c]) {
					s.remove(c);
				}
			}
			s.fill(random, 0.15);
			stall++;
			if (s.value > bestValue) {
				bestValue = s.value;
				best = s.chosen.clone();
				stall = 0;
			}
			else if (s.value < beforeValue) {
				s.reset(before);
			}
		}
		return best;
	}

	private void reset(boolean[] target) {
		for (int c = 0; c < chosen.length; c++) {
			if (chosen[c] && !target[c]) {
				remove(c);
			}
		}
		for (int c = 0; c < chosen.length; c++) {
			if (!chosen[c] && target[c]) {
				add(c);
			}
		}
	}

	private void fill(SplittableRandom random, double noise) {
		while (true) {
			int best = -1;
			double bestRatio = -1;
			for (int c = 0; c < customers.length; c++) {
				if (chosen[c]) {
					continue;
				}
				long extra = extra(c);
				if (spent + extra > budget) {
					continue;
				}
				double ratio = extra == 0 ? Double.MAX_VALUE : (double) profit[c] / extra;
				if (random != null && extra > 0) {
					ratio *= 1 + noise * (random.nextDouble() - 0.5);
				}
				if (ratio > bestRatio) {
					bestRatio = ratio;
					best = c;
				}
			}
			if (best < 0) {
				return;
			}
			add(best);
		}
	}

	private long extra(int c) {
		long e = 0;
		for (int u : customers[c]) {
			if (count[u] == 0) {
				e += unitCost[u];
			}
		}
		return e;
	}

	private void add(int c) {
		for (int u : customers[c]) {
			if (count[u]++ == 0) {
				spent += unitCost[u];
			}
		}
		chosen[c] = true;
		value += profit[c];
	}

	private void remove(int c) {
		for (int u : customers[c]) {
			if (--count[u] == 0) {
				spent -= unitCost[u];
			}
		}
		chosen[c] = false;
		value -= profit[c];
	}

}
