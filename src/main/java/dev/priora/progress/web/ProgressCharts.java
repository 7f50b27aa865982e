package dev.priora.progress.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.priora.backlog.ItemStatus;
import dev.priora.planning.SprintView;
import dev.priora.progress.FlowMetrics;
import dev.priora.progress.ProgressService;
import dev.priora.web.Chart;
import dev.priora.web.Chart.Series;

/**
 * What the burndown, burnup, velocity, cumulative-flow and cycle-time charts show;
 * {@code static/js/charts.js} draws them, in the product's estimate unit where the y axis
 * is left unnamed.
 */
final class ProgressCharts {

	/** Bottom to top: done first, so the done band grows along the bottom. */
	private static final ItemStatus[] STACK = { ItemStatus.DONE, ItemStatus.IN_PROGRESS, ItemStatus.READY,
			ItemStatus.NEW };

	private ProgressCharts() {
	}

	/**
	 * A sprint's burndown over its days: what is left, the scope, the even pace from the
	 * first day's work to zero on the last day, and a point where scope changed.
	 */
	static Chart burndown(SprintView sprint, List<ProgressService.BurndownDay> days) {
		List<Object> left = new ArrayList<>();
		List<Object> scope = new ArrayList<>();
		List<Object> changes = new ArrayList<>();
		for (var d : days) {
			left.add(List.of(d.day().toString(), d.remaining()));
			scope.add(List.of(d.day().toString(), d.scope()));
			if (d.added().signum() > 0 || d.removed().signum() > 0) {
				changes.add(List.of(d.day().toString(), d.scope(), change(d)));
			}
		}
		BigDecimal start = days.isEmpty() ? BigDecimal.ZERO : days.get(0).remaining();
		List<Object> pace = List.of(List.of(sprint.start().toString(), start),
				List.of(sprint.end().toString(), BigDecimal.ZERO));
		Chart chart = Chart.time(null)
			.with(Series.line("Left", left, 1))
			.with(Series.line("Scope", scope, 2).styled("thin"))
			.with(Series.line("Even pace", pace, 5).styled("dashed"));
		return changes.isEmpty() ? chart : chart.with(Series.scatter("Scope changed", changes, 4));
	}

	private static String change(ProgressService.BurndownDay d) {
		List<String> parts = new ArrayList<>();
		if (d.added().signum() > 0) {
			parts.add("+" + num(d.added()) + " (" + String.join(", ", d.addedItems()) + ")");
		}
		if (d.removed().signum() > 0) {
			parts.add("−" + num(d.removed()) + " (" + String.join(", ", d.removedItems()) + ")");
		}
		return "scope " + String.join(", ", parts);
	}

	/** A release's burnup: done and scope at the close of each sprint and now. */
	static Chart burnup(List<ProgressService.BurnupPoint> points) {
		return Chart.categories(null, points.stream().map(ProgressService.BurnupPoint::label).toList())
			.with(Series.line("Done", points.stream().map(ProgressService.BurnupPoint::done).toList(), 1))
			.with(Series.line("Scope", points.stream().map(ProgressService.BurnupPoint::scope).toList(), 2)
				.styled("thin"));
	}

	/**
	 * Completed work of the closed sprints, oldest first, labelled by the sprints' names,
	 * with their average.
	 */
	static Chart velocity(List<ProgressService.ClosedSprint> sprints) {
		Chart chart = Chart.categories(null, sprints.stream().map(ProgressService.ClosedSprint::sprint).toList())
			.xName("closed sprints, oldest first")
			.with(Series.bar("Completed", sprints.stream().map(ProgressService.ClosedSprint::completed).toList(), 1));
		double average = sprints.stream().mapToDouble(s -> s.completed().doubleValue()).average().orElse(0);
		return sprints.isEmpty() ? chart : chart.level("average " + num(average), average);
	}

	/** Committed and completed work per closed sprint. */
	static Chart sprintVelocity(List<FlowMetrics.SprintVelocity> sprints) {
		Chart chart = Chart.categories(null, sprints.stream().map(FlowMetrics.SprintVelocity::sprint).toList());
		chart = chart
			.with(Series.bar("Committed", sprints.stream().map(FlowMetrics.SprintVelocity::committed).toList(), 6))
			.with(Series.bar("Completed", sprints.stream().map(FlowMetrics.SprintVelocity::completed).toList(), 1));
		double average = sprints.stream().mapToDouble(s -> s.completed().doubleValue()).average().orElse(0);
		return sprints.isEmpty() ? chart : chart.level("average completed " + num(average), average);
	}

	/** Items per status at the end of each day, stacked, done at the bottom. */
	static Chart flow(List<FlowMetrics.FlowDay> all) {
		// days before the first item existed would squeeze the chart into its right edge
		int first = 0;
		while (first < all.size() - 1 && all.get(first).counts().values().stream().allMatch(c -> c == 0)) {
			first++;
		}
		List<FlowMetrics.FlowDay> days = all.subList(first, all.size());
		Chart chart = Chart.time("items");
		int[] colours = { 2, 1, 3, 5 };
		for (int k = 0; k < STACK.length; k++) {
			ItemStatus s = STACK[k];
			List<Object> data = new ArrayList<>();
			for (var d : days) {
				data.add(List.of(d.day().toString(), d.counts().getOrDefault(s, 0)));
			}
			chart = chart.with(Series.area(words(s), data, colours[k]));
		}
		return chart;
	}

	/**
	 * Each finished item by the day it finished and the days it took, with the 50, 85 and
	 * 95 % lines.
	 */
	static Chart cycleTimes(FlowMetrics.CycleTimes c) {
		List<Object> dots = new ArrayList<>();
		for (var i : c.items()) {
			dots.add(List.of(i.done().toString(), i.days(), i.item()));
		}
		Chart chart = Chart.time("days").with(Series.scatter("Finished item", dots, 1));
		// percentiles of the same number of days share one line and one label
		java.util.Map<Double, List<String>> levels = new java.util.LinkedHashMap<>();
		Double[] ps = { c.p50(), c.p85(), c.p95() };
		String[] names = { "50 %", "85 %", "95 %" };
		for (int i = 0; i < ps.length; i++) {
			if (ps[i] != null) {
				levels.computeIfAbsent(ps[i], v -> new ArrayList<>()).add(names[i]);
			}
		}
		for (var level : levels.entrySet()) {
			List<String> n = level.getValue();
			String who = n.size() == 1 ? n.get(0)
					: String.join(", ", n.subList(0, n.size() - 1)) + " and " + n.get(n.size() - 1);
			chart = chart.level(who + " within " + num(level.getKey()) + " days", level.getKey());
		}
		return chart;
	}

	private static String words(ItemStatus s) {
		String w = s.name().toLowerCase(Locale.ROOT).replace('_', ' ');
		return Character.toUpperCase(w.charAt(0)) + w.substring(1);
	}

	private static String num(BigDecimal v) {
		return v.stripTrailingZeros().toPlainString();
	}

	private static String num(double v) {
		return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
	}

}
