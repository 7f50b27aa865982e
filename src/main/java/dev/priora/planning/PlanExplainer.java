package dev.priora.planning;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.priora.planning.engine.ReleaseOptimizer;

/**
 * Explains the optimizer's plan in the product's terms: each planned item with its
 * release (and why it is pinned there), each item left out with the first reason that
 * holds (pinned or left out before the run, a prerequisite not planned, no capacity left
 * for its estimate, no value, or its points deliver more elsewhere), the releases'
 * capacity used, and what filling the releases in rank order would have given instead.
 */
final class PlanExplainer {

	/** At most this many items left out are listed, the most valuable first. */
	static final int EXCLUDED_LISTED = 50;

	private PlanExplainer() {
	}

	static PlanResult explain(PlanProblem b, ReleaseOptimizer.Plan plan) {
		var p = b.problem();
		List<PlanResult.Placed> placed = new ArrayList<>();
		long[] used = new long[b.releases().size()];
		for (int i = 0; i < b.items().size(); i++) {
			int r = plan.release()[i];
			if (r >= 0) {
				var e = b.items().get(i);
				used[r] += p.cost()[i];
				placed.add(new PlanResult.Placed(e.id(), e.key().toString(), e.title(), e.estimate(), b.values()[i],
						b.releases().get(r).id(), b.releases().get(r).name(), b.notes().get(e.key().toString())));
			}
		}
		List<PlanResult.Excluded> excluded = excluded(b, plan, used);
		int[] rank = ReleaseOptimizer.rankOrder(p, b.rankOrder());
		long[] rankUsed = new long[used.length];
		int rankItems = 0;
		for (int i = 0; i < rank.length; i++) {
			if (rank[i] >= 0) {
				rankUsed[rank[i]] += p.cost()[i];
				rankItems++;
			}
		}
		long value = ReleaseOptimizer.valueOf(p, plan.release());
		long bound = plan.optimal() ? value : Math.max(value, plan.bound());
		return new PlanResult(value, bound, plan.optimal(),
				bound == 0 ? 0 : Math.round(1000.0 * (bound - value) / bound) / 10.0,
				Math.round(plan.seconds() * 100) / 100.0, placed,
				excluded.subList(0, Math.min(EXCLUDED_LISTED, excluded.size())), uses(b, used),
				ReleaseOptimizer.valueOf(p, rank), uses(b, rankUsed), rankItems, plan.infeasible(), p.mode().name());
	}

	/**
	 * The candidates the plan leaves out, each with its reason, and the items left out
	 * before the run; the most valuable first.
	 */
	private static List<PlanResult.Excluded> excluded(PlanProblem b, ReleaseOptimizer.Plan plan, long[] used) {
		var p = b.problem();
		long left = 0;
		for (int j = 0; j < used.length; j++) {
			left += p.capacity()[j] - used[j];
		}
		Map<Integer, List<Integer>> prereqs = new HashMap<>();
		for (int k = 0; k < p.waitsOn().length; k++) {
			prereqs.computeIfAbsent(p.waitsOn()[k], x -> new ArrayList<>()).add(p.prerequisite()[k]);
		}
		java.util.BitSet asked = asked(p, prereqs);
		List<PlanResult.Excluded> excluded = new ArrayList<>();
		for (int i = 0; i < b.items().size(); i++) {
			if (plan.release()[i] < 0) {
				var e = b.items().get(i);
				String why = reason(b, plan, i, prereqs.getOrDefault(i, List.of()), left);
				if (p.mode() == ReleaseOptimizer.ValueMode.CUSTOMER && why.equals(MORE_VALUE)) {
					// by customer value, only what completes a customer's request counts
					why = asked.get(i) ? "completing its customers' requests does not fit, or is worth less"
							: "no customer asked for it";
				}
				excluded.add(new PlanResult.Excluded(e.key().toString(), e.title(), e.estimate(), b.values()[i], why));
			}
		}
		b.leftOut().forEach((k, why) -> {
			if (excluded.stream().noneMatch(x -> x.key().equals(k))) {
				excluded.add(new PlanResult.Excluded(k, "", null, 0, why));
			}
		});
		excluded.sort(Comparator.comparingLong(PlanResult.Excluded::value).reversed());
		return excluded;
	}

	/**
	 * Why candidate {@code i} is not planned, with {@code left} capacity (points × 10)
	 * unused.
	 */
	private static String reason(PlanProblem b, ReleaseOptimizer.Plan plan, int i, List<Integer> prerequisites,
			long left) {
		var p = b.problem();
		List<String> missing = new ArrayList<>();
		for (int q : prerequisites) {
			if (plan.release()[q] < 0) {
				missing.add(p.itemNames()[q]);
			}
		}
		if (p.pin()[i] == ReleaseOptimizer.Problem.OUT) {
			return b.leftOut().getOrDefault(p.itemNames()[i], "pinned out");
		}
		if (!missing.isEmpty()) {
			return "its prerequisite " + String.join(", ", missing) + " is not planned";
		}
		if (p.cost()[i] > left) {
			return "capacity: its estimate is " + b.items().get(i).estimate().stripTrailingZeros().toPlainString()
					+ "; the releases have " + BigDecimal.valueOf(left, 1).stripTrailingZeros().toPlainString()
					+ " left";
		}
		if (p.mode() == ReleaseOptimizer.ValueMode.ITEM && b.values()[i] == 0) {
			return "no value: it has no score under the active model";
		}
		if (p.mode() == ReleaseOptimizer.ValueMode.TYPED && b.values()[i] == 0) {
			return "no value: no value was typed for it in this plan";
		}
		return MORE_VALUE;
	}

	private static final String MORE_VALUE = "capacity: what its estimate would take delivers more value in the planned items";

	/** The items some customer asked for, with everything they wait on. */
	private static java.util.BitSet asked(ReleaseOptimizer.Problem p, Map<Integer, List<Integer>> prereqs) {
		java.util.BitSet asked = new java.util.BitSet();
		java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>();
		for (int[] items : p.customerItems()) {
			for (int i : items) {
				if (!asked.get(i)) {
					asked.set(i);
					todo.add(i);
				}
			}
		}
		while (!todo.isEmpty()) {
			for (int q : prereqs.getOrDefault(todo.poll(), List.of())) {
				if (!asked.get(q)) {
					asked.set(q);
					todo.add(q);
				}
			}
		}
		return asked;
	}

	private static List<PlanResult.Use> uses(PlanProblem b, long[] used) {
		List<PlanResult.Use> uses = new ArrayList<>();
		for (int j = 0; j < used.length; j++) {
			uses.add(new PlanResult.Use(b.releases().get(j).id(), b.releases().get(j).name(),
					b.releases().get(j).capacity(), BigDecimal.valueOf(used[j], 1)));
		}
		return uses;
	}

}
