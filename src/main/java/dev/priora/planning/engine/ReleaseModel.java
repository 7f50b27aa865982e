package dev.priora.planning.engine;

import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;

import dev.priora.planning.engine.ReleaseOptimizer.Problem;
import dev.priora.planning.engine.ReleaseOptimizer.ValueMode;

/**
 * The CP-SAT model of {@link ReleaseOptimizer}'s problem: a variable per item and
 * release, pins, capacities, prerequisites first, and the discounted value (per item, or
 * per customer once everything it asked for is planned), scaled by 1000.
 */
final class ReleaseModel {

	private ReleaseModel() {
	}

	/**
	 * Adds the problem to the model; x[i][j]: item i goes into release j. With customer
	 * value, the chain (may be null) caps the profit complete by each release (and, when
	 * it restricts the model to plans better than its first, sets the least profit
	 * complete by each and the least objective), and items no customer can use stay out
	 * unless pinned.
	 */
	static BoolVar[][] build(CpModel model, Problem p, CustomerChain.Outcome chain) {
		BoolVar[][] x = placements(model, p);
		capacities(model, p, x);
		prerequisitesFirst(model, p, x);
		if (p.mode() == ValueMode.CUSTOMER) {
			LinearExprBuilder objective = customerValue(model, p, x, chain);
			model.maximize(objective);
			unused(model, p, x);
			if (chain != null) {
				fix(model, x, chain);
				if (chain.restricts()) {
					model.addGreaterOrEqual(objective, chain.better());
				}
			}
		}
		else {
			model.maximize(itemValue(p, x));
		}
		return x;
	}

	/**
	 * Only plans better than the chain's first: each fixed customer complete by its
	 * release (every item it needs planned by then) or not, and worth more.
	 */
	private static void fix(CpModel model, BoolVar[][] x, CustomerChain.Outcome chain) {
		for (CustomerChain.Fix fix : chain.fixes()) {
			LinearExprBuilder by = LinearExpr.newBuilder();
			for (int i = fix.items().nextSetBit(0); i >= 0; i = fix.items().nextSetBit(i + 1)) {
				LinearExprBuilder item = LinearExpr.newBuilder();
				for (int s = 0; s <= fix.level(); s++) {
					item.add(x[i][s]);
					by.add(x[i][s]);
				}
				if (fix.done()) {
					model.addEquality(item, 1);
				}
			}
			if (!fix.done()) {
				model.addLessOrEqual(by, fix.items().cardinality() - 1);
			}
		}
	}

	/**
	 * Items no customer needs bring nothing: they stay out unless pinned (or a pinned
	 * item waits on them).
	 */
	private static void unused(CpModel model, Problem p, BoolVar[][] x) {
		BitSet needed = new BitSet();
		customers(p).keySet().forEach(needed::or);
		int[] pinnedIn = java.util.stream.IntStream.range(0, x.length)
			.filter(i -> p.pin()[i] == Problem.IN || p.pin()[i] >= 0)
			.toArray();
		NrpInstance pinned = new NrpInstance(new int[x.length], p.prerequisite(), p.waitsOn(), new long[] { 0 },
				new int[][] { pinnedIn });
		needed.or(ReducedNrp.closures(pinned)[0]);
		for (int i = 0; i < x.length; i++) {
			if (!needed.get(i) && p.pin()[i] == Problem.FREE) {
				for (BoolVar v : x[i]) {
					model.addEquality(v, 0);
				}
			}
		}
	}

	/**
	 * x[i][j]: item i goes into release j; each item at most once, and as its pin says.
	 */
	private static BoolVar[][] placements(CpModel model, Problem p) {
		int n = p.cost().length;
		int r = p.capacity().length;
		BoolVar[][] x = new BoolVar[n][r];
		for (int i = 0; i < n; i++) {
			LinearExprBuilder once = LinearExpr.newBuilder();
			for (int j = 0; j < r; j++) {
				x[i][j] = model.newBoolVar("x" + i + "_" + j);
				once.add(x[i][j]);
			}
			int pin = p.pin()[i];
			if (pin == Problem.OUT) {
				model.addEquality(once, 0);
			}
			else if (pin == Problem.IN) {
				model.addEquality(once, 1);
			}
			else if (pin >= 0) {
				model.addEquality(x[i][pin], 1);
			}
			else {
				model.addLessOrEqual(once, 1);
			}
		}
		return x;
	}

	/** Each release's items cost at most its capacity. */
	private static void capacities(CpModel model, Problem p, BoolVar[][] x) {
		for (int j = 0; j < p.capacity().length; j++) {
			LinearExprBuilder load = LinearExpr.newBuilder();
			for (int i = 0; i < x.length; i++) {
				load.addTerm(x[i][j], p.cost()[i]);
			}
			model.addLessOrEqual(load, p.capacity()[j]);
		}
	}

	/**
	 * By each release, an item that waits on another is planned only if the other is.
	 */
	private static void prerequisitesFirst(CpModel model, Problem p, BoolVar[][] x) {
		for (int k = 0; k < p.waitsOn().length; k++) {
			int w = p.waitsOn()[k];
			int q = p.prerequisite()[k];
			for (int j = 0; j < p.capacity().length; j++) {
				LinearExprBuilder dep = LinearExpr.newBuilder();
				LinearExprBuilder pre = LinearExpr.newBuilder();
				for (int s = 0; s <= j; s++) {
					dep.add(x[w][s]);
					pre.add(x[q][s]);
				}
				model.addLessOrEqual(dep, pre);
			}
		}
	}

	/** Release j's weight: 1000 × (1 − discount)^j, so earlier delivery is worth more. */
	static long[] weights(Problem p) {
		long[] weight = new long[p.capacity().length];
		for (int j = 0; j < weight.length; j++) {
			weight[j] = Math.round(1000 * Math.pow(1 - p.discount(), j));
		}
		return weight;
	}

	/** Each planned item's value, weighted by its release. */
	private static LinearExprBuilder itemValue(Problem p, BoolVar[][] x) {
		long[] weight = weights(p);
		LinearExprBuilder objective = LinearExpr.newBuilder();
		for (int i = 0; i < x.length; i++) {
			for (int j = 0; j < weight.length; j++) {
				objective.addTerm(x[i][j], p.value()[i] * weight[j]);
			}
		}
		return objective;
	}

	/**
	 * Each customer's profit, weighted by the release by which everything it asked for
	 * (and every prerequisite of it) is planned: y[c][j] holds when every item of
	 * customer c's closure is planned in release j or earlier, and each release adds the
	 * weight it loses to the next. Customers needing the same items count as one;
	 * customers needing more than all releases hold, or an item pinned out, are left out.
	 * The chain's {@code levelBound[j]} (when positive) caps the profit complete by
	 * release j, its {@code least[j]} (when positive) is the least.
	 */
	private static LinearExprBuilder customerValue(CpModel model, Problem p, BoolVar[][] x,
			CustomerChain.Outcome chain) {
		long[] weight = weights(p);
		int r = weight.length;
		LinearExprBuilder objective = LinearExpr.newBuilder();
		LinearExprBuilder[] complete = new LinearExprBuilder[r];
		for (int j = 0; j < r; j++) {
			complete[j] = LinearExpr.newBuilder();
		}
		Map<BitSet, Long> customers = customers(p);
		for (Map.Entry<BitSet, Long> customer : customers.entrySet()) {
			BoolVar[] y = new BoolVar[r];
			for (int j = 0; j < r; j++) {
				y[j] = model.newBoolVar("y" + j);
				for (int i = customer.getKey().nextSetBit(0); i >= 0; i = customer.getKey().nextSetBit(i + 1)) {
					LinearExprBuilder by = LinearExpr.newBuilder();
					for (int s = 0; s <= j; s++) {
						by.add(x[i][s]);
					}
					model.addLessOrEqual(y[j], by);
				}
				if (j > 0) {
					model.addImplication(y[j - 1], y[j]);
				}
				long gain = customer.getValue() * (weight[j] - (j + 1 < r ? weight[j + 1] : 0));
				objective.addTerm(y[j], gain);
				complete[j].addTerm(y[j], customer.getValue());
			}
		}
		for (int j = 0; j < r && chain != null; j++) {
			if (chain.levelBound()[j] > 0) {
				model.addLessOrEqual(complete[j], chain.levelBound()[j]);
			}
			if (chain.restricts() && chain.least()[j] > 0) {
				model.addGreaterOrEqual(complete[j], chain.least()[j]);
			}
		}
		return objective;
	}

	/**
	 * The customers that can be satisfied, by the items they need (requests closed under
	 * prerequisites), with their profits summed.
	 */
	static Map<BitSet, Long> customers(Problem p) {
		NrpInstance plain = CustomerChain.instance(p, new BitSet(), new BitSet());
		BitSet[] closures = ReducedNrp.closures(plain);
		long room = Arrays.stream(p.capacity()).sum();
		Map<BitSet, Long> customers = new LinkedHashMap<>();
		for (int c = 0; c < closures.length; c++) {
			long cost = closures[c].stream().mapToLong(i -> p.cost()[i]).sum();
			if (plain.profit()[c] > 0 && cost <= room) {
				customers.merge(closures[c], plain.profit()[c], Long::sum);
			}
		}
		return customers;
	}

}
