package dev.priora.prioritization.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.priora.prioritization.DependencyInsights;
import dev.priora.prioritization.PriorityMap;

/**
 * Server-rendered SVG geometry for the priority map and the dependency graph: pixel
 * positions computed here so that the templates only draw.
 */
final class Charts {

	static final int MAP_WIDTH = 760;

	static final int MAP_HEIGHT = 480;

	static final int PAD = 48;

	private Charts() {
	}

	/** A dot on the map. */
	record Dot(PriorityMap.Point point, double cx, double cy, String quadrantClass) {
	}

	/** A tick on an axis: its pixel position and label. */
	record Tick(String at, String label) {
	}

	/** The map: dots, the split lines, the axis ticks. */
	record MapChart(int width, int height, int pad, List<Dot> dots, double splitX, double splitY, List<Tick> xTicks,
			List<Tick> yTicks) {
	}

	static MapChart map(PriorityMap.MapView view) {
		double maxX = nice(view.maxEffort());
		double maxY = nice(view.maxValue());
		List<Dot> dots = new ArrayList<>();
		for (var p : view.points()) {
			dots.add(new Dot(p, round(x(p.effort(), maxX)), round(y(p.value(), maxY)), p.quadrant().replace(' ', '-')));
		}
		List<Tick> xs = new ArrayList<>();
		List<Tick> ys = new ArrayList<>();
		for (int i = 0; i <= 4; i++) {
			xs.add(new Tick(px(x(maxX * i / 4, maxX)), num(maxX * i / 4)));
			ys.add(new Tick(px(y(maxY * i / 4, maxY)), num(maxY * i / 4)));
		}
		return new MapChart(MAP_WIDTH, MAP_HEIGHT, PAD, dots, round(x(view.effortSplit(), maxX)),
				round(y(view.valueSplit(), maxY)), xs, ys);
	}

	private static double x(double effort, double max) {
		return PAD + (MAP_WIDTH - 2 * PAD) * (max == 0 ? 0 : effort / max);
	}

	private static double y(double value, double max) {
		return MAP_HEIGHT - PAD - (MAP_HEIGHT - 2 * PAD) * (max == 0 ? 0 : value / max);
	}

	/** The next round number at or above {@code v} (1, 2, 2.5, 5 × 10^k). */
	static double nice(double v) {
		if (v <= 0) {
			return 1;
		}
		double exp = Math.pow(10, Math.floor(Math.log10(v)));
		for (double m : new double[] { 1, 2, 2.5, 5, 10 }) {
			if (m * exp >= v) {
				return m * exp;
			}
		}
		return 10 * exp;
	}

	static final int NODE_W = 150;

	static final int NODE_H = 44;

	static final int GAP_X = 70;

	static final int GAP_Y = 22;

	/** A node box and the text in it. */
	record Box(DependencyInsights.PlacedNode node, int x, int y, String title) {
	}

	/**
	 * An edge as a cubic curve from the prerequisite's right side to the dependent's left
	 * side.
	 */
	record Curve(DependencyInsights.Edge edge, String path) {
	}

	/** The graph drawing. */
	record GraphChart(int width, int height, List<Box> boxes, List<Curve> curves) {
	}

	static GraphChart graph(DependencyInsights.GraphView g) {
		List<Box> boxes = new ArrayList<>();
		java.util.Map<String, Box> byKey = new java.util.HashMap<>();
		for (var n : g.nodes()) {
			String t = n.item().title();
			Box b = new Box(n, 10 + n.column() * (NODE_W + GAP_X), 10 + n.row() * (NODE_H + GAP_Y),
					t.length() > 22 ? t.substring(0, 21) + "…" : t);
			boxes.add(b);
			byKey.put(n.item().key(), b);
		}
		List<Curve> curves = new ArrayList<>();
		for (var e : g.edges()) {
			Box from = byKey.get(e.to());
			Box to = byKey.get(e.from());
			double x1 = from.x() + NODE_W;
			double y1 = from.y() + NODE_H / 2.0;
			double x2 = to.x();
			double y2 = to.y() + NODE_H / 2.0;
			double mid = (x1 + x2) / 2;
			curves.add(new Curve(e, "M" + px(x1) + "," + px(y1) + " C" + px(mid) + "," + px(y1) + " " + px(mid) + ","
					+ px(y2) + " " + px(x2) + "," + px(y2)));
		}
		return new GraphChart(20 + g.columns() * (NODE_W + GAP_X), 20 + Math.max(1, g.rows()) * (NODE_H + GAP_Y), boxes,
				curves);
	}

	static double round(double v) {
		return Math.round(v * 10) / 10.0;
	}

	static String px(double v) {
		return String.format(Locale.ROOT, "%.1f", v);
	}

	/** An axis label as other numbers read: at most two decimals, no trailing zeros. */
	static String num(double v) {
		return v == Math.rint(v) ? String.valueOf((long) v)
				: java.math.BigDecimal.valueOf(v)
					.setScale(2, java.math.RoundingMode.HALF_UP)
					.stripTrailingZeros()
					.toPlainString();
	}

}
