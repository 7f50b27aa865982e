package dev.priora.feedback;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.priora.problem.DomainProblem;
import dev.priora.backlog.ItemIds;
import dev.priora.backlog.ItemKey;

/**
 * Reads feedback for the other feedback services: one or many as views (tags and links in
 * one query each), a row that must exist (404 otherwise) or be at a version (409), and
 * the id of an item that must be the product's (400 naming {@code item}, or 404).
 */
@Component
class FeedbackReads {

	private final FeedbackRepository feedback;

	private final ItemIds itemIds;

	FeedbackReads(FeedbackRepository feedback, ItemIds itemIds) {
		this.feedback = feedback;
		this.itemIds = itemIds;
	}

	FeedbackView get(String key, long id) {
		return views(key, List.of(row(key, id))).get(0);
	}

	List<FeedbackView> views(String key, List<FeedbackRepository.Row> rows) {
		List<Long> ids = rows.stream().map(FeedbackRepository.Row::id).toList();
		var tags = feedback.tags(ids);
		var links = feedback.links(key, ids);
		return rows.stream()
			.map(r -> new FeedbackView(r.id(), r.title(), r.text(), r.customerId(), r.customerName(), r.contactId(),
					r.channel(), r.receivedAt(), r.status(), tags.getOrDefault(r.id(), List.of()), r.externalId(),
					r.mergedInto(), links.getOrDefault(r.id(), List.of()), r.version(), r.submitterName(),
					r.submitterEmail(), r.suggestedCustomerId(), r.suggestedCustomerName(), r.kind(),
					r.kindConfidence(), r.kindSource(), r.sentiment()))
			.toList();
	}

	FeedbackRepository.Row row(String key, long id) {
		return feedback.find(key, id).orElseThrow(() -> DomainProblem.notFound("Feedback " + id));
	}

	FeedbackRepository.Row current(String key, long id, long expectedVersion) {
		var row = row(key, id);
		if (row.version() != expectedVersion) {
			throw DomainProblem.stale("Feedback " + id, row.version(), "someone");
		}
		return row;
	}

	long itemId(String key, ItemKey item) {
		if (item == null || !item.productKey().equals(key)) {
			throw DomainProblem.invalid("item", (item == null ? "an item" : item) + " is not in product " + key);
		}
		return itemIds.find(item).orElseThrow(() -> DomainProblem.invalid("item", item + " does not exist")).value();
	}

	/** The id of an item of the product; 404 when it is another product's or none. */
	long existingItemId(String key, ItemKey item) {
		return itemIds.inProduct(key, item).value();
	}

}
