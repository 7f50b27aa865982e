package dev.priora.progress;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.priora.planning.PlanResult;
import dev.priora.planning.PlanRunner;
import dev.priora.planning.PlanView;
import dev.priora.planning.PlanningService;
import dev.priora.planning.ReleaseStatus;
import dev.priora.planning.ReleaseView;
import dev.priora.problem.DomainProblem;

/**
 * The odds of a plan the optimizer proposed: each unreleased release as it would be once
 * the plan is applied — the plan's items in it, the candidates the plan left out taken
 * out, every other item (done, not estimated, not a candidate) where it is — forecast in
 * sequence exactly as the board's releases are ({@link ReleaseForecasts}: the same
 * velocity history, stated velocity, sprint length and trials), so a plan and the board
 * can be compared release by release.
 */
@Component
class PlanForecasts {

	private final PlanRunner plans;

	private final PlanningService planning;

	private final ReleaseForecasts forecasts;

	PlanForecasts(PlanRunner plans, PlanningService planning, ReleaseForecasts forecasts) {
		this.plans = plans;
		this.planning = planning;
		this.forecasts = forecasts;
	}

	/**
	 * The forecast of each unreleased release under the plan (404 for an unknown plan,
	 * 409 while it has no result yet).
	 */
	List<ProgressService.ReleaseForecast> of(String productKey, long planId) {
		return forecasts.forecast(productKey, sequence(productKey, planId));
	}

	/**
	 * The unreleased releases as the plan would leave them, in the order worked on (404
	 * for an unknown plan, 409 while it has no result yet).
	 */
	List<ReleaseView> sequence(String productKey, long planId) {
		PlanView plan = plans.get(productKey, planId);
		PlanResult result = plan.result();
		if (result == null) {
			throw DomainProblem.conflict("plan-not-finished",
					"The plan has no result yet: its odds are shown once the optimizer has a plan.");
		}
		return sequence(productKey, result);
	}

	/**
	 * The unreleased releases as this plan result would leave them, in the order worked
	 * on.
	 */
	List<ReleaseView> sequence(String productKey, PlanResult result) {
		PlanningService.Board board = planning.board(productKey);
		Map<String, String> statusOf = new HashMap<>();
		board.unplanned().forEach(i -> statusOf.put(i.key(), i.status()));
		board.releases().forEach(r -> r.items().forEach(i -> statusOf.put(i.key(), i.status())));
		Set<String> decided = new HashSet<>();
		result.planned().forEach(p -> decided.add(p.key()));
		result.excluded().forEach(e -> decided.add(e.key()));
		List<ReleaseView> sequence = new ArrayList<>();
		for (ReleaseView r : board.releases()) {
			if (r.status() == ReleaseStatus.RELEASED) {
				continue;
			}
			List<ReleaseView.PlannedItem> items = new ArrayList<>();
			r.items().stream().filter(i -> !decided.contains(i.key())).forEach(items::add);
			BigDecimal planned = BigDecimal.ZERO;
			for (PlanResult.Placed p : result.planned()) {
				if (p.releaseId() == r.id()) {
					items.add(new ReleaseView.PlannedItem(p.key(), p.title(), statusOf.getOrDefault(p.key(), "Ready"),
							p.estimate(), null));
				}
			}
			for (ReleaseView.PlannedItem i : items) {
				planned = planned.add(i.estimate() == null ? BigDecimal.ZERO : i.estimate());
			}
			sequence.add(new ReleaseView(r.id(), r.name(), r.targetDate(), r.capacity(), r.capacityFromSprints(),
					r.status(), planned, items, r.version()));
		}
		return sequence;
	}

}
