package dev.priora.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Collects the changes a transaction announces ({@link LiveChanges} turns the features'
 * events into them) and writes them to the change table once it has committed, in a
 * transaction of their own: a rolled-back change announces nothing. Outside a transaction
 * a change is written at once. Changes of one item in one transaction are written once,
 * with what changed merged; more than {@value #MANY} item changes of one product become a
 * single {@code order} change (the pages re-read their lists).
 */
@Component
class LiveRecorder {

	static final int MANY = 200;

	private static final Logger LOG = LoggerFactory.getLogger(LiveRecorder.class);

	private final LiveEventRepository events;

	private final TransactionTemplate separate;

	private final JsonMapper json;

	LiveRecorder(LiveEventRepository events, PlatformTransactionManager transactions, JsonMapper json) {
		this.events = events;
		this.json = json;
		this.separate = new TransactionTemplate(transactions);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Announces the change once the current transaction (if any) has committed. */
	void record(LiveChange change) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			write(List.of(change));
			return;
		}
		// the transaction's own synchronizations: an inner REQUIRES_NEW transaction has
		// its
		// own, the outer one's are suspended meanwhile
		Pending pending = TransactionSynchronizationManager.getSynchronizations()
			.stream()
			.filter(x -> x instanceof Pending p && p.owner() == this)
			.map(Pending.class::cast)
			.findFirst()
			.orElse(null);
		if (pending == null) {
			pending = new Pending();
			TransactionSynchronizationManager.registerSynchronization(pending);
		}
		pending.add(change);
	}

	private void write(List<LiveChange> changes) {
		try {
			separate.executeWithoutResult(status -> changes.forEach(c -> events.insert(c,
					json.writeValueAsString(c.itemKey() == null ? c.fields() : with(c.fields(), "key", c.itemKey())))));
		}
		catch (RuntimeException e) {
			// the change itself is committed; only its announcement is lost
			LOG.warn("Live updates: {} changes could not be recorded", changes.size(), e);
		}
	}

	private static Map<String, Object> with(Map<String, Object> fields, String name, Object value) {
		Map<String, Object> all = new LinkedHashMap<>(fields);
		all.put(name, value);
		return all;
	}

	/** One transaction's changes, merged, written after its commit. */
	private final class Pending implements TransactionSynchronization {

		private final Map<String, LiveChange> changes = new LinkedHashMap<>();

		void add(LiveChange c) {
			changes.merge(c.merge(), c, Pending::merged);
		}

		private static LiveChange merged(LiveChange a, LiveChange b) {
			Object what = a.fields().get("what");
			Object more = b.fields().get("what");
			if (what instanceof List<?> w && more instanceof List<?> m) {
				TreeSet<String> all = new TreeSet<>();
				w.forEach(x -> all.add(String.valueOf(x)));
				m.forEach(x -> all.add(String.valueOf(x)));
				return new LiveChange(b.type(), b.productKey(), b.userId(), b.itemKey(),
						with(b.fields(), "what", List.copyOf(all)));
			}
			return b;
		}

		@Override
		public void afterCommit() {
			if (!changes.isEmpty()) {
				write(condensed());
			}
		}

		LiveRecorder owner() {
			return LiveRecorder.this;
		}

		/** Item changes of a product beyond {@link #MANY} become one order change. */
		private List<LiveChange> condensed() {
			Map<String, Long> items = new LinkedHashMap<>();
			changes.values()
				.stream()
				.filter(c -> c.itemKey() != null)
				.forEach(c -> items.merge(c.productKey(), 1L, Long::sum));
			List<LiveChange> out = new ArrayList<>();
			items.forEach((product, n) -> {
				if (n > MANY) {
					out.add(new LiveChange(LiveChanges.ORDER, product, null, null, Map.of("changed", n)));
				}
			});
			for (LiveChange c : changes.values()) {
				if (c.itemKey() == null || items.get(c.productKey()) <= MANY) {
					out.add(c);
				}
			}
			return out;
		}

	}

}
