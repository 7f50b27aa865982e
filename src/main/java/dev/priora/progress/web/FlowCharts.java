package dev.priora.progress.web;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.priora.backlog.ItemStatus;
import dev.priora.progress.FlowMetrics;

/** Geometry for the velocity, cumulative-flow and cycle-time charts. */
final class FlowCharts {

	static final int W = 720;

	static final int H = 280;

	static final int PAD = 40;

	private static final ItemStatus[] STACK = { ItemStatus.DONE, ItemStatus.IN_PROGRESS, ItemStatus.READY,
			ItemStatus.NEW };

	private FlowCharts() {
	}

	record Band(String status, String points) {
	}

	record Flow(int width, int height, int pad, List<Band> bands, String max) {
	}

	record Pair(double x, double w, double committedY, double committedH, double doneY, double doneH, String label) {
	}

	record Velocity(int width, int height, int pad, List<Pair> pairs, String max) {
	}

	record Dot(double cx, double cy, String title) {
	}

	record Level(double y, String label) {
	}

	record Scatter(int width, int height, int pad, List<Dot> dots, List<Level> levels, String max) {
	}

	static Flow flow(List<FlowMetrics.FlowDay> days) {
		int max = 1;
		for (var d : days) {
			int total = 0;
			for (ItemStatus s : STACK) {
				total += d.counts().get(s);
			}
			max = Math.max(max, total);
		}
		List<Band> bands = new ArrayList<>();
		int n = Math.max(1, days.size() - 1);
		int[] below = new int[days.size()];
		for (ItemStatus s : STACK) {
			StringBuilder top = new StringBuilder();
			StringBuilder bottom = new StringBuilder();
			for (int i = 0; i < days.size(); i++) {
				double x = PAD + (W - 2.0 * PAD) * i / n;
				int low = below[i];
				int high = low + days.get(i).counts().get(s);
				top.append(fmt(x)).append(',').append(fmt(y(high, max))).append(' ');
				bottom.insert(0, fmt(x) + "," + fmt(y(low, max)) + " ");
				below[i] = high;
			}
			bands.add(new Band(s.name().toLowerCase(Locale.ROOT), (top.toString() + bottom).strip()));
		}
		return new Flow(W, H, PAD, bands, String.valueOf(max));
	}

	static Velocity velocity(List<FlowMetrics.SprintVelocity> sprints) {
		double max = 1;
		for (var s : sprints) {
			max = Math.max(max, Math.max(s.committed().doubleValue(), s.completed().doubleValue()));
		}
		List<Pair> pairs = new ArrayList<>();
		double slot = (W - 2.0 * PAD) / Math.max(1, sprints.size());
		for (int i = 0; i < sprints.size(); i++) {
			var s = sprints.get(i);
			double w = slot * 0.35;
			double ch = (H - 2.0 * PAD) * s.committed().doubleValue() / max;
			double dh = (H - 2.0 * PAD) * s.completed().doubleValue() / max;
			pairs.add(new Pair(PAD + i * slot + slot * 0.1, w, H - PAD - ch, ch, H - PAD - dh, dh, s.sprint()));
		}
		return new Velocity(W, H, PAD, pairs, fmt(max));
	}

	static Scatter cycleTimes(FlowMetrics.CycleTimes c) {
		double max = c.items().stream().mapToDouble(FlowMetrics.CycleTime::days).max().orElse(1);
		max = Math.max(max, 1);
		List<Dot> dots = new ArrayList<>();
		if (!c.items().isEmpty()) {
			var first = c.items().get(0).done();
			long span = Math.max(1, ChronoUnit.DAYS.between(first, c.items().get(c.items().size() - 1).done()));
			for (var i : c.items()) {
				double x = PAD + (W - 2.0 * PAD) * ChronoUnit.DAYS.between(first, i.done()) / span;
				dots.add(new Dot(x, H - PAD - (H - 2.0 * PAD) * i.days() / max,
						i.item() + ": " + i.days() + " days, done " + i.done()));
			}
		}
		List<Level> levels = new ArrayList<>();
		double top = max;
		Double[] ps = { c.p50(), c.p85(), c.p95() };
		String[] names = { "50 %", "85 %", "95 %" };
		for (int i = 0; i < 3; i++) {
			if (ps[i] != null) {
				levels.add(new Level(H - PAD - (H - 2.0 * PAD) * ps[i] / top, names[i] + ": " + ps[i] + " days"));
			}
		}
		return new Scatter(W, H, PAD, dots, levels, fmt(max));
	}

	private static double y(int value, int max) {
		return H - PAD - (H - 2.0 * PAD) * value / max;
	}

	private static String fmt(double v) {
		return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
	}

}
