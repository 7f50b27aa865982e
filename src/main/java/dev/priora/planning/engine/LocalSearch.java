package dev.priora.planning.engine;

import java.util.SplittableRandom;

/**
 * Improves a Next Release plan by ruin and recreate with threshold accepting. Each round
 * either drops satisfied customers (a few at random, or one and others that share its
 * units) or makes room for an unsatisfied customer by dropping the satisfied ones whose
 * own units buy the least profit; then it refills greedily by profit ÷ extra cost with a
 * little noise. A worse plan is kept while it is within a threshold that shrinks to
 * nothing as time runs out; the best plan is returned. Each customer's extra cost is kept
 * up to date as units come and go, so a round costs little (about 200,000 rounds a second
 * on the classic instances). Works on the shrunken problem (units, merged customers).
 * Measured on ../shared/data/nrp (docs/BENCHMARKS.md): from 0.3–4.3 % below the optimum
 * with plain random ruin to at most 0.2 % after 0.7 s.
 */
final class LocalSearch {

	private final long[] unitCost;

	private final int[][] customers;

	private final long[] profit;

	private final long budget;

	private final int[] count;

	private final boolean[] chosen;

	/** Customers every plan must include (1) or leave out (-1); 0 free. */
	private final int[] fixed;

	/** The customers needing each unit. */
	private final int[][] users;

	/** What each customer would still cost: its units not delivered yet. */
	private final long[] extra;

	private long spent;

	private long value;

	private LocalSearch(ReducedNrp r, long budget, int[] fixed) {
		this.fixed = fixed;
		this.unitCost = java.util.Arrays.stream(r.unitCost()).asLongStream().toArray();
		this.customers = r.customers().toArray(int[][]::new);
		this.profit = r.profit();
		this.budget = budget;
		this.count = new int[unitCost.length];
		this.chosen = new boolean[customers.length];
		int[] uses = new int[unitCost.length];
		for (int[] c : customers) {
			for (int u : c) {
				uses[u]++;
			}
		}
		this.users = new int[unitCost.length][];
		for (int u = 0; u < unitCost.length; u++) {
			users[u] = new int[uses[u]];
		}
		this.extra = new long[customers.length];
		for (int c = 0; c < customers.length; c++) {
			for (int u : customers[c]) {
				users[u][--uses[u]] = c;
				extra[c] += unitCost[u];
			}
		}
	}

	/**
	 * The best plan found from {@code start} within {@code millis}; chosen merged
	 * customers.
	 */
	static boolean[] improve(ReducedNrp r, long budget, boolean[] start, long millis, long seed) {
		return improve(r, budget, start, new int[start.length], millis, seed);
	}

	/**
	 * The best plan found from {@code start} within {@code millis} that includes every
	 * customer fixed in and none fixed out (the customers fixed in must fit the budget);
	 * chosen merged customers.
	 */
	static boolean[] improve(ReducedNrp r, long budget, boolean[] start, int[] fixed, long millis, long seed) {
		LocalSearch s = new LocalSearch(r, budget, fixed);
		for (int c = 0; c < start.length; c++) {
			if (fixed[c] > 0) {
				s.add(c);
			}
		}
		for (int c = 0; c < start.length; c++) {
			if (start[c] && fixed[c] == 0 && s.spent + s.extra(c) <= budget) {
				s.add(c);
			}
		}
		s.fill(null, 0);
		boolean[] best = s.chosen.clone();
		long bestValue = s.value;
		SplittableRandom random = new SplittableRandom(seed);
		long begin = System.nanoTime();
		long total = millis * 1_000_000;
		int k = s.customers.length;
		// threshold accepting: a worse plan is kept when it is within a threshold that
		// shrinks from 0.25 % of the start value to nothing as the time runs out
		double threshold = 0.0025 * Math.max(1, s.value);
		// small problems settle fast: stop once the best has not improved for a while
		long patience = 200L * k + 20_000;
		long stall = 0;
		while (k > 0 && stall < patience) {
			long elapsed = System.nanoTime() - begin;
			if (elapsed >= total) {
				break;
			}
			stall++;
			double t = threshold * (1 - (double) elapsed / total);
			boolean[] before = s.chosen.clone();
			long beforeValue = s.value;
			double move = random.nextDouble();
			if (move < 0.25) {
				s.ruinRelated(random);
			}
			else if (move < 0.5) {
				s.ruin(random);
			}
			else {
				s.insert(random.nextInt(k));
			}
			s.fill(random, 0.15);
			if (s.value > bestValue) {
				bestValue = s.value;
				best = s.chosen.clone();
				stall = 0;
			}
			else if (s.value < beforeValue - t) {
				s.reset(before);
			}
			if (random.nextInt(2000) == 0) {
				s.reset(best);
			}
		}
		return best;
	}

	/** Drops a satisfied customer and up to three others that share its units. */
	private void ruinRelated(SplittableRandom random) {
		int[] in = java.util.stream.IntStream.range(0, chosen.length).filter(c -> chosen[c] && fixed[c] == 0).toArray();
		if (in.length == 0) {
			return;
		}
		int c = in[random.nextInt(in.length)];
		int drops = 1 + random.nextInt(3);
		int[] units = customers[c];
		remove(c);
		for (int i = 0; i < units.length && drops > 0; i++) {
			int u = units[random.nextInt(units.length)];
			for (int d : users[u]) {
				if (chosen[d] && fixed[d] == 0 && drops > 0 && random.nextBoolean()) {
					remove(d);
					drops--;
				}
			}
		}
	}

	/** Drops one to four satisfied customers at random. */
	private void ruin(SplittableRandom random) {
		int[] in = java.util.stream.IntStream.range(0, chosen.length).filter(c -> chosen[c] && fixed[c] == 0).toArray();
		int drops = in.length == 0 ? 0 : 1 + random.nextInt(Math.min(4, in.length));
		for (int d = 0; d < drops; d++) {
			int c = in[random.nextInt(in.length)];
			if (chosen[c]) {
				remove(c);
			}
		}
	}

	/**
	 * Makes room for customer {@code x} by dropping the satisfied customers whose own
	 * units buy the least profit, then satisfies it.
	 */
	private void insert(int x) {
		if (chosen[x] || fixed[x] < 0) {
			return;
		}
		while (spent + extra(x) > budget) {
			int worst = -1;
			double worstRatio = Double.MAX_VALUE;
			for (int c = 0; c < chosen.length; c++) {
				if (!chosen[c] || fixed[c] > 0) {
					continue;
				}
				long own = 0;
				for (int u : customers[c]) {
					if (count[u] == 1) {
						own += unitCost[u];
					}
				}
				double ratio = own == 0 ? Double.MAX_VALUE : (double) profit[c] / own;
				if (ratio < worstRatio) {
					worstRatio = ratio;
					worst = c;
				}
			}
			if (worst < 0 || worstRatio == Double.MAX_VALUE) {
				return;
			}
			remove(worst);
		}
		add(x);
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
				if (chosen[c] || fixed[c] < 0) {
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
		return extra[c];
	}

	private void add(int c) {
		for (int u : customers[c]) {
			if (count[u]++ == 0) {
				spent += unitCost[u];
				for (int d : users[u]) {
					extra[d] -= unitCost[u];
				}
			}
		}
		chosen[c] = true;
		value += profit[c];
	}

	private void remove(int c) {
		for (int u : customers[c]) {
			if (--count[u] == 0) {
				spent -= unitCost[u];
				for (int d : users[u]) {
					extra[d] += unitCost[u];
				}
			}
		}
		chosen[c] = false;
		value -= profit[c];
	}

}
