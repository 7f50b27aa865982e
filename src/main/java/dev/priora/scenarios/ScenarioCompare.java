package dev.priora.scenarios;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.priora.backlog.ItemStatus;
import dev.priora.planning.CapacityPlans;
import dev.priora.planning.PlanningService;
import dev.priora.planning.ReleaseStatus;
import dev.priora.planning.ReleaseView;
import dev.priora.progress.ProgressService;
import dev.priora.progress.ScenarioForecasts;

/**
 * Builds a comparison: the board as it stands first (its value under the first scenario's
 * settings, so measured as that scenario's, measured as the planner measures plans; its
 * releases' capacity, planned points and forecasts), then each scenario's last result;
 * the items whose release differs between any two columns (an item counts on the board
 * when it is open and estimated in an unreleased release, as the planner's candidates
 * are), at most {@link #DIFFERENCES_LISTED}, by key.
 */
@Component
class ScenarioCompare {

	static final int DIFFERENCES_LISTED = 200;

	private final CapacityPlans plans;

	private final PlanningService planning;

	private final ScenarioForecasts forecasts;

	ScenarioCompare(CapacityPlans plans, PlanningService planning, ScenarioForecasts forecasts) {
		this.plans = plans;
		this.planning = planning;
		this.forecasts = forecasts;
	}

	ScenarioComparison of(String key, List<ScenarioView> scenarios) {
		ScenarioView first = scenarios.get(0);
		var settings = new CapacityPlans.Settings(first.value() == ScenarioCommand.Value.CUSTOMER, first.discount(),
				first.timeLimitSeconds());
		List<ReleaseView> board = planning.board(key)
			.releases()
			.stream()
			.filter(r -> r.status() != ReleaseStatus.RELEASED)
			.toList();
		List<ScenarioComparison.Column> columns = new ArrayList<>();
		columns.add(new ScenarioComparison.Column(null, "Current board", plans.boardValue(key, settings),
				measure(first), boardReleases(board, forecasts.board(key))));
		for (ScenarioView s : scenarios) {
			// release by release as the board has them: null for one the scenario did not
			// plan
			Map<Long, ScenarioView.ReleaseOutcome> byId = new HashMap<>();
			s.result().releases().forEach(r -> byId.put(r.releaseId(), r));
			columns.add(new ScenarioComparison.Column(s.id(), s.name(), s.result().value(), measure(s),
					board.stream().map(r -> byId.get(r.id())).toList()));
		}
		return new ScenarioComparison(columns, differences(board, scenarios));
	}

	/** What a scenario's value measures, in words. */
	private static String measure(ScenarioView s) {
		return (s.value() == ScenarioCommand.Value.CUSTOMER ? "Customer value" : "Items' scores") + (s.discount() > 0
				? ", discount " + BigDecimal.valueOf(s.discount()).stripTrailingZeros().toPlainString()
				: ", no discount");
	}

	private static List<ScenarioView.ReleaseOutcome> boardReleases(List<ReleaseView> board,
			List<ProgressService.ReleaseForecast> odds) {
		Map<Long, ProgressService.ReleaseForecast> byId = new HashMap<>();
		odds.forEach(f -> byId.put(f.releaseId(), f));
		return board.stream().map(r -> {
			var f = byId.get(r.id());
			var d = f == null ? null : f.forecast();
			return new ScenarioView.ReleaseOutcome(r.id(), r.name(), r.targetDate(), r.capacity(), r.planned(),
					r.items().size(), d == null ? null : d.p50Date(), d == null ? null : d.p85Date(),
					d == null ? null : d.p95Date(), d == null ? null : d.probability(), f == null ? null : f.flag());
		}).toList();
	}

	private static List<ScenarioComparison.Difference> differences(List<ReleaseView> board,
			List<ScenarioView> scenarios) {
		int n = scenarios.size() + 1;
		Map<String, String[]> places = new LinkedHashMap<>();
		Map<String, String> titles = new HashMap<>();
		for (ReleaseView r : board) {
			for (ReleaseView.PlannedItem i : r.items()) {
				boolean open = !ItemStatus.DONE.label().equals(i.status())
						&& !ItemStatus.REJECTED.label().equals(i.status());
				if (open && i.estimate() != null && i.estimate().compareTo(BigDecimal.ZERO) >= 0) {
					places.computeIfAbsent(i.key(), k -> new String[n])[0] = r.name();
					titles.put(i.key(), i.title());
				}
			}
		}
		for (int c = 0; c < scenarios.size(); c++) {
			for (ScenarioView.PlacedItem i : scenarios.get(c).result().items()) {
				places.computeIfAbsent(i.key(), k -> new String[n])[c + 1] = i.release();
				titles.putIfAbsent(i.key(), i.title());
			}
		}
		return places.entrySet()
			.stream()
			.filter(e -> Arrays.stream(e.getValue()).distinct().count() > 1)
			.sorted(Comparator.comparingLong(e -> number(e.getKey())))
			.limit(DIFFERENCES_LISTED)
			.map(e -> new ScenarioComparison.Difference(e.getKey(), titles.get(e.getKey()),
					Arrays.asList(e.getValue())))
			.toList();
	}

	private static long number(String key) {
		int dash = key.lastIndexOf('-');
		try {
			return Long.parseLong(key.substring(dash + 1));
		}
		catch (NumberFormatException e) {
			return Long.MAX_VALUE;
		}
	}

}
