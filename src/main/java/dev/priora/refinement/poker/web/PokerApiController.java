package dev.priora.refinement.poker.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;
import dev.priora.accounts.SignedInUser;
import dev.priora.refinement.poker.PokerSession;
import dev.priora.refinement.poker.PokerSessions;
import dev.priora.refinement.poker.SessionListing;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Planning poker over JSON. A session's answer is what the caller may see: before the
 * reveal, only their own card ({@code current.myCard}); {@code participants} say who has
 * voted, not what. Commands on the current item may name it ({@code item}): a command for
 * an item that is no longer current is refused (409) rather than applied to the next.
 */
@RestController
@Tag(name = "Refinement sessions (planning poker)")
class PokerApiController {

	private static final String BASE = "/api/v1/products/{productKey}/refinement/sessions";

	private final PokerSessions sessions;

	PokerApiController(PokerSessions sessions) {
		this.sessions = sessions;
	}

	record CreateBody(@Size(max = 200) String name, @Size(max = 50) List<@NotNull @Size(max = 40) String> items) {
	}

	record VoteBody(@Size(max = 40) String item, @NotNull @Size(max = 20) String card) {
	}

	record ItemBody(@Size(max = 40) String item) {
	}

	record AcceptBody(@Size(max = 40) String item, @NotNull BigDecimal estimate) {
	}

	record Candidate(String key, String title, BigDecimal estimate) {
	}

	@GetMapping(BASE)
	@Operation(summary = "The product's sessions, newest first")
	List<SessionListing> list(@PathVariable String productKey) {
		return sessions.list(productKey);
	}

	@GetMapping("/api/v1/products/{productKey}/refinement/candidates")
	@Operation(summary = "The items a new session takes by default: new, not ready, no epics, in backlog order")
	List<Candidate> candidates(@PathVariable String productKey) {
		return sessions.candidates(productKey)
			.stream()
			.map(i -> new Candidate(i.key().toString(), i.title(), i.estimate()))
			.toList();
	}

	@PostMapping(BASE)
	@Requires(Permission.RUN_REFINEMENT)
	@Operation(summary = "Start a session of these items (keys, in order; left out: the first 10 candidates)")
	ResponseEntity<PokerSession> create(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@Valid @RequestBody CreateBody body) {
		PokerSession s = sessions.create(productKey, body.name(), body.items(), user.id());
		return ResponseEntity
			.created(URI.create("/api/v1/products/" + s.productKey() + "/refinement/sessions/" + s.id()))
			.body(s);
	}

	@GetMapping(BASE + "/{id}")
	@Operation(summary = "The session as the caller sees it (no other member's card before the reveal)")
	PokerSession get(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@PathVariable long id) {
		return sessions.get(productKey, id, user.id());
	}

	@PostMapping(BASE + "/{id}/join")
	@Requires(Permission.WORK_ITEMS)
	@Operation(summary = "Join the session")
	PokerSession join(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@PathVariable long id) {
		return sessions.join(productKey, id, user.id());
	}

	@PostMapping(BASE + "/{id}/vote")
	@Requires(Permission.WORK_ITEMS)
	@Operation(
			summary = "Vote a card of the product's scale, ? or coffee on the current item (secret until the reveal)")
	PokerSession vote(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@PathVariable long id, @Valid @RequestBody VoteBody body) {
		return sessions.vote(productKey, id, body.item(), body.card(), user.id());
	}

	@PostMapping(BASE + "/{id}/reveal")
	@Requires(Permission.RUN_REFINEMENT)
	@Operation(summary = "Reveal the current item's votes to everyone")
	PokerSession reveal(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@PathVariable long id, @Valid @RequestBody(required = false) ItemBody body) {
		return sessions.reveal(productKey, id, item(body), user.id());
	}

	@PostMapping(BASE + "/{id}/accept")
	@Requires(Permission.RUN_REFINEMENT)
	@Operation(summary = "Accept a value of the scale as the current item's estimate (after the reveal) and move on")
	PokerSession accept(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@PathVariable long id, @Valid @RequestBody AcceptBody body) {
		return sessions.accept(productKey, id, body.item(), body.estimate(), user.id());
	}

	@PostMapping(BASE + "/{id}/revote")
	@Requires(Permission.RUN_REFINEMENT)
	@Operation(summary = "Vote again on the current item: every card is put back")
	PokerSession revote(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@PathVariable long id, @Valid @RequestBody(required = false) ItemBody body) {
		return sessions.revote(productKey, id, item(body), user.id());
	}

	@PostMapping(BASE + "/{id}/skip")
	@Requires(Permission.RUN_REFINEMENT)
	@Operation(summary = "Leave the current item as it is and move on")
	PokerSession skip(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@PathVariable long id, @Valid @RequestBody(required = false) ItemBody body) {
		return sessions.skip(productKey, id, item(body), user.id());
	}

	@PostMapping(BASE + "/{id}/close")
	@Requires(Permission.RUN_REFINEMENT)
	@Operation(summary = "Close the session: no more votes; the summary stays")
	PokerSession close(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@PathVariable long id) {
		return sessions.close(productKey, id, user.id());
	}

	private static String item(ItemBody body) {
		return body == null ? null : body.item();
	}

}
