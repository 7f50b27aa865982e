package dev.priora.prioritization.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;
import dev.priora.accounts.SignedInUser;
import dev.priora.problem.DomainProblem;
import dev.priora.problem.Etags;
import dev.priora.backlog.ItemKey;
import dev.priora.prioritization.DependencyInsights;
import dev.priora.prioritization.ItemScore;
import dev.priora.prioritization.ModelDefinition;
import dev.priora.prioritization.OrderProposal;
import dev.priora.prioritization.PrioritizationService;
import dev.priora.prioritization.ScoringModels;
import dev.priora.prioritization.PriorityMap;
import dev.priora.prioritization.PriorityOrderService;
import dev.priora.prioritization.ScoreChange;
import dev.priora.prioritization.ScoringModelView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Scoring models, scores with their breakdown, the priority map and order, and the
 * dependency insights.
 */
@RestController
@Tag(name = "Prioritization")
class PrioritizationApiController {

	private static final String BASE = "/api/v1/products/{productKey}";

	private final PrioritizationService scores;

	private final ScoringModels models;

	private final PriorityOrderService order;

	private final DependencyInsights insights;

	private final PriorityMap map;

	PrioritizationApiController(PrioritizationService scores, ScoringModels models, PriorityOrderService order,
			DependencyInsights insights, PriorityMap map) {
		this.scores = scores;
		this.models = models;
		this.order = order;
		this.insights = insights;
		this.map = map;
	}

	record ModelBody(@NotNull @Size(max = 100) String name, @NotNull @Valid ModelDefinition definition) {
	}

	record InputsBody(@NotNull @Size(min = 1, max = 20) Map<@Size(max = 30) String, @Size(max = 100) String> inputs) {
	}

	record ApplyBody(@NotNull @Size(max = 64) String basis) {
	}

	record ModelScore(ScoringModelView model, ItemScore score) {
	}

	@GetMapping(BASE + "/scoring-models")
	@Operation(summary = "The product's scoring models (RICE, WSJF, value ÷ effort, MoSCoW, Kano and custom ones)")
	List<ScoringModelView> models(@PathVariable String productKey) {
		return models.models(productKey);
	}

	@PostMapping(BASE + "/scoring-models")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Add a custom scorecard",
			description = "formula SUM ((Σ weight × benefit) ÷ (Σ weight × cost)), PRODUCT (Π benefit ÷ Π cost) or"
					+ " CATEGORY (one choice); criteria with key, label, role BENEFIT|COST, weight, scale {type: linear"
					+ " (min, max) | fibonacci | choice (options [{label, value}])} and source MANUAL | CUSTOMERS |"
					+ " REVENUE | IMPORTANCE | ESTIMATE.")
	ResponseEntity<ScoringModelView> create(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@Valid @RequestBody ModelBody body) {
		ScoringModelView m = models.create(productKey, body.name(), body.definition(), user.id());
		return ResponseEntity.created(URI.create("/api/v1/products/" + productKey + "/scoring-models/" + m.id()))
			.eTag(Etags.of(m.version()))
			.body(m);
	}

	@GetMapping(BASE + "/scoring-models/{id}")
	@Operation(summary = "One scoring model")
	ResponseEntity<ScoringModelView> model(@PathVariable String productKey, @PathVariable long id) {
		ScoringModelView m = models.model(productKey, id);
		return ResponseEntity.ok().eTag(Etags.of(m.version())).body(m);
	}

	@PutMapping(BASE + "/scoring-models/{id}")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Change a model's name and criteria (If-Match required)")
	ResponseEntity<ScoringModelView> update(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@PathVariable long id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
			@Valid @RequestBody ModelBody body) {
		ScoringModelView m = models.update(productKey, id, body.name(), body.definition(), Etags.versionFrom(ifMatch),
				user.id());
		return ResponseEntity.ok().eTag(Etags.of(m.version())).body(m);
	}

	@DeleteMapping(BASE + "/scoring-models/{id}")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Delete a model that is not active, with its inputs")
	ResponseEntity<Void> delete(@PathVariable String productKey, @PathVariable long id) {
		models.delete(productKey, id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping(BASE + "/scoring-models/{id}/activate")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Make this the model that orders the backlog")
	ScoringModelView activate(@PathVariable String productKey, @PathVariable long id) {
		return models.activate(productKey, id);
	}

	@GetMapping(BASE + "/scores")
	@Operation(summary = "Every item's score under a model (the active one by default), with the breakdown")
	List<ItemScore> scores(@PathVariable String productKey, @RequestParam(required = false) Long model) {
		return scores.scores(productKey, model);
	}

	@GetMapping(BASE + "/items/{itemKey}/scores")
	@Operation(summary = "The item's score under every model, with the breakdown")
	List<ModelScore> itemScores(@PathVariable String productKey, @PathVariable String itemKey) {
		return scores.itemScores(ItemKey.inProduct(productKey, itemKey))
			.entrySet()
			.stream()
			.map(e -> new ModelScore(e.getKey(), e.getValue()))
			.toList();
	}

	@PutMapping(BASE + "/items/{itemKey}/scores/{modelId}")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Set typed-in inputs ({\"inputs\": {\"impact\": \"high\"}}; a blank value clears one)")
	ItemScore setInputs(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@PathVariable String itemKey, @PathVariable long modelId, @Valid @RequestBody InputsBody body) {
		return scores.setInputs(ItemKey.inProduct(productKey, itemKey), modelId, body.inputs(), user.id());
	}

	@GetMapping(BASE + "/items/{itemKey}/scores/{modelId}/history")
	@Operation(summary = "Changes of the item's inputs under a model, with the score before and after")
	List<ScoreChange> history(@PathVariable String productKey, @PathVariable String itemKey,
			@PathVariable long modelId) {
		return scores.history(ItemKey.inProduct(productKey, itemKey), modelId);
	}

	@GetMapping(BASE + "/priority-order")
	@Operation(summary = "The backlog ordered by the active score, never above an unfinished prerequisite (preview)")
	OrderProposal preview(@PathVariable String productKey) {
		return order.preview(productKey);
	}

	@PostMapping(BASE + "/priority-order")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Apply the previewed order (its basis) as one change; 409 when the backlog changed since")
	PriorityOrderService.AppliedOrder apply(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@Valid @RequestBody ApplyBody body) {
		return order.apply(productKey, body.basis(), user.id());
	}

	@PostMapping(BASE + "/priority-order/{changeId}/undo")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Undo the latest applied order")
	PriorityOrderService.AppliedOrder undo(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@PathVariable long changeId) {
		return order.undo(productKey, changeId, user.id());
	}

	@PutMapping(BASE + "/items/{itemKey}/pin")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Pin the item: ordering by score keeps it in its place")
	ResponseEntity<Void> pin(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@PathVariable String itemKey) {
		order.pin(ItemKey.inProduct(productKey, itemKey), user.id());
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping(BASE + "/items/{itemKey}/pin")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Unpin the item")
	ResponseEntity<Void> unpin(@PathVariable String productKey, @PathVariable String itemKey) {
		order.unpin(ItemKey.inProduct(productKey, itemKey));
		return ResponseEntity.noContent().build();
	}

	@GetMapping(BASE + "/critical-path")
	@Operation(summary = "The chain of unfinished dependencies with the most estimated work, and the top blockers")
	DependencyInsights.CriticalPathView criticalPath(@PathVariable String productKey,
			@RequestParam(required = false) String epic) {
		return insights.criticalPath(productKey, epic(productKey, epic));
	}

	@GetMapping(BASE + "/dependency-graph")
	@Operation(summary = "Items with unfinished dependencies laid out in layers, the critical path marked")
	DependencyInsights.GraphView graph(@PathVariable String productKey, @RequestParam(required = false) String epic) {
		return insights.graph(productKey, epic(productKey, epic));
	}

	@GetMapping(BASE + "/priority-map")
	@Operation(summary = "Value against effort with quadrants (quick wins, big bets, fill-ins, money pits)")
	PriorityMap.MapView priorityMap(@PathVariable String productKey, @RequestParam(required = false) Long model,
			@RequestParam(required = false) String epic, @RequestParam(required = false) @Size(max = 50) String label,
			@RequestParam(required = false) Long objective) {
		ItemKey e = epic(productKey, epic);
		return map.map(productKey, model, e == null ? null : e.toString(), label, objective);
	}

	static ItemKey epic(String productKey, String epic) {
		if (epic == null || epic.isBlank()) {
			return null;
		}
		try {
			return ItemKey.inProduct(productKey, epic);
		}
		catch (DomainProblem e) {
			throw DomainProblem.invalid("epic", "'" + epic + "' is no item of " + productKey);
		}
	}

}
