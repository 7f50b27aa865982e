package dev.priora.backlog;

import dev.priora.problem.DomainProblem;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.priora.accounts.UserId;
import dev.priora.backlog.BacklogEvents.ItemUpdated;
import dev.priora.backlog.BacklogEvents.StatusChanged;
import dev.priora.backlog.HistoryRepository.Change;

/**
 * An item's status along the workflow: only the transitions {@link ItemStatus} allows,
 * READY only when the Definition of Ready holds (or forced, which the history notes with
 * the reasons), each change recorded with its reason.
 */
@Component
class StatusWorkflow {

	private final ItemRows rows;

	private final ItemViews views;

	private final HistoryRepository history;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	StatusWorkflow(ItemRows rows, ItemViews views, HistoryRepository history, ApplicationEventPublisher events,
			Clock clock) {
		this.rows = rows;
		this.views = views;
		this.history = history;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Moves the item to {@code target} when {@code expectedVersion} is current; nothing
	 * happens when it has that status already.
	 */
	void change(ProductView product, ItemKey key, ItemStatus target, long expectedVersion, boolean force, UserId user,
			String reason) {
		ItemRow row = views.checkVersion(rows.row(product, key), expectedVersion);
		if (target == null) {
			throw DomainProblem.invalid("status", "is required");
		}
		if (row.status() == target) {
			return;
		}
		if (!row.status().canChangeTo(target)) {
			throw BacklogProblems.invalidTransition(key, row.status(), target);
		}
		String note = note(readinessNote(product, row, key, target, force), reason);
		Instant now = clock.instant();
		ItemRow updated = new ItemRow(row.id(), row.productId(), row.number(), row.type(), row.title(),
				row.description(), row.estimate(), target, row.parentId(), row.rank(), row.createdAt(), row.createdBy(),
				now, user.value(), row.version());
		rows.write(product, updated, expectedVersion, key);
		history.record(row.id(), List.of(new Change("status", row.status().name(), target.name(), note)), user.value(),
				now);
		events.publishEvent(new ItemUpdated(new ItemId(row.id()), key, expectedVersion + 1));
		events.publishEvent(new StatusChanged(new ItemId(row.id()), key, row.title(), row.status(), target, user));
	}

	/**
	 * For a move to READY: refuses an item that is not ready unless forced, and names
	 * what a forced move overrode; null otherwise.
	 */
	private String readinessNote(ProductView product, ItemRow row, ItemKey key, ItemStatus target, boolean force) {
		if (target != ItemStatus.READY) {
			return null;
		}
		Readiness readiness = views.readiness(product, row);
		if (!readiness.ready() && !force) {
			throw BacklogProblems.notReady(key, readiness.reasons());
		}
		return readiness.ready() ? null : "forced ready despite: " + String.join("; ", readiness.reasons());
	}

	private static String note(String readiness, String reason) {
		if (reason == null || reason.isBlank()) {
			return readiness;
		}
		return readiness == null ? reason.strip() : reason.strip() + "; " + readiness;
	}

}
