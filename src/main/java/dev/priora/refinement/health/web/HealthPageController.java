package dev.priora.refinement.health.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;
import dev.priora.refinement.health.BacklogHealth;
import dev.priora.refinement.health.HealthDay;
import dev.priora.refinement.health.HealthReport;
import dev.priora.refinement.health.HealthSettings;
import dev.priora.web.Chart;

/**
 * The Health page: the score with its formula and parts, the score over the last 90 days,
 * the findings by kind with their fix links, and the settings (post/redirect/get).
 */
@Controller
class HealthPageController {

	static final String VIEW = "refinement/health";

	/** Days the page's chart shows. */
	static final int CHART_DAYS = 90;

	private final BacklogHealth health;

	HealthPageController(BacklogHealth health) {
		this.health = health;
	}

	@GetMapping("/p/{key}/health")
	String page(@PathVariable String key, Model model) {
		HealthReport report = health.report(key);
		List<HealthDay> history = withToday(health.history(key, CHART_DAYS), report);
		model.addAttribute("report", report);
		model.addAttribute("history", history);
		model.addAttribute("historyChart", chart(history).json());
		return VIEW;
	}

	@PostMapping("/p/{key}/health/settings")
	@Requires(Permission.EDIT_BACKLOG)
	String settings(@PathVariable String key, @RequestParam(required = false) Integer topN,
			@RequestParam(required = false) Integer staleDays, RedirectAttributes redirect) {
		HealthSettings saved = health.updateSettings(key, HealthSettings.checked(topN, staleDays));
		redirect.addFlashAttribute("toast",
				"Health settings saved: the top " + saved.topN() + ", stale after " + saved.staleDays() + " days.");
		return "redirect:/p/" + key + "/health";
	}

	/** The recorded days and, when today's is not recorded yet, today's score now. */
	private static List<HealthDay> withToday(List<HealthDay> recorded, HealthReport now) {
		LocalDate today = LocalDate.ofInstant(now.computedAt(), ZoneOffset.UTC);
		if (!recorded.isEmpty() && recorded.get(recorded.size() - 1).day().equals(today)) {
			return recorded;
		}
		List<HealthDay> all = new ArrayList<>(recorded);
		all.add(new HealthDay(today, now.score(), now.total()));
		return all;
	}

	private static Chart chart(List<HealthDay> days) {
		List<Object> points = days.stream().map(d -> (Object) List.of(d.day().toString(), d.score())).toList();
		return Chart.time("score").with(Chart.Series.line("Health score", points, 1)).level("Healthy (80)", 80);
	}

}
