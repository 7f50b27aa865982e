package dev.priora.feedback.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
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
import dev.priora.feedback.Channel;
import dev.priora.feedback.CustomerSuggestions;
import dev.priora.feedback.Demand;
import dev.priora.feedback.FeedbackDraft;
import dev.priora.feedback.FeedbackFilter;
import dev.priora.feedback.FeedbackKind;
import dev.priora.feedback.FeedbackService;
import dev.priora.feedback.FeedbackStatus;
import dev.priora.feedback.FeedbackView;
import dev.priora.feedback.Importance;
import dev.priora.feedback.IntakeReceipt;
import dev.priora.feedback.SimilarView;
import dev.priora.feedback.engine.StoryDrafter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Feedback and its triage, links to items, duplicates and similar items, the story made
 * from feedback, and demand per item. Imports and pasted e-mails are
 * {@link FeedbackIntakeApiController}'s.
 */
@RestController
@Tag(name = "Feedback")
class FeedbackApiController {

	private static final String BASE = "/api/v1/products/{productKey}";

	private final FeedbackService feedback;

	private final CustomerSuggestions suggestions;

	FeedbackApiController(FeedbackService feedback, CustomerSuggestions suggestions) {
		this.suggestions = suggestions;
		this.feedback = feedback;
	}

	record FeedbackBody(@Size(max = 300) String title, @Size(max = FeedbackService.MAX_TEXT) String text,
			Long customerId, Long contactId, Instant receivedAt, @Size(max = 20) List<@Size(max = 50) String> tags,
			@Size(max = 100) String externalId) {
	}

	record StatusBody(@NotNull FeedbackStatus status) {
	}

	record LinkBody(@NotNull @Size(max = 30) String item, @NotNull Importance importance,
			@Size(max = 2000) String quote) {
	}

	record MergeBody(@NotNull Long into) {
	}

	record TextBody(@Size(max = 300) String title, @Size(max = FeedbackService.MAX_TEXT) String text) {
	}

	record Page(List<FeedbackView> feedback, String nextCursor) {
	}

	@GetMapping(BASE + "/feedback")
	@Operation(summary = "Feedback, newest first (sort=kind: by kind, then newest), filtered (e.g. kind=BUG);"
			+ " pass nextCursor as cursor for the next page")
	Page list(@PathVariable String productKey, @RequestParam(required = false) FeedbackStatus status,
			@RequestParam(required = false) Channel channel, @RequestParam(required = false) Long customer,
			@RequestParam(required = false) @Size(max = 100) String segment,
			@RequestParam(required = false) @Size(max = 50) String tag, @RequestParam(required = false) Instant from,
			@RequestParam(required = false) Instant to, @RequestParam(required = false) String kind,
			@RequestParam(defaultValue = "newest") String sort, @RequestParam(required = false) Long cursor,
			@RequestParam(defaultValue = "50") int limit) {
		if (!"newest".equals(sort) && !"kind".equals(sort)) {
			throw DomainProblem.invalid("sort", "must be newest or kind");
		}
		var items = feedback.page(productKey,
				new FeedbackFilter(status, channel, customer, segment, tag, from, to,
						kind == null || kind.isBlank() ? null : FeedbackKind.parse(kind), "kind".equals(sort)),
				cursor, limit);
		String next = items.size() == limit ? String.valueOf(items.get(items.size() - 1).id()) : null;
		return new Page(items, next);
	}

	@PostMapping(BASE + "/feedback")
	@Requires(Permission.SUBMIT_FEEDBACK)
	@Operation(summary = "Submit feedback (text required)",
			description = "Answers the feedback; to an intake-only token only its id and status (a customerId or"
					+ " contactId the product does not have is then left out, not refused).")
	ResponseEntity<?> create(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@Valid @RequestBody FeedbackBody body) {
		FeedbackDraft draft = new FeedbackDraft(body.title(), body.text(), body.customerId(), body.contactId(),
				Channel.API, body.receivedAt(), body.tags(), body.externalId());
		if (user.scope().intakeOnly()) {
			IntakeReceipt receipt = feedback.intake(productKey, draft, user.id());
			return ResponseEntity.created(location(productKey, receipt.id())).body(receipt);
		}
		FeedbackView f = feedback.create(productKey, draft, user.id());
		return ResponseEntity.created(location(productKey, f.id())).eTag(Etags.of(f.version())).body(f);
	}

	static URI location(String productKey, long id) {
		return URI.create("/api/v1/products/" + productKey + "/feedback/" + id);
	}

	@PostMapping(BASE + "/feedback/{id}/customer-suggestion/confirm")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Confirm the suggested customer: the feedback becomes its, the sender one of its contacts")
	FeedbackView confirmSuggestion(@PathVariable String productKey, @PathVariable long id) {
		return suggestions.confirm(productKey, id);
	}

	@DeleteMapping(BASE + "/feedback/{id}/customer-suggestion")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Dismiss the suggested customer")
	FeedbackView dismissSuggestion(@PathVariable String productKey, @PathVariable long id) {
		return suggestions.dismiss(productKey, id);
	}

	record BulkBody(@NotNull @Size(min = 1, max = FeedbackService.MAX_BULK) List<@NotNull Long> ids,
			FeedbackStatus status, @Size(max = 30) String item, Importance importance) {
	}

	@PostMapping(BASE + "/feedback/bulk")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Triage many at once: a status (TRIAGED, DECLINED, ARCHIVED) or a link to an item",
			description = "All or nothing: if one feedback cannot take the action, nothing changes (409 naming it).")
	List<FeedbackView> bulk(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@Valid @RequestBody BulkBody body) {
		return feedback.bulk(productKey, body.ids(), body.status(),
				body.item() == null ? null : key(productKey, body.item()), body.importance(), user.id());
	}

	@GetMapping(BASE + "/feedback/{id}")
	@Operation(summary = "One piece of feedback with its links")
	ResponseEntity<FeedbackView> get(@PathVariable String productKey, @PathVariable long id) {
		FeedbackView f = feedback.get(productKey, id);
		return ResponseEntity.ok().eTag(Etags.of(f.version())).body(f);
	}

	@PatchMapping(BASE + "/feedback/{id}")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Triage: change the status (If-Match required)")
	ResponseEntity<FeedbackView> triage(@PathVariable String productKey, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @Valid @RequestBody StatusBody body) {
		FeedbackView f = feedback.changeStatus(productKey, id, body.status(), Etags.versionFrom(ifMatch));
		return ResponseEntity.ok().eTag(Etags.of(f.version())).body(f);
	}

	record CustomerBody(@NotNull Long customerId, Long contactId) {
	}

	@PutMapping(BASE + "/feedback/{id}/customer")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Set who the feedback is from (a customer and optionally one of its contacts)")
	FeedbackView assignCustomer(@PathVariable String productKey, @PathVariable long id,
			@Valid @RequestBody CustomerBody body) {
		return feedback.assignCustomer(productKey, id, body.customerId(), body.contactId());
	}

	@DeleteMapping(BASE + "/feedback/{id}/customer")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Forget who the feedback is from")
	FeedbackView clearCustomer(@PathVariable String productKey, @PathVariable long id) {
		return feedback.assignCustomer(productKey, id, null, null);
	}

	@PostMapping(BASE + "/feedback/{id}/links")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Link to an item with an importance and the quote that matters")
	FeedbackView link(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@PathVariable long id, @Valid @RequestBody LinkBody body) {
		return feedback.link(productKey, id, key(productKey, body.item()), body.importance(), body.quote(), user.id());
	}

	@DeleteMapping(BASE + "/feedback/{id}/links/{itemKey}")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Remove a link to an item")
	FeedbackView unlink(@PathVariable String productKey, @PathVariable long id, @PathVariable String itemKey) {
		return feedback.unlink(productKey, id, ItemKey.inProduct(productKey, itemKey));
	}

	@PostMapping(BASE + "/feedback/{id}/merge")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Merge this duplicate into other feedback: both texts kept, the customer counted once")
	FeedbackView merge(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@PathVariable long id, @Valid @RequestBody MergeBody body) {
		return feedback.merge(productKey, id, body.into(), user.id());
	}

	@GetMapping(BASE + "/feedback/{id}/similar")
	@Operation(summary = "Feedback and items most similar to this feedback, scored")
	List<SimilarView> similar(@PathVariable String productKey, @PathVariable long id,
			@RequestParam(defaultValue = "10") int limit) {
		return feedback.similarTo(productKey, id, limit);
	}

	@PostMapping(BASE + "/similar")
	@Requires(Permission.READ)
	@Operation(summary = "Feedback and items most similar to a text, scored")
	List<SimilarView> similarToText(@PathVariable String productKey, @Valid @RequestBody TextBody body,
			@RequestParam(defaultValue = "10") int limit) {
		return feedback.similarTo(productKey, body.title(), body.text(), limit);
	}

	record StoryBody(@NotNull @Size(max = 300) String title, @Size(max = 50_000) String description,
			@Size(max = 100) List<@Size(max = 1000) String> acceptanceCriteria) {
	}

	record CreatedStory(String item) {
	}

	@GetMapping(BASE + "/feedback/{id}/story-draft")
	@Operation(summary = "A user-story draft from the feedback (As a …, I want …, so that …) to edit before saving")
	StoryDrafter.Draft storyDraft(@PathVariable String productKey, @PathVariable long id) {
		return feedback.storyDraft(productKey, id);
	}

	@PostMapping(BASE + "/feedback/{id}/story")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Create a user story from the feedback (as edited) and link the feedback to it")
	ResponseEntity<CreatedStory> story(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@PathVariable long id, @Valid @RequestBody StoryBody body) {
		ItemKey item = feedback.convertToStory(productKey, id, body.title(), body.description(),
				body.acceptanceCriteria(), user.id());
		return ResponseEntity.created(URI.create("/api/v1/products/" + productKey + "/items/" + item))
			.body(new CreatedStory(item.toString()));
	}

	@GetMapping(BASE + "/items/{itemKey}/demand")
	@Operation(summary = "Customer demand for an item: customers, revenue, importance, per segment")
	Demand demand(@PathVariable String productKey, @PathVariable String itemKey) {
		return feedback.demand(productKey, ItemKey.inProduct(productKey, itemKey));
	}

	private static ItemKey key(String productKey, String text) {
		String full = text.strip().chars().allMatch(Character::isDigit)
				? productKey.toUpperCase(java.util.Locale.ROOT) + "-" + text.strip() : text;
		return ItemKey.parse(full).orElseThrow(() -> DomainProblem.invalid("item", "'" + text + "' is no item key"));
	}

}
