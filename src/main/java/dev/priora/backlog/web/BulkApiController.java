package dev.priora.backlog.web;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;
import dev.priora.accounts.SignedInUser;
import dev.priora.backlog.BulkEdits;
import dev.priora.backlog.ItemPlans;
import dev.priora.backlog.ItemStatus;

/** Many items changed as one change, and its undo. */
@RestController
@Tag(name = "Items")
class BulkApiController {

	private final BulkEdits bulk;

	BulkApiController(BulkEdits bulk) {
		this.bulk = bulk;
	}

	/**
	 * What to change: any of status, estimate (from the scale), a label to add, a release
	 * or sprint ({@code {"id": 3}}; {@code {"id": null}} for none), a place.
	 */
	record BulkBody(@NotEmpty @Size(max = BulkEdits.MAX_ITEMS) List<@NotBlank @Size(max = 30) String> items,
			ItemStatus status, BigDecimal estimate, @Size(max = 50) String label, Ref release, Ref sprint,
			BulkEdits.Position position) {
	}

	/** A release or sprint by id; a null id means none. */
	record Ref(Long id) {

		static ItemPlans.Target target(Ref ref) {
			return ref == null ? null : new ItemPlans.Target(ref.id());
		}

	}

	/** The change made: its id for the undo, how many items, and what was done. */
	record BulkAnswer(long changeId, int items, String summary) {

		static BulkAnswer of(BulkEdits.BulkResult r) {
			return new BulkAnswer(r.changeId(), r.items(), r.summary());
		}

	}

	@PostMapping("/api/v1/products/{productKey}/bulk-changes")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Change many items at once, as one change that can be undone",
			description = "Every item is checked first; one refusal (a status its workflow does not allow, an estimate "
					+ "off the scale, an unknown item, a closed sprint, an item in a closed sprint) changes nothing."
					+ " release / sprint: {\"id\": 3} plans the items for it ({\"id\": null}: none), by the rules of"
					+ " PUT …/items/{itemKey}/release (a sprint brings its release; a new release keeps a sprint that"
					+ " fits). position TOP or BOTTOM keeps the items' order.")
	BulkAnswer apply(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@Valid @RequestBody BulkBody body) {
		var keys = body.items().stream().map(k -> ItemKeys.field("items", productKey, k)).toList();
		return BulkAnswer.of(bulk.apply(productKey, new BulkEdits.BulkChange(keys, body.status(), body.estimate(),
				body.label(), Ref.target(body.release()), Ref.target(body.sprint()), body.position()), user.id()));
	}

	@PostMapping("/api/v1/products/{productKey}/bulk-changes/{changeId}/undo")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Undo a bulk change: every field, the release and sprint, and the order as they were",
			description = "409 when an item was edited, moved or planned elsewhere since, a release or sprint it"
					+ " had was deleted or closed since, or the change was undone already.")
	BulkAnswer undo(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@PathVariable long changeId) {
		return BulkAnswer.of(bulk.undo(productKey, changeId, user.id()));
	}

}
