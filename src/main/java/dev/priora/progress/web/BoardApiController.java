package dev.priora.progress.web;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;
import dev.priora.accounts.SignedInUser;
import dev.priora.problem.DomainProblem;
import dev.priora.backlog.ItemStatus;
import dev.priora.progress.Board;
import dev.priora.progress.BoardService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The sprint board as JSON and its WIP limits. Cards move by changing the item's status
 * ({@code PATCH …/items/{itemKey}}).
 */
@RestController
@Tag(name = "Board")
class BoardApiController {

	private static final String BASE = "/api/v1/products/{productKey}/board";

	private final BoardService boards;

	BoardApiController(BoardService boards) {
		this.boards = boards;
	}

	/** WIP limits by column status; a missing or null limit means none. */
	record WipLimits(@NotNull Map<String, Integer> limits) {
	}

	@GetMapping(BASE)
	@Operation(summary = "The board of a sprint (default: the running one) or a release: columns, lanes, cards")
	Board board(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@RequestParam(required = false) Long sprint, @RequestParam(required = false) Long release,
			@RequestParam(required = false) String lanes, @RequestParam(defaultValue = "false") boolean mine) {
		return boards.board(productKey, new BoardService.Query(sprint, release, Board.Lanes.of(lanes), mine),
				user.email());
	}

	@GetMapping(BASE + "/wip-limits")
	@Operation(summary = "The board's work-in-progress limits by status")
	WipLimits limits(@PathVariable String productKey) {
		return body(boards.wipLimits(productKey));
	}

	@PutMapping(BASE + "/wip-limits")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Replace the board's work-in-progress limits (1 to 999 per status; null or missing: none)")
	WipLimits setLimits(@PathVariable String productKey, @Valid @RequestBody WipLimits body) {
		Map<ItemStatus, Integer> limits = new EnumMap<>(ItemStatus.class);
		body.limits().forEach((status, limit) -> limits.put(status(status), limit));
		return body(boards.setWipLimits(productKey, limits));
	}

	private static ItemStatus status(String text) {
		try {
			ItemStatus s = ItemStatus.valueOf(text.strip().toUpperCase(java.util.Locale.ROOT));
			if (Board.STATUSES.contains(s)) {
				return s;
			}
		}
		catch (IllegalArgumentException e) {
			// named below
		}
		throw DomainProblem.invalid("limits", "'" + text + "' is not a column; the columns are " + Board.STATUSES);
	}

	private static WipLimits body(Map<ItemStatus, Integer> limits) {
		Map<String, Integer> out = new LinkedHashMap<>();
		limits.forEach((s, l) -> out.put(s.name(), l));
		return new WipLimits(out);
	}

}
