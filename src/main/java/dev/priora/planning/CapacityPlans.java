package dev.priora.planning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.springframework.stereotype.Component;

import dev.priora.backlog.ProductService;
import dev.priora.planning.engine.ReleaseOptimizer;

/**
 * Plans with the releases' capacities changed (scenarios: a member leaving, a sprint
 * lost, days off, a capacity typed): the same problem as a plan with the same settings
 * ({@link PlanProblemBuilder}), the same engine and explanation, only the capacities
 * replaced; and the value of the board as it stands under those settings, measured by the
 * engine's own rules, so a scenario can be compared with it. A capacity never falls below
 * what is pinned into the release (items of started and closed sprints, pins), so the
 * pins stay feasible.
 */
@Component
public class CapacityPlans {

	/**
	 * How to plan: by customer value (a customer counts when all it asked for is planned)
	 * or by the items' active scores, the discount per later release (0 to 0.9), the time
	 * limit (1 to 600 seconds); every open candidate, every unreleased release, items of
	 * started sprints kept in their release.
	 */
	public record Settings(boolean customerValue, double discount, int timeLimitSeconds) {

		PlanSettings plan() {
			return new PlanSettings(null,
					customerValue ? ReleaseOptimizer.ValueMode.CUSTOMER : ReleaseOptimizer.ValueMode.ITEM, null, null,
					discount, timeLimitSeconds, null, null, null, null, true, null);
		}

	}

	private final PlanProblemBuilder problems;

	private final PlanningRepository repository;

	private final ProductService products;

	CapacityPlans(PlanProblemBuilder problems, PlanningRepository repository, ProductService products) {
		this.problems = problems;
		this.repository = repository;
		this.products = products;
	}

	/**
	 * The plan of every unreleased release (settings' releases ignored) with
	 * {@code capacities} (points by release id; a release not named keeps its own),
	 * solved in the time limit; a cancel keeps the best plan found.
	 */
	public PlanResult plan(String productKey, Settings how, Map<Long, BigDecimal> capacities, BooleanSupplier cancel) {
		PlanSettings settings = how.plan();
		PlanProblem plain = problems.build(products.get(productKey).key(), settings);
		var p = plain.problem();
		long[] pinned = plain.pinnedCost();
		long[] capacity = p.capacity().clone();
		List<ReleaseView> releases = new ArrayList<>();
		for (int j = 0; j < capacity.length; j++) {
			ReleaseView r = plain.releases().get(j);
			BigDecimal set = capacities.get(r.id());
			if (set != null) {
				capacity[j] = Math.max(pinned[j],
						set.multiply(BigDecimal.TEN).setScale(0, RoundingMode.FLOOR).longValueExact());
			}
			releases.add(new ReleaseView(r.id(), r.name(), r.targetDate(), BigDecimal.valueOf(capacity[j], 1),
					r.capacityFromSprints(), r.status(), r.planned(), r.items(), r.version()));
		}
		var changed = new ReleaseOptimizer.Problem(p.cost(), p.value(), p.waitsOn(), p.prerequisite(),
				p.customerProfit(), p.customerItems(), capacity, p.discount(), p.mode(), p.pin(), p.itemNames(),
				p.releaseNames());
		PlanProblem problem = new PlanProblem(changed, plain.items(), releases, plain.values(), plain.leftOut(),
				plain.rankOrder(), plain.notes());
		ReleaseOptimizer.Plan plan = ReleaseOptimizer.solve(changed, settings.timeLimitSeconds(), 2, (v, b, t) -> {
		}, cancel);
		return PlanExplainer.explain(problem, plan);
	}

	/**
	 * The value of the board as it stands (each candidate in the release it is planned
	 * in, the others left out) under the settings' value, discount and candidates.
	 */
	public long boardValue(String productKey, Settings how) {
		String key = products.get(productKey).key();
		PlanProblem b = problems.build(key, how.plan());
		Map<Long, Integer> index = new HashMap<>();
		for (int j = 0; j < b.releases().size(); j++) {
			index.put(b.releases().get(j).id(), j);
		}
		var assignments = repository.assignments(key);
		int[] release = new int[b.items().size()];
		for (int i = 0; i < release.length; i++) {
			var a = assignments.get(b.items().get(i).id());
			release[i] = a == null || a.releaseId() == null ? -1 : index.getOrDefault(a.releaseId(), -1);
		}
		return ReleaseOptimizer.valueOf(b.problem(), release);
	}

}
