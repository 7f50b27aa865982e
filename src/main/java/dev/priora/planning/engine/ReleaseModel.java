package dev.priora.planning.engine;

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

	/** Adds the problem to the model; x[i][j]: item i goes into release j. */
	static BoolVar[][] build(CpModel model, Problem p) {
		BoolVar[][] x = placements(model, p);
		capacities(model, p, x);
		prerequisitesFirst(model, p, x);
		model.maximize(p.mode() == ValueMode.CUSTOMER ? customerValue(model, p, x) : itemValue(p, x));
		return x;
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
	private static long[] weights(Problem p) {
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
	 * Each customer's profit, weighted by the release by which everything it asked for is
	 * planned: y[c][j] holds when every item of customer c is planned in release j or
	 * earlier, and each release adds the weight it loses to the next.
	 */
	private static LinearExprBuilder customerValue(CpModel model, Problem p, BoolVar[][] x) {
		long[] weight = weights(p);
		int r = weight.length;
		LinearExprBuilder objective = LinearExpr.newBuilder();
		for (int c = 0; c < p.customerProfit().length; c++) {
			BoolVar[] y = new BoolVar[r];
			for (int j = 0; j < r; j++) {
				y[j] = model.newBoolVar("y" + c + "_" + j);
				for (int i : p.customerItems()[c]) {
					LinearExprBuilder by = LinearExpr.newBuilder();
					for (int s = 0; s <= j; s++) {
						by.add(x[i][s]);
					}
					model.addLessOrEqual(y[j], by);
				}
				if (j > 0) {
					model.addImplication(y[j - 1], y[j]);
				}
				long gain = p.customerProfit()[c] * (weight[j] - (j + 1 < r ? weight[j + 1] : 0));
				objective.addTerm(y[j], gain);
			}
		}
		return objective;
	}

}
