package dev.priora.insights.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import dev.priora.insights.Insights;
import dev.priora.insights.InsightsView;
import dev.priora.insights.ThemeDetail;
import dev.priora.web.Chart;

/**
 * The Insights page: what customers want across the themes, with the weekly charts whose
 * bars open the week's quotes below them ({@code GET /p/{key}/insights/week}, a
 * fragment).
 */
@Controller
class InsightsPageController {

	static final String VIEW = "insights/insights";

	/**
	 * The palette's distinct hues for the series of kinds and themes, in order: enough
	 * for every kind and for the top themes drawn one by one.
	 */
	static final int[] HUES = { 1, 2, 3, 4, 7, 8, 9, 10 };

	/** The palette's grey, for "Other themes". */
	static final int OTHER = 5;

	/** The palette's pale hue, for feedback without a theme or a kind yet. */
	static final int NONE = 6;

	private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

	private final Insights insights;

	InsightsPageController(Insights insights) {
		this.insights = insights;
	}

	@GetMapping("/p/{key}/insights")
	String page(@PathVariable String key, Model model) {
		InsightsView view = insights.view(key);
		model.addAttribute("view", view);
		model.addAttribute("kindChart", chart(view.weekly().weeks(), view.weekly().byKind()).json());
		model.addAttribute("themeChart", chart(view.weekly().weeks(), view.weekly().byTheme()).json());
		model.addAttribute("weeks", String.join("|", view.weekly().weeks()));
		model.addAttribute("kindFilters", filters(view.weekly().byKind()));
		model.addAttribute("themeFilters", filters(view.weekly().byTheme()));
		return VIEW;
	}

	/**
	 * The quotes of one week and series (a chart's bar): {@code filter} is
	 * {@code kind=BUG}, {@code theme=12} or {@code theme=none}.
	 */
	@GetMapping("/p/{key}/insights/week")
	String week(@PathVariable String key, @RequestParam(required = false) String week,
			@RequestParam(required = false) String filter, @RequestParam(required = false) String series, Model model) {
		String f = filter == null ? "" : filter;
		String kind = f.startsWith("kind=") ? f.substring(5) : null;
		Long theme = null;
		if (f.equals("theme=none")) {
			theme = -2L;
		}
		else if (f.startsWith("theme=")) {
			try {
				theme = Long.parseLong(f.substring(6));
			}
			catch (NumberFormatException e) {
				theme = -1L;
			}
		}
		List<ThemeDetail.Quote> quotes = insights.week(key, week, kind, theme);
		model.addAttribute("week", LocalDate.parse(week));
		model.addAttribute("series", series == null || series.isBlank() ? null : series.strip());
		model.addAttribute("quotes", quotes);
		return VIEW + " :: drill";
	}

	/**
	 * A weekly chart: the weeks by their Mondays ("23 Nov"; the drill-down reads the ISO
	 * dates from {@code data-weeks}), one bar series per kind or theme, each its own
	 * colour.
	 */
	static Chart chart(List<String> weeks, List<InsightsView.Series> series) {
		Chart chart = Chart.categories("feedback", weeks.stream().map(w -> WEEK.format(LocalDate.parse(w))).toList())
			.xName("week starting Monday");
		int next = 0;
		for (InsightsView.Series s : series) {
			int colour = switch (s.filter()) {
				case "theme=other" -> OTHER;
				case "theme=none", "kind=" -> NONE;
				default -> HUES[next++ % HUES.length];
			};
			chart = chart.with(Chart.Series.bar(s.label(), s.counts(), colour));
		}
		return chart;
	}

	/**
	 * The series' filters in the chart's order, for the drill-down ("kind=BUG|theme=12").
	 */
	private static String filters(List<InsightsView.Series> series) {
		List<String> out = new ArrayList<>();
		series.forEach(s -> out.add(s.filter()));
		return String.join("|", out);
	}

}
