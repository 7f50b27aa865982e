package dev.priora.progress.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;
import dev.priora.accounts.SignedInUser;
import dev.priora.problem.DomainProblem;
import dev.priora.backlog.ItemKey;
import dev.priora.planning.PlanningService;
import dev.priora.planning.SprintView;
import dev.priora.progress.ProgressService;
import dev.priora.progress.TeamService;

/**
 * The team page (members, days off, workload per sprint) and assigning items on the
 * sprint page.
 */
@Controller
class TeamPageController {

	static final String TEAM_VIEW = "progress/team";

	private final TeamService team;

	private final PlanningService planning;

	private final ProgressService progress;

	private final Clock clock;

	TeamPageController(TeamService team, PlanningService planning, ProgressService progress, Clock clock) {
		this.team = team;
		this.planning = planning;
		this.progress = progress;
		this.clock = clock;
	}

	@GetMapping("/p/{key}/team")
	String page(@PathVariable String key, @RequestParam(required = false) Long sprint,
			@RequestParam(required = false) Long release, Model m) {
		fill(key, sprint, m);
		var releases = planning.board(key).releases();
		m.addAttribute("releases", releases);
		Long sprintShown = (Long) m.getAttribute("sprint");
		Long sprintRelease = sprintShown == null ? null
				: planning.sprints(key)
					.stream()
					.filter(s -> s.id() == sprintShown)
					.findFirst()
					.map(SprintView::releaseId)
					.orElse(null);
		// the release of the sprint shown, else the first one not released yet
		Long chosen = release != null ? release
				: sprintRelease != null ? sprintRelease
						: releases.stream()
							.filter(r -> !"RELEASED".equals(r.status().name()))
							.map(r -> r.id())
							.findFirst()
							.orElse(releases.isEmpty() ? null : releases.get(0).id());
		m.addAttribute("release", chosen);
		try {
			m.addAttribute("releaseWorkload", chosen == null ? List.of() : team.releaseWorkload(key, chosen));
		}
		catch (DomainProblem e) {
			// a read: a release that is gone meanwhile shows no workload
			m.addAttribute("releaseWorkload", List.of());
		}
		return TEAM_VIEW;
	}

	@PostMapping("/p/{key}/team")
	@Requires(Permission.EDIT_BACKLOG)
	String add(@PathVariable String key, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String email, @RequestParam(required = false) BigDecimal capacity,
			@RequestParam(defaultValue = "") String skills, RedirectAttributes redirect) {
		team.add(key, name, email, capacity, Arrays.asList(skills.split("[,;]")));
		redirect.addFlashAttribute("toast", name.strip() + " added to the team.");
		return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/team";
	}

	@PostMapping("/p/{key}/team/{id}")
	@Requires(Permission.EDIT_BACKLOG)
	String update(@PathVariable String key, @PathVariable long id, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String email, @RequestParam(required = false) BigDecimal capacity,
			@RequestParam(defaultValue = "") String skills, Model m, RedirectAttributes redirect) {
		try {
			var member = team.update(key, id, name, email, capacity, Arrays.asList(skills.split("[,;]")));
			redirect.addFlashAttribute("toast", member.name() + " saved.");
			return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/team";
		}
		catch (DomainProblem e) {
			// the member's dialog opens again with the reason in it
			DomainProblem.rethrowNotFound(e);
			m.addAttribute("error", e.getMessage());
			m.addAttribute("editing", id);
		}
		return page(key, null, null, m);
	}

	@PostMapping("/p/{key}/team/{id}/remove")
	@Requires(Permission.EDIT_BACKLOG)
	String remove(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable long id,
			RedirectAttributes redirect) {
		String name = team.members(key)
			.stream()
			.filter(x -> x.id() == id)
			.map(TeamService.Member::name)
			.findFirst()
			.orElseThrow(() -> DomainProblem.notFound("Team member " + id));
		int open = team.openAssigned(key, id);
		team.remove(key, id, user.id());
		redirect.addFlashAttribute("toast", name + " is no longer on the team"
				+ (open == 0 ? "." : "; " + open + (open == 1 ? " open item is" : " open items are") + " unassigned."));
		return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/team";
	}

	@PostMapping("/p/{key}/team/{id}/days-off")
	@Requires(Permission.EDIT_BACKLOG)
	String daysOff(@PathVariable String key, @PathVariable long id, @RequestParam long sprint,
			@RequestParam(defaultValue = "0") int days, RedirectAttributes redirect) {
		team.daysOff(key, id, sprint, days);
		redirect.addFlashAttribute("toast", "Days off saved.");
		return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/team?sprint=" + sprint;
	}

	@PostMapping("/p/{key}/sprints/{id}/assignee")
	@Requires(Permission.EDIT_BACKLOG)
	String assign(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable long id,
			@RequestParam String item, @RequestParam(defaultValue = "") String member, RedirectAttributes redirect) {
		planning.sprint(key, id);
		try {
			ItemKey itemKey = ItemKey.inProduct(key, item);
			team.assign(itemKey, member.isBlank() ? null : Long.valueOf(member), user.id());
			var now = team.assignees(key).get(itemKey.toString());
			redirect.addFlashAttribute("toast",
					now == null ? itemKey + " is unassigned." : "Assigned " + itemKey + " to " + now.name() + ".");
		}
		catch (NumberFormatException e) {
			throw DomainProblem.invalid("member", "'" + member + "' is no member");
		}
		return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/sprints/" + id;
	}

	private void fill(String key, Long sprint, Model m) {
		m.addAttribute("members", team.members(key));
		var sprints = planning.sprints(key);
		m.addAttribute("sprints", sprints);
		Long chosen = sprint != null ? sprint : current(key, sprints);
		m.addAttribute("sprint", chosen);
		m.addAttribute("workload", chosen == null ? List.of() : team.workload(key, chosen));
	}

	/**
	 * The sprint the team is in: the active one, else the next to start, else the last
	 * one.
	 */
	private Long current(String key, List<SprintView> sprints) {
		if (sprints.isEmpty()) {
			return null;
		}
		var active = progress.sprints(key).stream().filter(r -> "ACTIVE".equals(r.state())).findFirst();
		if (active.isPresent()) {
			return active.get().sprint().id();
		}
		LocalDate today = LocalDate.now(clock);
		return sprints.stream()
			.filter(s -> !s.end().isBefore(today))
			.min(java.util.Comparator.comparing(SprintView::start))
			.map(SprintView::id)
			.orElse(sprints.get(sprints.size() - 1).id());
	}

}
