package dev.priora.planning.engine;

import java.util.Arrays;

/**
 * A Next Release Problem: requirements with costs, "prerequisite → requirement" edges,
 * and customers with a profit and the requirements they ask for (all 0-based). A customer
 * counts only when every requirement it asks for, and their prerequisites, is delivered.
 */
public record NrpInstance(int[] cost, int[] prerequisite, int[] dependent, long[] profit, int[][] requests) {

	public NrpInstance {
		if (prerequisite.length != dependent.length || profit.length != requests.length) {
			throw new IllegalArgumentException("array lengths differ");
		}
		for (int c : cost) {
			if (c < 0) {
				throw new IllegalArgumentException("costs are not negative");
			}
		}
	}

	public int requirements() {
		return cost.length;
	}

	public int customers() {
		return profit.length;
	}

	public long totalCost() {
		return Arrays.stream(cost).asLongStream().sum();
	}

	/** floor(ratio × total cost), computed exactly in decimal. */
	public long budget(java.math.BigDecimal ratio) {
		return ratio.multiply(java.math.BigDecimal.valueOf(totalCost()))
			.setScale(0, java.math.RoundingMode.FLOOR)
			.longValueExact();
	}

}
