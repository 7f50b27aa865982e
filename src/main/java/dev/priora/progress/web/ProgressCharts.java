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

	/** A line chart: the actual polyline, the ideal line, axis labels. */
	record Line(int width, int height, int pad, String actual, String ideal, String top, String last) {
	}

	/** Bars: one per closed sprint. */
	record Bars(int width, int height, int pad, List<Bar> bars, String max) {
	}

	record Bar(double x, double y, double w, double h, String label) {
	}

	static Line burndown(SprintView sprint, List<ProgressService.BurndownDay> days, BigDecimal committed) {
		long length = Math.max(1, ChronoUnit.DAYS.between(sprint.start(), sprint.end()));
		double max = days.stream().mapToDouble(d -> d.remaining().doubleValue()).max().orElse(0);
		max = Math.max(max, committed == null ? 0 : committed.doubleValue());
		max = max <= 0 ? 1 : max;
		StringBuilder actual = new StringBuilder();
		for (var d : days) {
			double x = PAD + (W - 2 * PAD) * ChronoUnit.DAYS.between(sprint.start(), d.day()) / (double) length;
			double y = H - PAD - (H - 2 * PAD) * d.remaining().doubleValue() / max;
			actual.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
		}
		double start = days.isEmpty() ? max : days.get(0).remaining().doubleValue();
		String ideal = String.format(Locale.ROOT, "%d,%.1f %d,%d", PAD, H - PAD - (H - 2 * PAD) * start / max, W - PAD,
				H - PAD);
		return new Line(W, H, PAD, actual.toString().strip(), ideal, num(max),
				days.isEmpty() ? "" : days.get(days.size() - 1).remaining().stripTrailingZeros().toPlainString());
	}

	/** The burnup: the done line over closed sprints and the scope line. */
	record Burnup(int width, int height, int pad, String done, double scopeY, String scope) {
	}

	static Burnup burnup(List<BigDecimal> done, BigDecimal scope) {
		double max = Math.max(scope.doubleValue(), done.isEmpty() ? 0 : done.get(done.size() - 1).doubleValue());
		max = max <= 0 ? 1 : max;
		StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%d,%d ", PAD, H - PAD));
		int n = Math.max(1, done.size());
		for (int i = 0; i < done.size(); i++) {
			double x = PAD + (W - 2.0 * PAD) * (i + 1) / n;
			double y = H - PAD - (H - 2.0 * PAD) * done.get(i).doubleValue() / max;
			line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
		}
		return new Burnup(W, H, PAD, line.toString().strip(), H - PAD - (H - 2.0 * PAD) * scope.doubleValue() / max,
				scope.stripTrailingZeros().toPlainString());
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

	private static String num(double v) {
		return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
	}

}
