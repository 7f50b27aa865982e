package dev.priora.live;

import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.priora.backlog.BacklogEvents.BacklogReordered;
import dev.priora.backlog.BacklogEvents.CommentAdded;
import dev.priora.backlog.BacklogEvents.ItemCreated;
import dev.priora.backlog.BacklogEvents.ItemMoved;
import dev.priora.backlog.BacklogEvents.ItemUpdated;
import dev.priora.backlog.BacklogEvents.StatusChanged;
import dev.priora.backlog.ItemKey;
import dev.priora.feedback.FeedbackReceived;
import dev.priora.notifications.NotificationsWritten;
import dev.priora.planning.PlanApplied;
import dev.priora.progress.ItemAssigned;
import dev.priora.progress.ItemReviewed;
import dev.priora.progress.SprintClosed;
import dev.priora.refinement.poker.PokerChanged;

/**
 * Turns the features' events into changes to announce, in the publishing transaction
 * ({@link LiveRecorder} writes them after it commits). The stream's event names:
 * {@value #ITEM} (an item: {@code key}, {@code what} changed — created, fields, status,
 * order, assignee, comment, review; a status change is a card moving on the board),
 * {@value #ORDER} (the product's order or many items at once), {@value #PLAN} (a plan
 * applied, a sprint closed), {@value #FEEDBACK} (new feedback in the inbox),
 * {@value #NOTIFICATION} (new notifications for one person: the bell) and {@value #POKER}
 * (a planning poker session changed: {@code session}, its id, and {@code what} happened;
 * never a card).
 */
@Component
class LiveChanges {

	static final String ITEM = "item";

	static final String ORDER = "order";

	static final String PLAN = "plan";

	static final String FEEDBACK = "feedback";

	static final String NOTIFICATION = "notification";

	static final String POKER = "poker";

	private final LiveRecorder recorder;

	LiveChanges(LiveRecorder recorder) {
		this.recorder = recorder;
	}

	@EventListener
	void on(ItemCreated e) {
		item(e.key(), "created");
	}

	@EventListener
	void on(ItemUpdated e) {
		item(e.key(), "fields");
	}

	@EventListener
	void on(ItemMoved e) {
		item(e.key(), "order");
	}

	@EventListener
	void on(StatusChanged e) {
		item(e.key(), "status");
	}

	@EventListener
	void on(CommentAdded e) {
		item(e.key(), "comment");
	}

	@EventListener
	void on(ItemAssigned e) {
		item(e.item(), "assignee");
	}

	@EventListener
	void on(ItemReviewed e) {
		item(e.item(), "review");
	}

	@EventListener
	void on(BacklogReordered e) {
		recorder.record(new LiveChange(ORDER, e.productKey(), null, null, Map.of("changed", e.moved())));
	}

	@EventListener
	void on(PlanApplied e) {
		recorder.record(new LiveChange(PLAN, e.productKey(), null, null,
				Map.of("name", clip(e.name()), "moved", e.moved().size())));
	}

	@EventListener
	void on(SprintClosed e) {
		recorder.record(new LiveChange(PLAN, e.productKey(), null, null, Map.of("name", clip(e.name()))));
	}

	@EventListener
	void on(FeedbackReceived e) {
		recorder.record(new LiveChange(FEEDBACK, e.productKey(), null, null,
				Map.of("id", e.feedbackId(), "title", clip(e.title()))));
	}

	@EventListener
	void on(NotificationsWritten e) {
		for (long user : e.users()) {
			recorder.record(new LiveChange(NOTIFICATION, e.productKey(), user, null, Map.of()));
		}
	}

	@EventListener
	void on(PokerChanged e) {
		recorder.record(
				new LiveChange(POKER, e.productKey(), null, null, Map.of("session", e.sessionId(), "what", e.what())));
	}

	private static String clip(String text) {
		return text == null ? "" : text.length() <= 200 ? text : text.substring(0, 200);
	}

	private void item(ItemKey key, String what) {
		recorder.record(new LiveChange(ITEM, key.productKey(), null, key.toString(), Map.of("what", List.of(what))));
	}

}
