package dev.priora.insights.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.ResponseEntity;

import dev.priora.csv.CsvWriter;
import dev.priora.insights.InsightsView;
import dev.priora.insights.ThemeSummary;
import dev.priora.problem.DomainProblem;

/** Every table of the themes and insights pages as CSV, by the table's name. */
final class InsightsCsv {

	/** The tables, as named in {@code /insights/{table}.csv}. */
	static final List<String> TABLES = List.of("themes", "top-revenue", "top-customers", "top-growth", "unaddressed",
			"segments", "weekly-kinds", "weekly-themes");

	private InsightsCsv() {
	}

	static ResponseEntity<String> table(String name, List<ThemeSummary> themes, InsightsView view) {
		String file = "insights-" + name + ".csv";
		return switch (name) {
			case "themes" -> themes(file, themes);
			case "top-revenue" -> themes(file, view.byRevenue());
			case "top-customers" -> themes(file, view.byCustomers());
			case "top-growth" -> themes(file, view.byGrowth());
			case "unaddressed" -> themes(file, view.unaddressed());
			case "segments" -> segments(file, view);
			case "weekly-kinds" -> weekly(file, view.weekly().weeks(), view.weekly().byKind());
			case "weekly-themes" -> weekly(file, view.weekly().weeks(), view.weekly().byTheme());
			default -> throw DomainProblem.notFound("Table " + name);
		};
	}

	/**
	 * The themes, with one revenue column per currency among them ("revenue EUR"):
	 * amounts in different currencies are never added up.
	 */
	private static ResponseEntity<String> themes(String file, List<ThemeSummary> themes) {
		List<String> currencies = themes.stream()
			.flatMap(t -> t.revenue().keySet().stream())
			.distinct()
			.sorted()
			.toList();
		List<String> header = new ArrayList<>(List.of("theme", "name", "feedback", "customers"));
		currencies.forEach(c -> header.add(c.isEmpty() ? "revenue" : "revenue " + c));
		header.addAll(List.of("last 30 days", "30 days before", "last 90 days", "90 days before", "coverage", "items"));
		return CsvWriter.download(file, header, themes.stream().map(t -> {
			List<Object> row = new ArrayList<>(List.of(t.id(), t.name(), t.feedback(), t.customers()));
			currencies.forEach(c -> row.add(t.revenue().containsKey(c) ? t.revenue().get(c) : ""));
			row.addAll(List.of(t.last30(), t.previous30(), t.last90(), t.previous90(), t.coverage().state(),
					String.join(" ", t.coverage().items().stream().map(i -> i.key()).toList())));
			return row;
		}).toList());
	}

	private static ResponseEntity<String> segments(String file, InsightsView view) {
		List<String> header = new ArrayList<>(List.of("theme", "name"));
		view.segments().forEach(s -> header.add(s.isEmpty() ? "(no segment)" : s));
		return CsvWriter.download(file, header, view.grid().stream().map(r -> {
			List<Object> row = new ArrayList<>(List.of(r.themeId(), r.name()));
			row.addAll(r.customers());
			return row;
		}).toList());
	}

	private static ResponseEntity<String> weekly(String file, List<String> weeks, List<InsightsView.Series> series) {
		List<String> header = new ArrayList<>(List.of("week"));
		series.forEach(s -> header.add(s.label()));
		List<List<Object>> rows = new ArrayList<>();
		for (int w = 0; w < weeks.size(); w++) {
			List<Object> row = new ArrayList<>(List.of(weeks.get(w)));
			for (InsightsView.Series s : series) {
				row.add(s.counts().get(w));
			}
			rows.add(row);
		}
		return CsvWriter.download(file, header, rows);
	}

}
