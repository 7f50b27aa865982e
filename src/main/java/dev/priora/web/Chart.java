package dev.priora.web;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/**
 * What a chart shows, for {@code static/js/charts.js} to draw with Apache ECharts: the
 * categories along the x axis (or none for a time or value axis), the series, and
 * labelled horizontal lines. A page puts {@link #json()} into a {@code data-chart}
 * attribute; the table beside the chart and its CSV carry the same numbers.
 *
 * @param x the x axis: {@code category} (with {@code categories}), {@code time} (ISO
 * dates in the data) or {@code value}
 * @param xName what the x axis counts, or {@code null}
 * @param yName what the y axis counts ("points", "items", "days")
 * @param categories the labels along a category axis
 * @param series what is drawn
 * @param levels horizontal lines with a label (percentiles, a target)
 */
public record Chart(String x, String xName, String yName, List<String> categories, List<Series> series,
		List<Level> levels) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public Chart {
		categories = List.copyOf(categories);
		series = List.copyOf(series);
		levels = List.copyOf(levels);
	}

	/** A chart along named categories (sprints, days). */
	public static Chart categories(String yName, List<String> categories) {
		return new Chart("category", null, yName, categories, List.of(), List.of());
	}

	/** A chart over dates: data points are {@code [isoDate, value]} pairs. */
	public static Chart time(String yName) {
		return new Chart("time", null, yName, List.of(), List.of(), List.of());
	}

	public Chart with(Series more) {
		List<Series> all = new ArrayList<>(series);
		all.add(more);
		return new Chart(x, xName, yName, categories, all, levels);
	}

	public Chart level(String label, double value) {
		List<Level> all = new ArrayList<>(levels);
		all.add(new Level(label, value));
		return new Chart(x, xName, yName, categories, series, all);
	}

	public Chart xName(String name) {
		return new Chart(x, name, yName, categories, series, levels);
	}

	/** The chart as the JSON the script reads. */
	public String json() {
		return JSON.writeValueAsString(this);
	}

	/**
	 * One series.
	 *
	 * @param name its name in the legend and tooltip
	 * @param type {@code bar}, {@code line}, {@code area} (a stacked line with its area
	 * filled), {@code scatter}
	 * @param data one value per category, or {@code [x, y]} pairs on a time or value axis
	 * (a third element names the point in its tooltip)
	 * @param style {@code solid}, {@code dashed} (a guide, e.g. the even pace) or
	 * {@code thin}
	 * @param colour a palette slot 1–10 ({@code --chart-N} in the stylesheet: 1–4 and
	 * 7–10 hues, 5 grey, 6 pale)
	 */
	public record Series(String name, String type, List<?> data, String style, int colour) {

		public Series {
			data = List.copyOf(data);
		}

		public static Series bar(String name, List<?> data, int colour) {
			return new Series(name, "bar", data, "solid", colour);
		}

		public static Series line(String name, List<?> data, int colour) {
			return new Series(name, "line", data, "solid", colour);
		}

		public static Series area(String name, List<?> data, int colour) {
			return new Series(name, "area", data, "solid", colour);
		}

		public static Series scatter(String name, List<?> data, int colour) {
			return new Series(name, "scatter", data, "solid", colour);
		}

		public Series styled(String newStyle) {
			return new Series(name, type, data, newStyle, colour);
		}

	}

	/** A labelled horizontal line. */
	public record Level(String label, double value) {
	}

}
