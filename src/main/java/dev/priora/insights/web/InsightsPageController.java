package dev.priora.insights.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import dev.priora.insights.Insights;
import dev.priora.insights.InsightsView;
import dev.priora.web.Chart;

/**
 * The Insights page: what customers want across the themes, with the weekly charts whose
 * bars open the week's quotes below them ({@code GET /p/{key}/insights/week}, a
 * fragment).
 */
@Controller
class InsightsPageController {

	static final String VIEW = "insights/insights";

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
			@RequestParam(required = false) String filter, Model model) {
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
		model.addAttribute("week", week);
		model.addAttribute("quotes", insights.week(key, week, kind, theme));
		return VIEW + " :: drill";
	}

	private static Chart chart(List<String> weeks, List<InsightsView.Series> series) {
		Chart chart = Chart.categories("feedback", weeks).xName("week (Monday)");
		int colour = 1;
		for (InsightsView.Series s : series) {
			chart = chart.with(new Chart.Series(s.label(), "bar", s.counts(), "solid", colour));
			colour = colour % 6 + 1;
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
