package dev.priora.progress.web;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.priora.planning.SprintView;
import dev.priora.progress.ProgressService;

/** Geometry for the server-rendered burndown and velocity charts. */
final class ProgressCharts {

	static final int W = 640;

	static final int H = 260;

	static final int PAD = 40;

	private ProgressCharts() {
	}

	/**
	 * A burndown: the remaining polyline, the scope polyline, the even pace, axis labels,
	 * and a marker on each day the scope changed.
	 */
	record Line(int width, int height, int pad, String actual, String ideal, String top, String last, String scope,
			List<Marker> changes) {
	}

	/** A point on a chart with its accessible description. */
	record Marker(double x, double y, String label) {
	}

	/** Bars: one per closed sprint. */
	record Bars(int width, int height, int pad, List<Bar> bars, String max) {
	}

	record Bar(double x, double y, double w, double h, String label) {
	}

	static Line burndown(SprintView sprint, List<ProgressService.BurndownDay> days, BigDecimal committed) {
		long length = Math.max(1, ChronoUnit.DAYS.between(sprint.start(), sprint.end()));
		double max = days.stream()
			.mapToDouble(d -> Math.max(d.remaining().doubleValue(), d.scope().doubleValue()))
			.max()
			.orElse(0);
		max = Math.max(max, committed == null ? 0 : committed.doubleValue());
		max = max <= 0 ? 1 : max;
		StringBuilder actual = new StringBuilder();
		StringBuilder scope = new StringBuilder();
		List<Marker> changes = new ArrayList<>();
		for (var d : days) {
			double x = PAD + (W - 2 * PAD) * ChronoUnit.DAYS.between(sprint.start(), d.day()) / (double) length;
			double y = H - PAD - (H - 2 * PAD) * d.remaining().doubleValue() / max;
			double sy = H - PAD - (H - 2 * PAD) * d.scope().doubleValue() / max;
			actual.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
			scope.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, sy));
			if (d.added().signum() > 0 || d.removed().signum() > 0) {
				changes.add(new Marker(x, sy,
						d.day() + ": scope " + (d.added().signum() > 0 ? "+" + num(d.added()) : "")
								+ (d.added().signum() > 0 && d.removed().signum() > 0 ? " " : "")
								+ (d.removed().signum() > 0 ? "−" + num(d.removed()) : "")));
			}
		}
		double start = days.isEmpty() ? max : days.get(0).remaining().doubleValue();
		String ideal = String.format(Locale.ROOT, "%d,%.1f %d,%d", PAD, H - PAD - (H - 2 * PAD) * start / max, W - PAD,
				H - PAD);
		return new Line(W, H, PAD, actual.toString().strip(), ideal, num(max),
				days.isEmpty() ? "" : days.get(days.size() - 1).remaining().stripTrailingZeros().toPlainString(),
				scope.toString().strip(), changes);
	}

	/**
	 * The burnup: the done line and the scope line at the close of each sprint and now,
	 * with a label per point.
	 */
	record Burnup(int width, int height, int pad, String done, String scope, String top, List<Marker> points) {
	}

	static Burnup burnup(List<ProgressService.BurnupPoint> points) {
		double max = points.stream()
			.mapToDouble(p -> Math.max(p.scope().doubleValue(), p.done().doubleValue()))
			.max()
			.orElse(0);
		max = max <= 0 ? 1 : max;
		StringBuilder done = new StringBuilder();
		StringBuilder scope = new StringBuilder();
		List<Marker> markers = new ArrayList<>();
		int n = Math.max(1, points.size() - 1);
		for (int i = 0; i < points.size(); i++) {
			var p = points.get(i);
			double x = points.size() == 1 ? W - PAD : PAD + (W - 2.0 * PAD) * i / n;
			double y = H - PAD - (H - 2.0 * PAD) * p.done().doubleValue() / max;
			double sy = H - PAD - (H - 2.0 * PAD) * p.scope().doubleValue() / max;
			done.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
			scope.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, sy));
			markers.add(new Marker(x, y, p.label() + ": " + num(p.done()) + " of " + num(p.scope()) + " done"));
		}
		return new Burnup(W, H, PAD, done.toString().strip(), scope.toString().strip(), num(max), markers);
	}

	static Bars velocity(List<BigDecimal> velocities) {
		double max = velocities.stream().mapToDouble(BigDecimal::doubleValue).max().orElse(1);
		max = max <= 0 ? 1 : max;
		List<Bar> bars = new ArrayList<>();
		int n = Math.max(1, velocities.size());
		double slot = (W - 2 * PAD) / (double) n;
		for (int i = 0; i < velocities.size(); i++) {
			double h = (H - 2 * PAD) * velocities.get(i).doubleValue() / max;
			bars.add(new Bar(PAD + i * slot + slot * 0.15, H - PAD - h, slot * 0.7, h,
					velocities.get(i).stripTrailingZeros().toPlainString()));
		}
		return new Bars(W, H, PAD, bars, num(max));
	}

	private static String num(BigDecimal v) {
		return v.stripTrailingZeros().toPlainString();
	}

	private static String num(double v) {
		return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
	}

}
