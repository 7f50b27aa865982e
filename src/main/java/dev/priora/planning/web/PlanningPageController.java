package dev.priora.planning.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
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
import dev.priora.problem.DomainProblem;
import dev.priora.backlog.ItemKey;
import dev.priora.planning.PlanComparison;
import dev.priora.planning.PlanRunner;
import dev.priora.planning.PlanSettings;
import dev.priora.planning.PlanningService;
import dev.priora.planning.SprintEdits;
import dev.priora.planning.SprintItems;
import dev.priora.planning.SprintView;
import dev.priora.planning.engine.ReleaseOptimizer;

/**
 * The planning board, "plan for me" with live progress, a plan's explanation, and plan
 * comparison.
 */
@Controller
class PlanningPageController {

	static final String BOARD_VIEW = "planning/board";

	static final String BOARD_FRAGMENT = "planning/board :: board";

	static final String PLAN_VIEW = "planning/plan";

	static final String PLAN_FRAGMENT = "planning/plan :: plan";

	static final String PLANS_VIEW = "planning/plans";

	private final PlanningService planning;

	private final PlanRunner plans;

	private final SprintEdits sprints;

	PlanningPageController(PlanningService planning, PlanRunner plans, SprintEdits sprints) {
		this.planning = planning;
		this.plans = plans;
		this.sprints = sprints;
	}

	@GetMapping("/p/{key}/releases")
	String board(@PathVariable String key, Model m) {
		PlanningService.Board board = planning.board(key);
		m.addAttribute("board", board);
		m.addAttribute("sprintStates", planning.sprintStates(key));
		m.addAttribute("nextSprint", SprintEdits.next(board.sprints(), LocalDate.now()));
		return BOARD_VIEW;
	}

	@PostMapping("/p/{key}/releases")
	@Requires(Permission.EDIT_BACKLOG)
	String createRelease(@PathVariable String key, @RequestParam(defaultValue = "") String name,
			@RequestParam(required = false) LocalDate targetDate, @RequestParam(required = false) BigDecimal capacity,
			@RequestParam(defaultValue = "false") boolean capacityFromSprints, RedirectAttributes redirect) {
		planning.createRelease(key, name, targetDate, capacity, capacityFromSprints);
		return toBoard(key, "Release " + name.strip() + " added.", redirect);
	}

	@PostMapping("/p/{key}/sprints")
	@Requires(Permission.EDIT_BACKLOG)
	String createSprint(@PathVariable String key, @RequestParam(defaultValue = "") String name,
			@RequestParam(required = false) LocalDate start, @RequestParam(required = false) LocalDate end,
			@RequestParam(required = false) BigDecimal capacity, @RequestParam(defaultValue = "") String goal,
			@RequestParam(required = false) Long releaseId, RedirectAttributes redirect) {
		planning.createSprint(key, name, start, end, capacity, goal, releaseId);
		return toBoard(key, SprintView.called(name) + " added.", redirect);
	}

	/**
	 * The sprint page's "Edit sprint": name, dates, capacity, goal; back to the sprint.
	 */
	@PostMapping("/p/{key}/sprints/{id}/edit")
	@Requires(Permission.EDIT_BACKLOG)
	String editSprint(@PathVariable String key, @PathVariable long id, @RequestParam(defaultValue = "") String name,
			@RequestParam(required = false) LocalDate start, @RequestParam(required = false) LocalDate end,
			@RequestParam(required = false) BigDecimal capacity, @RequestParam(defaultValue = "") String goal,
			@RequestParam(defaultValue = "0") long version, RedirectAttributes redirect) {
		SprintView saved = sprints.update(key, id, new SprintEdits.Change(name, start, end, capacity, goal), version);
		redirect.addFlashAttribute("toast", saved.called() + " saved.");
		return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/sprints/" + id;
	}

	@PostMapping("/p/{key}/releases/{id}")
	@Requires(Permission.EDIT_BACKLOG)
	String updateRelease(@PathVariable String key, @PathVariable long id, @RequestParam(defaultValue = "") String name,
			@RequestParam(required = false) LocalDate targetDate, @RequestParam(required = false) BigDecimal capacity,
			@RequestParam(defaultValue = "false") boolean capacityFromSprints,
			@RequestParam(defaultValue = "PLANNED") String status, @RequestParam(defaultValue = "0") long version,
			RedirectAttributes redirect) {
		planning.updateRelease(key, id, name, targetDate, capacity, capacityFromSprints,
				dev.priora.planning.ReleaseStatus.valueOf(status.toUpperCase(Locale.ROOT)), version);
		return toBoard(key, "Release " + name.strip() + " saved.", redirect);
	}

	@PostMapping("/p/{key}/releases/{id}/delete")
	@Requires(Permission.EDIT_BACKLOG)
	String deleteRelease(@PathVariable String key, @PathVariable long id, RedirectAttributes redirect) {
		planning.deleteRelease(key, id);
		return toBoard(key, "Release deleted; its items are unplanned.", redirect);
	}

	@PostMapping("/p/{key}/sprints/{id}/delete")
	@Requires(Permission.EDIT_BACKLOG)
	String deleteSprint(@PathVariable String key, @PathVariable long id, RedirectAttributes redirect) {
		planning.deleteSprint(key, id);
		return toBoard(key, "Sprint deleted.", redirect);
	}

	@PostMapping("/p/{key}/releases/assign")
	@Requires(Permission.EDIT_BACKLOG)
	String assign(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @RequestParam String item,
			@RequestParam(required = false) String release, @RequestParam(required = false) String sprint, Model m,
			@RequestHeader(name = "HX-Request", required = false) String htmx, RedirectAttributes redirect) {
		ItemKey itemKey = ItemKey.inProduct(key, item);
		if (sprint != null) {
			planning.moveToSprint(itemKey, sprint.isBlank() ? null : Long.valueOf(sprint), user.id());
		}
		else {
			planning.moveToRelease(itemKey, release == null || release.isBlank() ? null : Long.valueOf(release),
					user.id());
		}
		if (htmx == null) {
			return toBoard(key, itemKey + " moved.", redirect);
		}
		m.addAttribute("board", planning.board(key));
		m.addAttribute("sprintStates", planning.sprintStates(key));
		return BOARD_FRAGMENT;
	}

	@PostMapping("/p/{key}/plans")
	@Requires(Permission.EDIT_BACKLOG)
	String start(@AuthenticationPrincipal SignedInUser user, @PathVariable String key,
			@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "ITEM") String value,
			@RequestParam(defaultValue = "ALL_OPEN") String candidates,
			@RequestParam(defaultValue = "0.1") double discount, @RequestParam(defaultValue = "20") int timeLimit,
			@RequestParam(defaultValue = "") String mustInclude, @RequestParam(defaultValue = "") String mustExclude,
			@RequestParam(defaultValue = "") String values,
			@RequestParam(defaultValue = "true") boolean keepStartedSprints,
			@RequestParam(defaultValue = "false") boolean promise, @RequestParam(defaultValue = "85") double confidence,
			RedirectAttributes redirect) {
		var settings = new PlanSettings(name, ReleaseOptimizer.ValueMode.valueOf(value.toUpperCase(Locale.ROOT)),
				PlanSettings.Candidates.valueOf(candidates.toUpperCase(Locale.ROOT)), List.of(), discount, timeLimit,
				keys(mustInclude), keys(mustExclude), null, values(values), keepStartedSprints,
				promise ? confidence / 100 : null);
		long id = plans.start(key, settings, user.id()).id();
		redirect.addFlashAttribute("toast", "Planning started; its progress shows below.");
		return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/plans/" + id;
	}

	@GetMapping("/p/{key}/plans/{id}")
	String plan(@PathVariable String key, @PathVariable long id,
			@org.springframework.web.bind.annotation.RequestHeader(name = "HX-Request", required = false) String htmx,
			Model m) {
		m.addAttribute("plan", plans.get(key, id));
		return htmx != null ? PLAN_FRAGMENT : PLAN_VIEW;
	}

	@PostMapping("/p/{key}/plans/{id}/{action}")
	@Requires(Permission.EDIT_BACKLOG)
	String act(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable long id,
			@PathVariable String action, @RequestParam(required = false) String sprintItems,
			RedirectAttributes redirect) {
		String done = switch (action) {
			case "apply" -> {
				var choice = sprintItems(sprintItems);
				plans.apply(key, id, choice, user.id());
				yield "Applied: the items are planned as shown"
						+ (choice == null ? "" : "; items in sprints: " + choice.description())
						+ ". You can undo this.";
			}
			case "undo" -> {
				plans.undo(key, id, user.id());
				yield "Undone: the earlier assignments are back.";
			}
			case "cancel" -> {
				plans.cancel(key, id);
				yield "Cancelled; the best plan found so far is kept.";
			}
			default -> throw DomainProblem.notFound("Action " + action);
		};
		redirect.addFlashAttribute("toast", done);
		return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/plans/" + id;
	}

	@GetMapping("/p/{key}/plans")
	String plans(@PathVariable String key, @RequestParam(required = false) Long a,
			@RequestParam(required = false) Long b, Model m) {
		m.addAttribute("plans", plans.list(key));
		if (a != null && b != null) {
			// a read: a plan that is not there leaves the list shown, with the reason
			try {
				m.addAttribute("comparison", PlanComparison.of(plans.get(key, a), plans.get(key, b)));
			}
			catch (DomainProblem e) {
				m.addAttribute("error", e.getMessage());
			}
		}
		return PLANS_VIEW;
	}

	/**
	 * A successful change of the board redirects to it with a toast (post/redirect/get),
	 * so a reload posts nothing.
	 */
	private static String toBoard(String key, String toast, RedirectAttributes redirect) {
		redirect.addFlashAttribute("toast", toast);
		return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/releases";
	}

	private static SprintItems sprintItems(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return SprintItems.valueOf(text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw DomainProblem.invalid("sprintItems", "is KEEP, KEEP_STARTED or MOVE");
		}
	}

	/** "SHOP-4 120" or "SHOP-4 = 120", one item per line. */
	static java.util.Map<String, Double> values(String text) {
		java.util.Map<String, Double> values = new java.util.LinkedHashMap<>();
		String[] lines = text.split("\\R");
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.isEmpty()) {
				continue;
			}
			String[] parts = line.split("\\s*[=:\\s]\\s*", 2);
			try {
				values.put(parts[0].toUpperCase(Locale.ROOT), Double.valueOf(parts[1].strip()));
			}
			catch (RuntimeException e) {
				throw DomainProblem.invalid("values",
						"line " + (i + 1) + " must be an item key and a number, like SHOP-4 120");
			}
		}
		return values;
	}

	private static List<String> keys(String text) {
		return text.isBlank() ? List.of()
				: java.util.Arrays.stream(text.split("[,;\\s]+")).filter(s -> !s.isBlank()).map(String::strip).toList();
	}

}
