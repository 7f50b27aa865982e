package dev.priora.backlog.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.priora.accounts.Permission;
import dev.priora.accounts.ProductAccess;
import dev.priora.accounts.Requires;
import dev.priora.accounts.SignedInUser;
import dev.priora.backlog.AcceptanceCriterion;
import dev.priora.backlog.BacklogService;
import dev.priora.problem.Etags;
import dev.priora.backlog.ItemDraft;
import dev.priora.backlog.ItemFilter;
import dev.priora.backlog.ItemOrder;
import dev.priora.backlog.ItemKey;
import dev.priora.backlog.ItemStatus;
import dev.priora.backlog.ItemType;
import dev.priora.backlog.ItemView;
import dev.priora.backlog.Readiness;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Backlog items: listing, CRUD with ETags, status, ordering, readiness and history. */
@RestController
@RequestMapping("/api/v1/products/{productKey}/items")
@Tag(name = "Items")
class ItemApiController {

	private final BacklogService backlog;

	ItemApiController(BacklogService backlog) {
		this.backlog = backlog;
	}

	record Criterion(@NotBlank @Size(max = 1000) String statement, Boolean done) {
	}

	record ItemBody(@NotNull ItemType type, @NotBlank @Size(max = 300) String title,
			@Size(max = 50_000) String description, BigDecimal estimate,
			@Size(max = 20) List<@NotBlank @Size(max = 50) String> labels, @Size(max = 30) String parent,
			@Size(max = 100) List<@Valid @NotNull Criterion> acceptanceCriteria, String position,
			@Size(max = 30) String target) {

		ItemDraft draft(String productKey) {
			List<AcceptanceCriterion> criteria = acceptanceCriteria == null ? List.of()
					: acceptanceCriteria.stream()
						.map(c -> new AcceptanceCriterion(c.statement(), Boolean.TRUE.equals(c.done())))
						.toList();
			return new ItemDraft(type, title, description, estimate, labels,
					ItemKeys.field("parent", productKey, parent), criteria);
		}
	}

	record MoveBody(@NotBlank String position, @Size(max = 30) String target) {
	}

	@GetMapping
	@Operation(summary = "List items in backlog order, filtered, a page at a time",
			description = "Pass the answer's nextCursor as cursor for the next page. order=DEMAND sorts by customer"
					+ " demand (importance, then customers, then revenue); minCustomers keeps items at least that many"
					+ " customers asked for. assignee=me (the team member with your e-mail), none, or a team member's id.")
	BacklogJson.Page list(@PathVariable String productKey, @RequestParam(required = false) ItemType type,
			@RequestParam(required = false) ItemStatus status, @RequestParam(required = false) String label,
			@RequestParam(required = false) String parent, @RequestParam(required = false) Boolean ready,
			@RequestParam(required = false) @Size(max = 200) String q,
			@RequestParam(required = false) Integer minCustomers, @RequestParam(required = false) ItemOrder order,
			@RequestParam(required = false) @Size(max = 40) String assignee,
			@RequestParam(required = false) @Size(max = 200) String cursor,
			@RequestParam(defaultValue = "50") int limit, @AuthenticationPrincipal SignedInUser user) {
		var filter = new ItemFilter(type, status, label, ItemKeys.field("parent", productKey, parent), ready, q,
				minCustomers, order, dev.priora.backlog.AssigneeFilter.of(assignee, user.email()));
		return BacklogJson.Page.of(backlog.page(productKey, filter, cursor, limit));
	}

	@PostMapping
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Create an item (position: top, bottom (default), before or after a target)")
	ResponseEntity<BacklogJson.Item> create(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@Valid @RequestBody ItemBody body) {
		var placement = ItemKeys.placement(body.position(), productKey, body.target());
		ItemView v = backlog.create(productKey, body.draft(productKey), placement, user.id());
		return ResponseEntity.created(URI.create("/api/v1/products/" + v.key().productKey() + "/items/" + v.key()))
			.eTag(Etags.of(v.version()))
			.body(BacklogJson.Item.of(v));
	}

	@GetMapping("/{itemKey}")
	@Operation(summary = "Read an item; the ETag is its version")
	ResponseEntity<BacklogJson.Item> get(@PathVariable String productKey, @PathVariable String itemKey) {
		return withEtag(backlog.item(ItemKeys.inPath(productKey, itemKey)));
	}

	@PutMapping("/{itemKey}")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Replace an item's editable fields (If-Match required)")
	ResponseEntity<BacklogJson.Item> replace(@AuthenticationPrincipal SignedInUser user,
			@PathVariable String productKey, @PathVariable String itemKey,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @Valid @RequestBody ItemBody body) {
		ItemKey key = ItemKeys.inPath(productKey, itemKey);
		return withEtag(backlog.update(key, body.draft(productKey), Etags.versionFrom(ifMatch), user.id()));
	}

	@PatchMapping(path = "/{itemKey}", consumes = { "application/json", "application/merge-patch+json" })
	@Requires(Permission.WORK_ITEMS)
	@Operation(
			summary = "Change some fields and/or the status (If-Match required; force=true overrides the Definition of Ready)")
	ResponseEntity<BacklogJson.Item> patch(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@PathVariable String itemKey, @RequestHeader(name = "If-Match", required = false) String ifMatch,
			@RequestParam(defaultValue = "false") boolean force, @RequestBody Map<String, Object> body,
			@RequestAttribute(ProductAccess.ATTRIBUTE) ProductAccess access) {
		ItemKey key = ItemKeys.inPath(productKey, itemKey);
		long version = Etags.versionFrom(ifMatch);
		ItemPatch.checkAllowed(access, body, force);
		ItemPatch patch = ItemPatch.parse(productKey, body);
		return withEtag(backlog.edit(key, patch.fields(), patch.status(), version, force, user.id()));
	}

	@DeleteMapping("/{itemKey}")
	@Requires(Permission.EDIT_BACKLOG)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete an item without children (If-Match required)")
	void delete(@PathVariable String productKey, @PathVariable String itemKey,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		backlog.delete(ItemKeys.inPath(productKey, itemKey), Etags.versionFrom(ifMatch));
	}

	@PostMapping("/{itemKey}/move")
	@Requires(Permission.EDIT_BACKLOG)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Move an item to the top, the bottom, or before/after another item")
	void move(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey, @PathVariable String itemKey,
			@Valid @RequestBody MoveBody body) {
		backlog.move(ItemKeys.inPath(productKey, itemKey),
				ItemKeys.placement(body.position(), productKey, body.target()), user.id());
	}

	@GetMapping("/{itemKey}/readiness")
	@Operation(summary = "Whether the item meets the Definition of Ready, with the failing reasons")
	Readiness readiness(@PathVariable String productKey, @PathVariable String itemKey) {
		return backlog.item(ItemKeys.inPath(productKey, itemKey)).readiness();
	}

	@GetMapping("/{itemKey}/history")
	@Operation(summary = "Every change of the item, newest first")
	List<BacklogJson.History> history(@PathVariable String productKey, @PathVariable String itemKey) {
		return backlog.history(ItemKeys.inPath(productKey, itemKey)).stream().map(BacklogJson.History::of).toList();
	}

	private static ResponseEntity<BacklogJson.Item> withEtag(ItemView v) {
		return ResponseEntity.ok().eTag(Etags.of(v.version())).body(BacklogJson.Item.of(v));
	}

}
