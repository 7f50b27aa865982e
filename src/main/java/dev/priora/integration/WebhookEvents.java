package dev.priora.integration;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.priora.backlog.BacklogEvents;
import dev.priora.backlog.BacklogService;
import dev.priora.backlog.ItemView;
import dev.priora.feedback.FeedbackReceived;
import dev.priora.planning.PlanApplied;
import dev.priora.progress.SprintClosed;

/**
 * Turns product events into webhook deliveries, inside the transaction that caused them
 * (an outbox: a change that rolls back sends nothing).
 */
@Component
class WebhookEvents {

	private final Webhooks webhooks;

	private final BacklogService backlog;

	WebhookEvents(Webhooks webhooks, BacklogService backlog) {
		this.webhooks = webhooks;
		this.backlog = backlog;
	}

	@EventListener
	void on(BacklogEvents.ItemCreated e) {
		webhooks.publish(e.key().productKey(), "item.created", () -> item(e.key()));
	}

	@EventListener
	void on(BacklogEvents.ItemUpdated e) {
		webhooks.publish(e.key().productKey(), "item.updated", () -> item(e.key()));
	}

	@EventListener
	void on(BacklogEvents.ItemMoved e) {
		webhooks.publish(e.key().productKey(), "item.moved", () -> item(e.key()));
	}

	@EventListener
	void on(BacklogEvents.BacklogReordered e) {
		webhooks.publish(e.productKey(), "item.moved", () -> Map.of("reordered", e.moved()));
	}

	@EventListener
	void on(FeedbackReceived e) {
		webhooks.publish(e.productKey(), "feedback.received", () -> {
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("id", e.feedbackId());
			data.put("title", e.title());
			data.put("channel", e.channel());
			data.put("customerId", e.customerId());
			return data;
		});
	}

	@EventListener
	void on(PlanApplied e) {
		webhooks.publish(e.productKey(), "plan.applied",
				() -> Map.of("plan", e.planId(), "name", e.name(), "value", e.value(), "items", e.items()));
	}

	@EventListener
	void on(SprintClosed e) {
		webhooks.publish(e.productKey(), "sprint.closed", () -> {
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("sprint", e.sprintId());
			data.put("name", e.name());
			data.put("committed", e.committed());
			data.put("completed", e.completed());
			data.put("spillover", e.spillover());
			return data;
		});
	}

	private Map<String, Object> item(dev.priora.backlog.ItemKey key) {
		ItemView v = backlog.item(key);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("key", key.toString());
		data.put("type", v.type().name());
		data.put("title", v.title());
		data.put("status", v.status().name());
		data.put("estimate", v.estimate());
		data.put("version", v.version());
		return data;
	}

}
