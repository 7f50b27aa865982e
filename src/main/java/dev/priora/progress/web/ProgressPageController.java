package dev.priora.progress.web;

import java.util.Locale;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;
import dev.priora.accounts.SignedInUser;
import dev.priora.backlog.ItemStatus;
import dev.priora.problem.DomainProblem;
import dev.priora.planning.PlanRunner;
import dev.priora.planning.PlanningService;
import dev.priora.planning.SprintView;
import dev.priora.progress.ProgressService;
import dev.priora.progress.SprintReview;

/** A sprint's page (start, close, burndown) and a release's "evaluate progress" page. */
@Controller
class ProgressPageController {

	static final String SPRINT_VIEW = "progress/sprint";

	static final String RELEASE_VIEW = "progress/release";

	static final String FORECASTS_FRAGMENT = "progress/forecasts :: forecasts";

	private final ProgressService progress;

	private final PlanningService planning;

	private final SprintReview review;

	private final dev.priora.progress.TeamService team;

	private final PlanRunner plans;

	ProgressPageController(ProgressService progress, PlanningService planning, SprintReview review,
			dev.priora.progress.TeamService team, PlanRunner plans) {
		this.team = team;
		this.plans = plans;
		this.review = review;
		this.progress = progress;
		this.planning = planning;
	}

	@GetMapping("/p/{key}/sprints/{id}")
	String sprint(@PathVariable String key, @PathVariable long id, Model m) {
		fillSprint(key, id, m);
		return SPRINT_VIEW;
	}

	@PostMapping("/p/{key}/sprints/{id}/{action:start|close}")
	@Requires(Permission.EDIT_BACKLOG)
	String act(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable long id,
			@PathVariable String action, @RequestParam(defaultValue = "false") boolean force,
			@RequestParam(required = false) Long nextSprintId, RedirectAttributes redirect) {
		if ("start".equals(action)) {
			progress.start(key, id, force, user.id());
			return toSprint(key, id, "Sprint started.", redirect);
		}
		progress.close(key, id, nextSprintId, user.id());
		return toSprint(key, id, "Sprint closed.", redirect);
	}

	@PostMapping("/p/{key}/sprints/{id}/review")
	@Requires(Permission.EDIT_BACKLOG)
	String review(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable long id,
			@RequestParam String item, @RequestParam(defaultValue = "accept") String verdict,
			@RequestParam(defaultValue = "") String reason,
			@RequestParam(required = false) java.util.List<Integer> criteria, RedirectAttributes redirect) {
		try {
			var v = review.review(key, id, item, "accept".equals(verdict), reason, criteria, user.id());
			return toSprint(key, id, v.item() + (v.accepted() ? " accepted." : " rejected: back in the backlog."),
					redirect);
		}
		catch (DomainProblem e) {
			// the review card again with what was ticked and typed, the reason on the
			// card; post/redirect/get, so a reload or Back posts nothing and never
			// lands on the form's address (which answers only posts)
			DomainProblem.rethrowNotFound(e);
			String shown = item.strip().toUpperCase(Locale.ROOT);
			if (review.reviewable(key, id).stream().anyMatch(r -> r.key().equals(shown))) {
				// the ticks are a group: their refusal is the card's, not the first
				// checkbox's
				String message = e.getMessage();
				if (message.startsWith("criteria: ")) {
					String why = message.substring("criteria: ".length());
					message = Character.toUpperCase(why.charAt(0)) + why.substring(1);
				}
				redirect.addFlashAttribute("reviewError", message);
				redirect.addFlashAttribute("reviewItem", shown);
				redirect.addFlashAttribute("reviewCriteria",
						criteria == null ? new java.util.ArrayList<Integer>() : new java.util.ArrayList<>(criteria));
				redirect.addFlashAttribute("reviewReason", reason);
				return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/sprints/" + id + "#review-" + shown;
			}
			redirect.addFlashAttribute("error", e.getMessage());
			return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/sprints/" + id;
		}
	}

	@GetMapping("/p/{key}/releases/{id}/progress")
	String release(@PathVariable String key, @PathVariable long id, Model m) {
		fillRelease(key, id, m);
		return RELEASE_VIEW;
	}

	/**
	 * Every unreleased release's forecast in sequence, as a fragment for the release
	 * planning page.
	 */
	@GetMapping("/p/{key}/release-forecasts")
	String releaseForecasts(@PathVariable String key, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Model m) {
		if (!"true".equals(htmx)) {
			return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/releases#release-forecasts";
		}
		m.addAttribute("forecasts", progress.releaseForecasts(key));
		return FORECASTS_FRAGMENT;
	}

	/**
	 * The odds of an optimizer's plan (each unreleased release as the plan would leave
	 * it), as a fragment for the plan's page.
	 */
	@GetMapping("/p/{key}/plans/{id}/forecasts")
	String planForecasts(@PathVariable String key, @PathVariable long id,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model m) {
		if (!"true".equals(htmx)) {
			plans.get(key, id);
			return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/plans/" + id + "#plan-forecasts";
		}
		m.addAttribute("forecasts", progress.planForecasts(key, id));
		return "progress/forecasts :: plan-forecasts";
	}

	@PostMapping("/p/{key}/releases/{id}/decisions")
	@Requires(Permission.EDIT_BACKLOG)
	String decide(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable long id,
			@RequestParam(defaultValue = "") String decision, @RequestParam(defaultValue = "") String note,
			RedirectAttributes redirect) {
		progress.decide(key, id, decision, note, user.id());
		redirect.addFlashAttribute("toast", "Decision recorded.");
		return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/releases/" + id + "/progress";
	}

	/** Post/redirect/get: a done action shows the sprint page again, with a toast. */
	private static String toSprint(String key, long id, String toast, RedirectAttributes redirect) {
		redirect.addFlashAttribute("toast", toast);
		return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/sprints/" + id;
	}

	private void fillSprint(String key, long id, Model m) {
		var run = progress.sprint(key, id);
		m.addAttribute("run", run);
		var items = planning.sprintItems(key, id);
		var members = team.members(key);
		m.addAttribute("items", items);
		var reviewable = review.reviewable(key, id);
		m.addAttribute("reviewable", reviewable);
		m.addAttribute("members", members);
		m.addAttribute("assignees", team.assignees(key));
		java.util.Map<String, String> suggested = new java.util.HashMap<>();
		if (!members.isEmpty()) {
			// one read of the backlog and the loads for every item, not one per item
			team.suggest(key, items.stream().map(i -> dev.priora.backlog.ItemKey.inProduct(key, i.key())).toList(), id)
				.forEach((item, best) -> {
					if (!best.isEmpty()) {
						suggested.put(item.toString(), best.get(0).member().name() + " (" + best.get(0).why() + ")");
					}
				});
		}
		m.addAttribute("suggested", suggested);
		// where unfinished items can go when the sprint closes: a sprint that has not
		// started (a closed sprint's items are its history); the first one after this
		// sprint is chosen
		var planned = progress.sprints(key)
			.stream()
			.filter(r -> "PLANNED".equals(r.state()) && r.sprint().id() != id)
			.map(ProgressService.SprintRun::sprint)
			.sorted(java.util.Comparator.comparing(SprintView::start))
			.toList();
		m.addAttribute("others", planned);
		m.addAttribute("nextSprint",
				planned.stream()
					.filter(s -> !s.start().isBefore(run.sprint().start()))
					.findFirst()
					.map(SprintView::id)
					.orElse(null));
		var unfinished = items.stream()
			.filter(i -> !ItemStatus.DONE.label().equals(i.status()) && !ItemStatus.REJECTED.label().equals(i.status()))
			.toList();
		m.addAttribute("unfinished", unfinished);
		m.addAttribute("unfinishedPoints", points(unfinished));
		// a running sprint's completed points so far: those of its done items, as the
		// close will record them
		m.addAttribute("doneSoFar",
				points(items.stream().filter(i -> ItemStatus.DONE.label().equals(i.status())).toList()));
		m.addAttribute("unreviewed", reviewable.stream().filter(r -> r.verdict() == null).count());
		var days = progress.burndown(key, id);
		m.addAttribute("burndown", days);
		m.addAttribute("chart", ProgressCharts.burndown(run.sprint(), days).json());
	}

	private static java.math.BigDecimal points(java.util.List<dev.priora.planning.ReleaseView.PlannedItem> items) {
		return items.stream()
			.map(i -> i.estimate() == null ? java.math.BigDecimal.ZERO : i.estimate())
			.reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
	}

	private void fillRelease(String key, long id, Model m) {
		var p = progress.release(key, id);
		m.addAttribute("p", p);
		m.addAttribute("chart", ProgressCharts.velocity(p.closedSprints()).json());
		m.addAttribute("burnupChart", ProgressCharts.burnup(p.burnup()).json());
	}

}
