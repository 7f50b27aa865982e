package dev.priora.planning.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Next Release Problem shrunken for the solvers: each customer's requests closed
 * under prerequisites ({@code closures}, by original customer); customers that cannot fit
 * the budget or bring no profit dropped; requirements needed by the same customers merged
 * into units with summed costs; customers needing the same units merged with summed
 * profits ({@code members}: the original customers of each).
 */
record ReducedNrp(BitSet[] closures, List<int[]> customers, long[] profit, int[] unitCost, List<int[]> members) {

	static ReducedNrp of(NrpInstance in, long budget) {
		BitSet[] closures = closures(in);
		List<Integer> kept = new ArrayList<>();
		for (int c = 0; c < in.customers(); c++) {
			long cost = closures[c].stream().mapToLong(i -> in.cost()[i]).sum();
			if (in.profit()[c] > 0 && cost <= budget) {
				kept.add(c);
			}
		}
		List<Long> unitCost = new ArrayList<>();
		int[] unit = units(in, closures, kept, unitCost);
		// customers needing the same units are one customer
		Map<List<Integer>, Integer> merged = new HashMap<>();
		List<int[]> customers = new ArrayList<>();
		List<Long> profit = new ArrayList<>();
		List<List<Integer>> members = new ArrayList<>();
		for (int c : kept) {
			BitSet units = new BitSet();
			for (int i = closures[c].nextSetBit(0); i >= 0; i = closures[c].nextSetBit(i + 1)) {
				if (unit[i] >= 0) {
					units.set(unit[i]);
				}
			}
			List<Integer> key = units.stream().boxed().toList();
			Integer at = merged.get(key);
			if (at == null) {
				merged.put(key, customers.size());
				customers.add(units.stream().toArray());
				profit.add(in.profit()[c]);
				members.add(new ArrayList<>(List.of(c)));
			}
			else {
				profit.set(at, profit.get(at) + in.profit()[c]);
				members.get(at).add(c);
			}
		}
		return new ReducedNrp(closures, customers, profit.stream().mapToLong(Long::longValue).toArray(),
				unitCost.stream().mapToInt(Long::intValue).toArray(),
				members.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toList());
	}

	/**
	 * Each requirement's unit (-1: needed by no kept customer, or free); requirements
	 * needed by the same customers form one unit, whose cost is added to
	 * {@code unitCost}.
	 */
	private static int[] units(NrpInstance in, BitSet[] closures, List<Integer> kept, List<Long> unitCost) {
		int m = in.requirements();
		List<List<Integer>> needers = new ArrayList<>();
		for (int i = 0; i < m; i++) {
			needers.add(new ArrayList<>());
		}
		for (int c : kept) {
			for (int i = closures[c].nextSetBit(0); i >= 0; i = closures[c].nextSetBit(i + 1)) {
				needers.get(i).add(c);
			}
		}
		Map<List<Integer>, Integer> unitOf = new HashMap<>();
		int[] unit = new int[m];
		Arrays.fill(unit, -1);
		for (int i = 0; i < m; i++) {
			if (needers.get(i).isEmpty() || in.cost()[i] == 0) {
				continue;
			}
			int u = unitOf.computeIfAbsent(needers.get(i), key -> {
				unitCost.add(0L);
				return unitCost.size() - 1;
			});
			unitCost.set(u, unitCost.get(u) + in.cost()[i]);
			unit[i] = u;
		}
		return unit;
	}

	/** The total profit of the chosen merged customers. */
	long value(boolean[] chosen) {
		long value = 0;
		for (int c = 0; c < chosen.length; c++) {
			value += chosen[c] ? this.profit[c] : 0;
		}
		return value;
	}

	/**
	 * Merged customers to choose so that the given original customers are satisfied.
	 */
	boolean[] hint(BitSet originals) {
		boolean[] h = new boolean[customers.size()];
		for (int c = 0; c < h.length; c++) {
			h[c] = Arrays.stream(members.get(c)).allMatch(originals::get);
		}
		return h;
	}

	/** Each customer's requests with every transitive prerequisite. */
	static BitSet[] closures(NrpInstance in) {
		int m = in.requirements();
		List<List<Integer>> pre = new ArrayList<>();
		for (int i = 0; i < m; i++) {
			pre.add(new ArrayList<>());
		}
		for (int e = 0; e < in.prerequisite().length; e++) {
			pre.get(in.dependent()[e]).add(in.prerequisite()[e]);
		}
		BitSet[] memo = new BitSet[m];
		BitSet[] result = new BitSet[in.customers()];
		for (int c = 0; c < in.customers(); c++) {
			BitSet b = new BitSet(m);
			for (int r : in.requests()[c]) {
				b.or(closure(r, pre, memo));
			}
			result[c] = b;
		}
		return result;
	}

	private static BitSet closure(int r, List<List<Integer>> pre, BitSet[] memo) {
		if (memo[r] != null) {
			return memo[r];
		}
		BitSet b = new BitSet();
		b.set(r);
		ArrayDeque<Integer> stack = new ArrayDeque<>(List.of(r));
		while (!stack.isEmpty()) {
			for (int p : pre.get(stack.pop())) {
				if (!b.get(p)) {
					b.set(p);
					stack.push(p);
				}
			}
		}
		memo[r] = b;
		return b;
	}

}
