package dev.priora.planning.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.DecisionStrategyProto;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;

/**
 * The CP-SAT model of the shrunken problem: x[u] delivers unit u, y[c] satisfies merged
 * customer c; {@code users} lists the customers needing each unit.
 */
record NrpModel(CpModel model, BoolVar[] x, BoolVar[] y, List<List<Integer>> users) {

	/**
	 * Variables, constraints (customer ⇒ its units, a unit only for some customer, the
	 * budget, all units delivered ⇒ satisfied), the objective and the branching.
	 */
	static NrpModel of(ReducedNrp r, long budget) {
		CpModel model = new CpModel();
		int units = r.unitCost().length;
		BoolVar[] x = new BoolVar[units];
		List<List<Integer>> users = new ArrayList<>();
		for (int u = 0; u < units; u++) {
			x[u] = model.newBoolVar("u" + u);
			users.add(new ArrayList<>());
		}
		int k = r.customers().size();
		BoolVar[] y = new BoolVar[k];
		LinearExprBuilder objective = LinearExpr.newBuilder();
		for (int c = 0; c < k; c++) {
			y[c] = model.newBoolVar("c" + c);
			objective.addTerm(y[c], r.profit()[c]);
			for (int u : r.customers().get(c)) {
				model.addImplication(y[c], x[u]);
				users.get(u).add(c);
			}
		}
		LinearExprBuilder cost = LinearExpr.newBuilder();
		for (int u = 0; u < units; u++) {
			cost.addTerm(x[u], r.unitCost()[u]);
			LinearExprBuilder any = LinearExpr.newBuilder();
			for (int c : users.get(u)) {
				any.add(y[c]);
			}
			// a unit nobody selected asks for is never delivered
			model.addLessOrEqual(x[u], any);
		}
		model.addLessOrEqual(cost, budget);
		// a customer whose units are all delivered is satisfied (it costs nothing more)
		for (int c = 0; c < k; c++) {
			Literal[] clause = new Literal[r.customers().get(c).length + 1];
			for (int i = 0; i < r.customers().get(c).length; i++) {
				clause[i] = x[r.customers().get(c)[i]].not();
			}
			clause[clause.length - 1] = y[c];
			model.addBoolOr(clause);
		}
		model.maximize(objective);
		NrpModel m = new NrpModel(model, x, y, users);
		m.branchOnSharedCostlyUnits(r);
		return m;
	}

	/**
	 * Branches on the units many customers share and that cost most first, buying them
	 * first: with the LP, this proves the hard classic cases several times sooner than
	 * the solver's own choice (measured: docs/BENCHMARKS.md).
	 */
	private void branchOnSharedCostlyUnits(ReducedNrp r) {
		Integer[] order = new Integer[x.length];
		for (int u = 0; u < x.length; u++) {
			order[u] = u;
		}
		Arrays.sort(order, Comparator.comparingLong((Integer u) -> -(long) users.get(u).size() * r.unitCost()[u]));
		model.addDecisionStrategy(Arrays.stream(order).map(u -> x[u]).toArray(BoolVar[]::new),
				DecisionStrategyProto.VariableSelectionStrategy.CHOOSE_FIRST,
				DecisionStrategyProto.DomainReductionStrategy.SELECT_MAX_VALUE);
	}

	/** Starts the search from the plan and fixes the customers the relaxation fixed. */
	void hint(boolean[] plan, BudgetRelaxation.Fixing fixing) {
		for (int c = 0; c < y.length; c++) {
			model.addHint(y[c], plan[c] ? 1 : 0);
			if (fixing.fixed()[c] != 0) {
				model.addEquality(y[c], (fixing.fixed()[c] > 0) ? 1 : 0);
			}
		}
		for (int u = 0; u < x.length; u++) {
			boolean used = false;
			for (int c : users.get(u)) {
				used |= plan[c];
			}
			model.addHint(x[u], used ? 1 : 0);
		}
	}

}
