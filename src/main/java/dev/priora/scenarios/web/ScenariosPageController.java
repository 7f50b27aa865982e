package dev.priora.scenarios.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.format.annotation.DateTimeFormat;
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
import dev.priora.backlog.ProductService;
import dev.priora.planning.PlanningService;
import dev.priora.problem.DomainProblem;
import dev.priora.progress.TeamService;
import dev.priora.scenarios.ScenarioChange;
import dev.priora.scenarios.ScenarioCommand;
import dev.priora.scenarios.ScenarioView;
import dev.priora.scenarios.Scenarios;

/**
 * The scenarios pages: the list with New scenario and the compare form, a scenario's page
 * (settings, changes added and removed one at a time, run, delete; its result polled
 * while it runs), and the comparison. Every form posts, redirects and gets; a refusal
 * goes back to the page it came from with the reason ({@code web.PageErrorAdvice}).
 */
@Controller
class ScenariosPageController {

	static final String LIST_VIEW = "scenarios/scenarios";

	static final String SCENARIO_VIEW = "scenarios/scenario";

	static final String RESULT_FRAGMENT = "scenarios/scenario :: result";

	static final String COMPARE_VIEW = "scenarios/compare";

	private final Scenarios scenarios;

	private final TeamService team;

	private final PlanningService planning;

	private final Clock clock;

	private final ProductService products;

	ScenariosPageController(Scenarios scenarios, TeamService team, PlanningService planning, Clock clock,
			ProductService products) {
		this.scenarios = scenarios;
		this.team = team;
		this.planning = planning;
		this.clock = clock;
		this.products = products;
	}

	@GetMapping("/p/{key}/scenarios")
	String list(@PathVariable String key, Model m) {
		m.addAttribute("scenarios", scenarios.list(key));
		return LIST_VIEW;
	}

	@PostMapping("/p/{key}/scenarios")
	@Requires(Permission.EDIT_BACKLOG)
	String create(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @RequestParam String name,
			@RequestParam(defaultValue = "ITEM") String value, @RequestParam(defaultValue = "0.1") double discount,
			@RequestParam(defaultValue = "10") int timeLimit, RedirectAttributes redirect) {
		var s = scenarios.create(key, new ScenarioCommand(name, value(value), discount, timeLimit, List.of()),
				user.id());
		redirect.addFlashAttribute("toast", "Scenario " + s.name() + " saved; add its changes, then run it.");
		return toScenario(key, s.id());
	}

	@GetMapping("/p/{key}/scenarios/compare")
	String compare(@PathVariable String key, @RequestParam(required = false) String ids, Model m,
			RedirectAttributes redirect) {
		if (ids == null || ids.isBlank()) {
			// the list's Compare button with nothing ticked: back to the list, not an
			// error page
			redirect.addFlashAttribute("error", "Tick one to three scenarios that have run, then press Compare.");
			return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/scenarios";
		}
		try {
			m.addAttribute("comparison", scenarios.compare(key, ids));
		}
		catch (DomainProblem e) {
			DomainProblem.rethrowNotFound(e);
			// scenarios that have not run (or another product's ids): back to the list
			// with the reason, which the list page shows as its flash message
			String detail = e.getMessage();
			int colon = detail.indexOf(": ");
			redirect.addFlashAttribute("error",
					"Cannot compare these scenarios: " + (colon < 0 ? detail : detail.substring(colon + 2)) + ".");
			return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/scenarios";
		}
		return COMPARE_VIEW;
	}

	@GetMapping("/p/{key}/scenarios/{id}")
	String scenario(@PathVariable String key, @PathVariable long id,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model m) {
		m.addAttribute("scenario", scenarios.get(key, id));
		if (htmx != null) {
			// the running result polls itself: once the run is over, its answer also
			// enables the header's Run button again (the out-of-band #run-scenario)
			m.addAttribute("polled", true);
			return RESULT_FRAGMENT;
		}
		var members = team.members(key);
		var sprints = planning.sprints(key);
		var releases = planning.board(key).releases();
		LocalDate today = LocalDate.now(clock);
		m.addAttribute("members", members);
		m.addAttribute("today", today);
		// a sprint that is over can no longer be lost, nor have days off
		m.addAttribute("sprints", sprints.stream().filter(sp -> !sp.end().isBefore(today)).toList());
		m.addAttribute("releases",
				releases.stream().filter(r -> r.status() != dev.priora.planning.ReleaseStatus.RELEASED).toList());
		m.addAttribute("changeTexts", ChangeTexts.of(((ScenarioView) m.getAttribute("scenario")).changes(), members,
				sprints, releases, products.get(key).estimateUnit().label()));
		return SCENARIO_VIEW;
	}

	@PostMapping("/p/{key}/scenarios/{id}")
	@Requires(Permission.EDIT_BACKLOG)
	String settings(@PathVariable String key, @PathVariable long id, @RequestParam long version,
			@RequestParam String name, @RequestParam(defaultValue = "ITEM") String value,
			@RequestParam(defaultValue = "0.1") double discount, @RequestParam(defaultValue = "10") int timeLimit,
			RedirectAttributes redirect) {
		ScenarioView s = scenarios.get(key, id);
		scenarios.update(key, id, new ScenarioCommand(name, value(value), discount, timeLimit, s.changes()), version);
		redirect.addFlashAttribute("toast", "Settings saved; run the scenario again to see their effect.");
		return toScenario(key, id);
	}

	@PostMapping("/p/{key}/scenarios/{id}/changes")
	@Requires(Permission.EDIT_BACKLOG)
	String addChange(@PathVariable String key, @PathVariable long id, @RequestParam long version,
			@RequestParam String kind, @RequestParam(required = false) Long memberId,
			@RequestParam(required = false) Long sprintId, @RequestParam(required = false) Long releaseId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) Integer days, @RequestParam(required = false) BigDecimal capacity,
			RedirectAttributes redirect) {
		ScenarioChange.Kind k;
		try {
			k = ScenarioChange.Kind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw DomainProblem.invalid("kind", "is MEMBER_LEAVES, SPRINT_LOST, DAYS_OFF or RELEASE_CAPACITY");
		}
		ScenarioView s = scenarios.get(key, id);
		List<ScenarioChange> changes = new ArrayList<>(s.changes());
		ScenarioChange change = new ScenarioChange(k, memberId, sprintId, releaseId, from, days, capacity);
		changes.add(change);
		try {
			scenarios.update(key, id, command(s, changes), version);
		}
		catch (DomainProblem e) {
			if (e.getStatusCode().value() != 400) {
				throw e;
			}
			// shown in the change's own form, with what was typed
			redirect.addFlashAttribute("changeRefused", ChangeTexts.refusal(change, e));
			return toScenario(key, id);
		}
		redirect.addFlashAttribute("toast", "Change added; run the scenario to see its plan and odds.");
		return toScenario(key, id);
	}

	@PostMapping("/p/{key}/scenarios/{id}/changes/{position}/delete")
	@Requires(Permission.EDIT_BACKLOG)
	String removeChange(@PathVariable String key, @PathVariable long id, @PathVariable int position,
			@RequestParam long version, RedirectAttributes redirect) {
		ScenarioView s = scenarios.get(key, id);
		if (position < 0 || position >= s.changes().size()) {
			throw DomainProblem.notFound("Change " + (position + 1) + " of scenario " + s.name());
		}
		List<ScenarioChange> changes = new ArrayList<>(s.changes());
		changes.remove(position);
		scenarios.update(key, id, command(s, changes), version);
		redirect.addFlashAttribute("toast", "Change removed.");
		return toScenario(key, id);
	}

	@PostMapping("/p/{key}/scenarios/{id}/run")
	@Requires(Permission.EDIT_BACKLOG)
	String run(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable long id,
			RedirectAttributes redirect) {
		scenarios.run(key, id, user.id());
		redirect.addFlashAttribute("toast",
				"Running: the planner and the forecaster are at work; the result shows below.");
		return toScenario(key, id);
	}

	@PostMapping("/p/{key}/scenarios/{id}/delete")
	@Requires(Permission.EDIT_BACKLOG)
	String delete(@PathVariable String key, @PathVariable long id, RedirectAttributes redirect) {
		String name = scenarios.get(key, id).name();
		scenarios.delete(key, id);
		redirect.addFlashAttribute("toast", "Scenario " + name + " deleted.");
		return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/scenarios";
	}

	private static ScenarioCommand command(ScenarioView s, List<ScenarioChange> changes) {
		return new ScenarioCommand(s.name(), s.value(), s.discount(), s.timeLimitSeconds(), changes);
	}

	private static ScenarioCommand.Value value(String text) {
		try {
			return ScenarioCommand.Value.valueOf(text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw DomainProblem.invalid("value", "is ITEM or CUSTOMER");
		}
	}

	private static String toScenario(String key, long id) {
		return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/scenarios/" + id;
	}

}
