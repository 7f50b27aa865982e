package dev.priora.planning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.springframework.stereotype.Component;

import dev.priora.backlog.ProductService;
import dev.priora.planning.engine.ReleaseOptimizer;

/**
 * "Only what we can promise": shapes a plan's problem so that each release holds no more
 * than the team finishes by its target date at the plan's confidence
 * ({@link ReleasePromises}, from the forecaster) — the engine is unchanged, only the
 * releases' capacities are lowered — and compares the result with the plain plan (the
 * same problem with the capacities as set, solved first in a quarter of the time limit).
 * A release's capacity never falls below what is pinned into it (items of started
 * sprints, pins), so pins stay feasible; its window says so.
 */
@Component
class PromisePlans {

	private final ReleasePromises promises;

	private final ProductService products;

	PromisePlans(ReleasePromises promises, ProductService products) {
		this.promises = promises;
		this.products = products;
	}

	/**
	 * The promise problem, the windows and the plain plan it is compared with.
	 *
	 * @param problem the promise problem to solve
	 * @param secondsLeft what is left of the time limit after the plain plan
	 */
	record Shaped(PlanProblem problem, List<PlanResult.Window> windows, PlanResult plain, double secondsLeft) {

		/** What the promise plan gave up against the plain plan. */
		PlanResult.Promise promise(PlanResult result, double confidence) {
			Set<String> kept = new HashSet<>();
			result.planned().forEach(p -> kept.add(p.key()));
			List<PlanResult.Excluded> leftOut = new ArrayList<>();
			for (PlanResult.Placed p : plain.planned()) {
				if (!kept.contains(p.key())) {
					leftOut
						.add(new PlanResult.Excluded(p.key(), p.title(), p.estimate(), p.value(), "in the plain plan's "
								+ p.release() + "; left out to reach " + Math.round(confidence * 100) + " %"));
				}
			}
			leftOut.sort(Comparator.comparingLong(PlanResult.Excluded::value).reversed());
			return new PlanResult.Promise(confidence, windows, plain.value(), leftOut);
		}

	}

	Shaped shape(String key, PlanProblem plain, PlanSettings s, BooleanSupplier cancel) {
		double plainSeconds = Math.max(1, s.timeLimitSeconds() / 4.0);
		ReleaseOptimizer.Plan plainPlan = ReleaseOptimizer.solve(plain.problem(), plainSeconds, 2, (v, b, t) -> {
		}, cancel);
		PlanResult plainResult = PlanExplainer.explain(plain, plainPlan);
		Set<Long> ids = new HashSet<>();
		plain.releases().forEach(r -> ids.add(r.id()));
		Map<Long, PlanResult.Window> byId = new HashMap<>();
		promises.windows(key, ids, s.confidence()).forEach(w -> byId.put(w.releaseId(), w));
		var p = plain.problem();
		long[] pinned = plain.pinnedCost();
		long[] capacity = p.capacity().clone();
		List<ReleaseView> releases = new ArrayList<>();
		List<PlanResult.Window> windows = new ArrayList<>();
		for (int j = 0; j < capacity.length; j++) {
			ReleaseView r = plain.releases().get(j);
			PlanResult.Window w = byId.getOrDefault(r.id(), new PlanResult.Window(r.id(), r.name(), r.targetDate(),
					r.capacity(), null, "no forecast: its capacity as set holds"));
			long limit = Math.min(capacity[j],
					w.limit().multiply(BigDecimal.TEN).setScale(0, RoundingMode.FLOOR).longValue());
			if (limit < pinned[j]) {
				limit = pinned[j];
				w = new PlanResult.Window(w.releaseId(), w.release(), w.target(), w.capacity(), w.promised(),
						w.note() + "; its pinned items alone need "
								+ BigDecimal.valueOf(pinned[j], 1).stripTrailingZeros().toPlainString() + " "
								+ products.get(key).estimateUnit().label() + ", so they are all it holds");
			}
			capacity[j] = limit;
			windows.add(w);
			releases.add(new ReleaseView(r.id(), r.name(), r.targetDate(), BigDecimal.valueOf(limit, 1),
					r.capacityFromSprints(), r.status(), r.planned(), r.items(), r.version()));
		}
		var shaped = new ReleaseOptimizer.Problem(p.cost(), p.value(), p.waitsOn(), p.prerequisite(),
				p.customerProfit(), p.customerItems(), capacity, p.discount(), p.mode(), p.pin(), p.itemNames(),
				p.releaseNames());
		PlanProblem problem = new PlanProblem(shaped, plain.items(), releases, plain.values(), plain.leftOut(),
				plain.rankOrder(), plain.notes());
		return new Shaped(problem, windows, plainResult, Math.max(1, s.timeLimitSeconds() - plainPlan.seconds()));
	}

}
