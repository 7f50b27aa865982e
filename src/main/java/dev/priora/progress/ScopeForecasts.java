package dev.priora.progress;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.backlog.BacklogOrder;
import dev.priora.problem.DomainProblem;
import dev.priora.backlog.ItemKey;
import dev.priora.backlog.ItemType;
import dev.priora.planning.PlanningService;
import dev.priora.planning.SprintView;
import dev.priora.progress.ProgressService.ScopeForecast;

/**
 * Forecasts some scope other than a release — an epic's unfinished items, or everything
 * ranked above an item — from the closed sprints' velocities (blended with the stated
 * velocity while there are fewer than three).
 */
@Component
class ScopeForecasts {

	private final SprintRuns runs;

	private final PlanningService planning;

	private final BacklogOrder order;

	private final Clock clock;

	ScopeForecasts(SprintRuns runs, PlanningService planning, BacklogOrder order, Clock clock) {
		this.runs = runs;
		this.planning = planning;
		this.order = order;
		this.clock = clock;
	}

	/**
	 * Forecasts the unfinished items of an epic, or of everything ranked above an item
	 * (the item included), from the closed sprints' velocities.
	 */
	@Transactional(readOnly = true)
	ScopeForecast forecast(String productKey, ItemKey epic, ItemKey above) {
		if ((epic == null) == (above == null)) {
			throw DomainProblem.invalid("scope", "give either epic or above");
		}
		List<String> keys = new ArrayList<>();
		List<String> unestimated = new ArrayList<>();
		BigDecimal remaining = BigDecimal.ZERO;
		boolean found = false;
		for (var e : order.snapshot(productKey).items()) {
			boolean inScope = epic != null ? epic.equals(e.parent()) : !found;
			if (e.key().equals(above) || e.key().equals(epic)) {
				found = true;
				if (e.key().equals(epic) && e.type() != ItemType.EPIC) {
					throw DomainProblem.invalid("epic", epic + " is not an epic");
				}
			}
			if (!inScope || !e.open() || e.type() == ItemType.EPIC) {
				continue;
			}
			keys.add(e.key().toString());
			if (e.estimate() == null) {
				unestimated.add(e.key().toString());
			}
			else {
				remaining = remaining.add(e.estimate());
			}
		}
		if (!found) {
			throw DomainProblem.invalid(epic != null ? "epic" : "above",
					(epic != null ? epic : above) + " is not in " + productKey.toUpperCase(Locale.ROOT));
		}
		String scope = epic != null ? "epic " + epic : "everything up to " + above + " in backlog order";
		return forecast(productKey, scope, keys, remaining, unestimated);
	}

	private ScopeForecast forecast(String productKey, String scope, List<String> keys, BigDecimal remaining,
			List<String> unestimated) {
		List<BigDecimal> velocities = runs.velocities(productKey);
		List<SprintView> sprints = planning.sprints(productKey);
		Double stated = ReleaseForecasts.stated(sprints, List.of());
		if (velocities.size() < 3 && (velocities.isEmpty() || stated == null)) {
			return new ScopeForecast(scope, keys, remaining, unestimated, null, velocities.isEmpty()
					? "no closed sprints yet: no forecast"
					: "fewer than 3 closed sprints and no sprint capacity to" + " blend them with: no forecast yet");
		}
		if (remaining.signum() == 0) {
			return new ScopeForecast(scope, keys, remaining, unestimated, null, "nothing estimated is left");
		}
		int sprintDays = ReleaseForecasts.sprintDays(sprints);
		var f = Forecasts.forecast(velocities.stream().mapToDouble(BigDecimal::doubleValue).toArray(),
				remaining.doubleValue(), 10_000, scope.hashCode(), LocalDate.now(clock), sprintDays, null,
				velocities.size() < 3 ? stated : null);
		return new ScopeForecast(scope, keys, remaining, unestimated, f,
				unestimated.isEmpty() ? null : unestimated.size() + " unestimated items are not counted");
	}

}
