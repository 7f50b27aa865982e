package dev.priora.feedback;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

/**
 * Computes an item's demand from the feedback linked to it, and keeps the per-item
 * summary ({@code item_demand}) that the backlog sorts and filters by and prioritization
 * reads. Callers refresh the items whose links or customers changed, inside their own
 * transaction.
 */
@Component
class DemandStore {

	private final DemandRepository demand;

	private final FeedbackRepository feedback;

	private final Clock clock;

	DemandStore(DemandRepository demand, FeedbackRepository feedback, Clock clock) {
		this.demand = demand;
		this.feedback = feedback;
		this.clock = clock;
	}

	/** Each customer counted once, at their highest importance. */
	static Demand compute(List<FeedbackRepository.DemandRow> rows) {
		Map<Long, FeedbackRepository.DemandRow> byCustomer = new HashMap<>();
		int anonymous = 0;
		for (var r : rows) {
			if (r.customerId() == null) {
				anonymous++;
			}
			else {
				byCustomer.merge(r.customerId(), r,
						(a, b) -> a.importance().weight() >= b.importance().weight() ? a : b);
			}
		}
		Map<String, BigDecimal> revenue = new TreeMap<>();
		Map<String, int[]> segments = new TreeMap<>();
		int importance = 0;
		for (var r : byCustomer.values()) {
			importance += r.importance().weight();
			if (r.revenue() != null) {
				revenue.merge(r.currency(), r.revenue(), BigDecimal::add);
			}
			int[] s = segments.computeIfAbsent(r.segment() == null || r.segment().isEmpty() ? "(none)" : r.segment(),
					k -> new int[2]);
			s[0]++;
			s[1] += r.importance().weight();
		}
		Map<String, Demand.Segment> bySegment = new LinkedHashMap<>();
		segments.forEach((k, v) -> bySegment.put(k, new Demand.Segment(v[0], v[1])));
		return new Demand(byCustomer.size(), revenue, importance, bySegment, anonymous);
	}

	/** Recomputes the summary of the given items (rows for items without links go). */
	void refresh(Collection<Long> itemIds) {
		for (long itemId : itemIds) {
			List<FeedbackRepository.DemandRow> rows = feedback.demand(itemId);
			demand.delete(itemId);
			if (rows.isEmpty()) {
				continue;
			}
			Demand d = compute(rows);
			// the currency most of the revenue is reported in; ties go to the larger
			// total
			var main = d.revenue()
				.entrySet()
				.stream()
				.max(Map.Entry.<String, BigDecimal>comparingByValue())
				.orElse(null);
			demand.insert(itemId, d.customers(), d.importance(), main == null ? null : main.getValue(),
					main == null ? null : main.getKey(), rows.size(), clock.instant());
		}
	}

	/** Items linked to any of the feedback. */
	List<Long> itemsOfFeedback(Collection<Long> feedbackIds) {
		if (feedbackIds.isEmpty()) {
			return List.of();
		}
		return demand.itemsOfFeedback(feedbackIds);
	}

	/** Items linked to feedback of the customer. */
	List<Long> itemsOfCustomer(long customerId) {
		return demand.itemsOfCustomer(customerId);
	}

}
