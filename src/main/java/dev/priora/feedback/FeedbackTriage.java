package dev.priora.feedback;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.priora.accounts.UserId;
import dev.priora.problem.DomainProblem;
import dev.priora.backlog.ItemKey;

/**
 * Triage of feedback for {@link FeedbackService} (which resolves the product and holds
 * the transaction): status changes, links to items, the customer it is from, bulk actions
 * and merging duplicates; the demand of the items concerned follows.
 */
@Component
class FeedbackTriage {

	private final FeedbackRepository feedback;

	private final FeedbackReads reads;

	private final CustomerService customers;

	private final DemandStore demandStore;

	private final FeedbackIndex index;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	FeedbackTriage(FeedbackRepository feedback, FeedbackReads reads, CustomerService customers, DemandStore demand,
			FeedbackIndex index, Clock clock, ApplicationEventPublisher events) {
		this.feedback = feedback;
		this.reads = reads;
		this.customers = customers;
		this.demandStore = demand;
		this.index = index;
		this.clock = clock;
		this.events = events;
	}

	FeedbackView changeStatus(String key, long id, FeedbackStatus target, long expectedVersion) {
		var row = reads.current(key, id, expectedVersion);
		if (target == null || target == FeedbackStatus.LINKED || !row.status().next().contains(target)) {
			throw DomainProblem.conflict("invalid-transition", "Feedback " + id + " cannot go from " + row.status()
					+ " to " + target + "; link it to an item to make it LINKED.");
		}
		feedback.update(id, row.title(), row.text(), row.customerId(), target, row.mergedInto(), clock.instant());
		return reads.get(key, id);
	}

	FeedbackView link(String key, long id, ItemKey item, Importance importance, String quote, UserId user) {
		var row = reads.row(key, id);
		if (row.mergedInto() != null) {
			throw DomainProblem.conflict("merged", "Feedback " + id + " was merged into " + row.mergedInto() + ".");
		}
		long itemId = reads.itemId(key, item);
		String q = quote == null ? "" : quote.strip();
		if (q.length() > 2000 || FeedbackDrafts.CONTROL.matcher(q).find()) {
			throw DomainProblem.invalid("quote", "must be at most 2000 characters without control characters");
		}
		if (importance == null) {
			throw DomainProblem.invalid("importance", "is required: NICE_TO_HAVE, IMPORTANT or CRITICAL");
		}
		feedback.link(id, itemId, importance, q, user.value(), clock.instant());
		feedback.update(id, row.title(), row.text(), row.customerId(), FeedbackStatus.LINKED, null, clock.instant());
		demandStore.refresh(List.of(itemId));
		events.publishEvent(new FeedbackLinked(key, id, item, importance, user));
		return reads.get(key, id);
	}

	FeedbackView unlink(String key, long id, ItemKey item) {
		var row = reads.row(key, id);
		long itemId = reads.itemId(key, item);
		if (!feedback.unlink(id, itemId)) {
			throw DomainProblem.notFound("The link of feedback " + id + " to " + item);
		}
		demandStore.refresh(List.of(itemId));
		events.publishEvent(new FeedbackUnlinked(key, id, item));
		if (row.status() == FeedbackStatus.LINKED && feedback.linkCount(id) == 0) {
			feedback.update(id, row.title(), row.text(), row.customerId(), FeedbackStatus.TRIAGED, null,
					clock.instant());
		}
		return reads.get(key, id);
	}

	FeedbackView assignCustomer(String key, long id, Long customerId, Long contactId) {
		var row = reads.row(key, id);
		if (customerId != null) {
			CustomerView c;
			try {
				c = customers.get(key, customerId);
			}
			catch (DomainProblem e) {
				throw DomainProblem.invalid("customerId", "no customer " + customerId + " in product " + key);
			}
			if (contactId != null && c.contacts().stream().noneMatch(x -> x.id() == contactId)) {
				throw DomainProblem.invalid("contactId", "is not a contact of customer " + customerId);
			}
		}
		else if (contactId != null) {
			throw DomainProblem.invalid("contactId", "needs a customerId");
		}
		feedback.update(id, row.title(), row.text(), customerId, row.status(), row.mergedInto(), clock.instant());
		feedback.setContact(id, contactId);
		feedback.suggestCustomer(id, null);
		demandStore.refresh(demandStore.itemsOfFeedback(List.of(id)));
		return reads.get(key, id);
	}

	List<FeedbackView> bulk(String key, List<Long> ids, FeedbackStatus status, ItemKey item, Importance importance,
			UserId user) {
		if (ids == null || ids.isEmpty() || ids.size() > FeedbackService.MAX_BULK) {
			throw DomainProblem.invalid("ids", "name 1 to " + FeedbackService.MAX_BULK + " feedback");
		}
		if ((status == null) == (item == null)) {
			throw DomainProblem.invalid("action", "give either a status or an item to link to");
		}
		List<Long> distinct = ids.stream().distinct().toList();
		refuseBulk(key, distinct, status, item);
		for (long id : distinct) {
			if (status != null) {
				var row = reads.row(key, id);
				feedback.update(id, row.title(), row.text(), row.customerId(), status, row.mergedInto(),
						clock.instant());
			}
			else {
				link(key, id, item, importance == null ? Importance.IMPORTANT : importance, "", user);
			}
		}
		return reads.views(key, distinct.stream().map(id -> reads.row(key, id)).toList());
	}

	/** 409 naming every feedback that cannot take the bulk action, before any changes. */
	private void refuseBulk(String key, List<Long> ids, FeedbackStatus status, ItemKey item) {
		List<String> refused = new ArrayList<>();
		for (long id : ids) {
			var row = feedback.find(key, id).orElseThrow(() -> DomainProblem.invalid("ids", "no feedback " + id));
			if (status != null && (status == FeedbackStatus.LINKED || !row.status().next().contains(status))) {
				refused.add(id + " (" + row.status().name().toLowerCase(Locale.ROOT) + ")");
			}
			if (item != null && row.mergedInto() != null) {
				refused.add(id + " (merged)");
			}
		}
		if (!refused.isEmpty()) {
			throw DomainProblem.conflict("invalid-transition",
					"Nothing changed: feedback " + String.join(", ", refused) + " cannot be "
							+ (status != null ? "moved to " + status.name().toLowerCase(Locale.ROOT) : "linked") + ".");
		}
	}

	FeedbackView merge(String key, long duplicateId, long intoId, UserId user) {
		if (duplicateId == intoId) {
			throw DomainProblem.invalid("into", "feedback cannot be merged into itself");
		}
		var duplicate = reads.row(key, duplicateId);
		var into = reads.row(key, intoId);
		if (duplicate.mergedInto() != null || into.mergedInto() != null) {
			throw DomainProblem.conflict("merged", "Merged feedback cannot be merged again.");
		}
		feedback.copyLinks(duplicateId, intoId, user.value(), clock.instant());
		demandStore.refresh(demandStore.itemsOfFeedback(List.of(duplicateId, intoId)));
		feedback.update(duplicateId, duplicate.title(), duplicate.text(), duplicate.customerId(),
				FeedbackStatus.ARCHIVED, intoId, clock.instant());
		if (feedback.linkCount(intoId) > 0 && into.status() != FeedbackStatus.LINKED) {
			feedback.update(intoId, into.title(), into.text(), into.customerId(), FeedbackStatus.LINKED, null,
					clock.instant());
		}
		index.remove(key, duplicateId);
		return reads.get(key, intoId);
	}

}
