package dev.priora.planning.engine;

import java.util.BitSet;

/**
 * Rank-order filling, the plan a rank-and-fill tool makes: repeatedly take the customer
 * with the best profit ÷ cost of the requirements (and prerequisites) it still needs that
 * still fits the budget.
 */
record Greedy(BitSet customers, long value) {

	static Greedy of(NrpInstance in, BitSet[] closures, long budget) {
		BitSet delivered = new BitSet();
		BitSet chosen = new BitSet();
		long spent = 0;
		long value = 0;
		while (true) {
			int best = -1;
			double bestRatio = -1;
			long bestCost = 0;
			for (int c = 0; c < in.customers(); c++) {
				if (chosen.get(c) || in.profit()[c] <= 0) {
					continue;
				}
				BitSet extra = (BitSet) closures[c].clone();
				extra.andNot(delivered);
				long cost = extra.stream().mapToLong(i -> in.cost()[i]).sum();
				if (spent + cost > budget) {
					continue;
				}
				double ratio = cost == 0 ? Double.MAX_VALUE : (double) in.profit()[c] / cost;
				if (ratio > bestRatio) {
					best = c;
					bestRatio = ratio;
					bestCost = cost;
				}
			}
			if (best < 0) {
				return new Greedy(chosen, value);
			}
			chosen.set(best);
			delivered.or(closures[best]);
			spent += bestCost;
			value += in.profit()[best];
		}
	}

}
