package dev.priora.prioritization.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
import dev.priora.prioritization.DependencyInsights;
import dev.priora.prioritization.ItemScore;
import dev.priora.prioritization.PrioritizationService;
import dev.priora.prioritization.ScoringModels;
import dev.priora.prioritization.PriorityMap;
import dev.priora.prioritization.PriorityOrderService;
import dev.priora.prioritization.ScoringModelView;
import dev.priora.prioritization.engine.Criterion;
import dev.priora.prioritization.engine.Scale;

/**
 * The scoring grid (inline editing of inputs), the priority map, the order-by-score
 * preview with apply and undo, and the dependency graph with the critical path.
 */
@Controller
class PrioritizationPageController {

	static final String GRID_VIEW = "prioritization/scoring";

	static final String ROW_FRAGMENT = "prioritization/scoring :: row";

	static final String ROWS_FRAGMENT = "prioritization/scoring :: rows";

	/** Rows of the scoring grid per page. */
	static final int PAGE = 50;

	/**
	 * Rows of the grid as it opens; the next {@link #PAGE} load when its end scrolls into
	 * view (as on the backlog).
	 */
	static final int FIRST_PAGE = 25;

	static final String MAP_VIEW = "prioritization/map";

	static final String ITEM_SCORES_FRAGMENT = "prioritization/item-scores :: scores";

	static final String ORDER_VIEW = "prioritization/order";

	static final String GRAPH_VIEW = "prioritization/dependencies";

	private final PrioritizationService scores;

	private final ScoringModels models;

	private final PriorityOrderService order;

	private final PriorityMap map;

	private final DependencyInsights insights;

	PrioritizationPageController(PrioritizationService scores, ScoringModels models, PriorityOrderService order,
			PriorityMap map, DependencyInsights insights) {
		this.scores = scores;
		this.models = models;
		this.order = order;
		this.map = map;
		this.insights = insights;
	}

	@GetMapping("/p/{key}/scoring")
	String grid(@PathVariable String key, @RequestParam(required = false) Long model, Model m) {
		ScoringModelView chosen = models.model(key, model);
		fillRows(key, chosen, null, m);
		m.addAttribute("models", models.models(key));
		m.addAttribute("model", chosen);
		m.addAttribute("columns", columns(chosen));
		m.addAttribute("evidence",
				chosen.definition()
					.toSpec()
					.criteria()
					.stream()
					.filter(c -> c.source() != Criterion.Source.MANUAL)
					.map(c -> c.label() + ": " + c.source().description()
							+ (c.defaultValue() == null ? ", no default" : ", default " + Charts.num(c.defaultValue())))
					.toList());
		return GRID_VIEW;
	}

	/** The next page of the grid's rows (its "Load more" button). */
	@GetMapping("/p/{key}/scoring/rows")
	String gridRows(@PathVariable String key, @RequestParam(required = false) Long model, @RequestParam String cursor,
			Model m) {
		fillRows(key, models.model(key, model), cursor, m);
		return ROWS_FRAGMENT;
	}

	private void fillRows(String key, ScoringModelView model, String cursor, Model m) {
		PrioritizationService.ScorePage page = scores.openScores(key, model.id(), cursor,
				cursor == null ? FIRST_PAGE : PAGE);
		m.addAttribute("model", model);
		m.addAttribute("columns", columns(model));
		m.addAttribute("items", page.items());
		m.addAttribute("nextCursor", page.nextCursor());
		m.addAttribute("pinned", order.pinnedKeys(key));
	}

	@PostMapping("/p/{key}/scoring/{modelId}/items/{itemKey}")
	@Requires(Permission.EDIT_BACKLOG)
	String setInputs(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable long modelId,
			@PathVariable String itemKey, @RequestParam Map<String, String> params, Model m) {
		ScoringModelView model = models.model(key, modelId);
		ItemKey item = ItemKey.inProduct(key, itemKey);
		Map<String, String> inputs = new LinkedHashMap<>();
		for (Criterion c : model.definition().toSpec().criteria()) {
			if (params.containsKey("c." + c.key())) {
				inputs.put(c.key(), params.get("c." + c.key()));
			}
		}
		ItemScore row;
		try {
			row = scores.setInputs(item, modelId, inputs, user.id());
		}
		catch (DomainProblem e) {
			// the row answers its refusal on the row, with the stored values
			m.addAttribute("rowError", e.getMessage());
			row = scores.itemScore(item, model);
		}
		return row(key, model, row, m);
	}

	@PostMapping("/p/{key}/scoring/{modelId}/items/{itemKey}/pin")
	@Requires(Permission.EDIT_BACKLOG)
	String pin(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable long modelId,
			@PathVariable String itemKey, @RequestParam(defaultValue = "true") boolean pinned, Model m) {
		ItemKey item = ItemKey.inProduct(key, itemKey);
		ScoringModelView model = models.model(key, modelId);
		if (pinned) {
			order.pin(item, user.id());
		}
		else if (order.pinned(item)) {
			order.unpin(item);
		}
		return row(key, model, scores.itemScore(item, model), m);
	}

	private String row(String key, ScoringModelView model, ItemScore row, Model m) {
		m.addAttribute("model", model);
		m.addAttribute("columns", columns(model));
		m.addAttribute("items", List.of(row));
		m.addAttribute("pinned", order.pinnedKeys(key));
		return ROW_FRAGMENT;
	}

	@GetMapping("/p/{key}/items/{itemKey}/scores")
	String itemScores(@PathVariable String key, @PathVariable String itemKey, Model m) {
		ItemKey item = ItemKey.inProduct(key, itemKey);
		m.addAttribute("itemKey", item.toString());
		m.addAttribute("scores", scores.itemScores(item));
		m.addAttribute("pinned", order.pinned(item));
		return ITEM_SCORES_FRAGMENT;
	}

	@GetMapping("/p/{key}/priority-map")
	String priorityMap(@PathVariable String key, @RequestParam(required = false) Long model,
			@RequestParam(required = false) String epic, @RequestParam(required = false) String label,
			@RequestParam(required = false) Long objective, Model m) {
		m.addAttribute("models", models.models(key));
		m.addAttribute("epics", epics(key));
		m.addAttribute("epic", epic);
		m.addAttribute("label", label);
		m.addAttribute("objective", objective);
		m.addAttribute("objectives", map.objectives(key));
		try {
			ItemKey e = PrioritizationApiController.epic(key, epic);
			var view = map.map(key, model, e == null ? null : e.toString(), label, objective);
			m.addAttribute("map", view);
			m.addAttribute("chart", Charts.map(view));
			m.addAttribute("model", view.model());
		}
		catch (DomainProblem e) {
			// a read: a filter that names nothing here shows the page with the reason
			m.addAttribute("error", e.getMessage());
			m.addAttribute("model", models.model(key, model));
		}
		return MAP_VIEW;
	}

	@GetMapping("/p/{key}/priority-order")
	String orderPage(@PathVariable String key, Model m) {
		fillOrder(key, m);
		return ORDER_VIEW;
	}

	@PostMapping("/p/{key}/priority-order")
	@Requires(Permission.EDIT_BACKLOG)
	String apply(@AuthenticationPrincipal SignedInUser user, @PathVariable String key,
			@RequestParam(defaultValue = "") String basis, RedirectAttributes redirect) {
		var applied = order.apply(key, basis, user.id());
		redirect.addFlashAttribute("toast", "Applied: " + applied.moved() + (applied.moved() == 1 ? " item" : " items")
				+ " moved. You can undo this.");
		return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/priority-order";
	}

	@PostMapping("/p/{key}/priority-order/{changeId}/undo")
	@Requires(Permission.EDIT_BACKLOG)
	String undo(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable long changeId,
			RedirectAttributes redirect) {
		order.undo(key, changeId, user.id());
		redirect.addFlashAttribute("toast", "Undone: the backlog is back in its earlier order.");
		return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/priority-order";
	}

	private void fillOrder(String key, Model m) {
		try {
			m.addAttribute("proposal", order.preview(key));
		}
		catch (DomainProblem e) {
			// a read: no proposal (no active model) shows the page with the reason
			m.addAttribute("error", e.getMessage());
		}
		order.latest(key).filter(c -> !c.undone()).ifPresent(c -> m.addAttribute("latest", c));
	}

	@GetMapping("/p/{key}/dependencies")
	String dependencies(@PathVariable String key, @RequestParam(required = false) String epic, Model m) {
		m.addAttribute("epics", epics(key));
		m.addAttribute("epic", epic);
		try {
			ItemKey e = PrioritizationApiController.epic(key, epic);
			m.addAttribute("path", insights.criticalPath(key, e));
			var graph = insights.graph(key, e);
			m.addAttribute("graph", graph);
			m.addAttribute("chart", Charts.graph(graph));
		}
		catch (DomainProblem e) {
			// a read: an epic that is not here shows the page with the reason
			m.addAttribute("error", e.getMessage());
		}
		return GRAPH_VIEW;
	}

	private List<ItemScore> epics(String key) {
		List<ItemScore> epics = new ArrayList<>();
		for (ItemScore i : scores.scores(key, null)) {
			if (i.type() == dev.priora.backlog.ItemType.EPIC) {
				epics.add(i);
			}
		}
		return epics;
	}

	/**
	 * A criterion as a grid column: a select when it has options, a number input
	 * otherwise. An evidence criterion ({@code evidence}: where it comes from) takes a
	 * typed value too, used only when an item has no evidence; {@code fallback} is the
	 * model's default then (null: none).
	 */
	record Column(String key, String label, List<String> options, String min, String max, String evidence,
			String fallback) {
	}

	static List<Column> columns(ScoringModelView model) {
		List<Column> columns = new ArrayList<>();
		for (Criterion c : model.definition().toSpec().criteria()) {
			if (c.source() == Criterion.Source.ESTIMATE) {
				continue;
			}
			String evidence = c.source() == Criterion.Source.MANUAL ? null : c.source().description();
			String fallback = c.defaultValue() == null ? null : Charts.num(c.defaultValue());
			if (c.scale() instanceof Scale.Choice ch) {
				columns.add(new Column(c.key(), c.label(), ch.options().stream().map(Scale.Option::label).toList(),
						null, null, evidence, fallback));
			}
			else if (c.scale() instanceof Scale.Linear l) {
				columns.add(new Column(c.key(), c.label(), null, Charts.num(l.min()), Charts.num(l.max()), evidence,
						fallback));
			}
			else {
				columns.add(new Column(c.key(), c.label(), Scale.Fibonacci.VALUES.stream().map(Charts::num).toList(),
						null, null, evidence, fallback));
			}
		}
		return columns;
	}

}
