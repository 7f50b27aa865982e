package dev.priora.progress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.backlog.ItemStatus;
import dev.priora.planning.ReleaseStatus;
import dev.priora.planning.ReleaseView;
import dev.priora.planning.PlanningService;

/**
 * Promise dates per customer: the date by which everything a customer asked for (the
 * items its linked feedback maps to) is done, at 50 and 85 % — the latest of the
 * sequenced forecasts of the releases those items are in (the board's, or an optimizer
 * plan's releases as the plan would leave them). No date while an open item is in no
 * unreleased release or its release has no forecast.
 */
@Service
public class CustomerPromises {

	/**
	 * A customer's promise: the items asked for and still open, the release that decides
	 * the date, the dates at 50 and 85 % (null: none can be given, {@code why} says why).
	 */
	public record Promise(long customerId, String customer, int asked, int open, String release, LocalDate p50,
			LocalDate p85, String why) {
	}

	private final PlanningService planning;

	private final ReleaseForecasts forecasts;

	private final ProgressRepository repository;

	private final PlanForecasts plans;

	CustomerPromises(PlanningService planning, ReleaseForecasts forecasts, ProgressRepository repository,
			PlanForecasts plans) {
		this.plans = plans;
		this.planning = planning;
		this.forecasts = forecasts;
		this.repository = repository;
	}

	/** Every customer with linked items, on the board as it is. */
	@Transactional(readOnly = true)
	public List<Promise> all(String productKey) {
		String key = productKey.toUpperCase(Locale.ROOT);
		List<ReleaseView> sequence = planning.board(key)
			.releases()
			.stream()
			.filter(r -> r.status() != ReleaseStatus.RELEASED)
			.toList();
		return of(key, sequence);
	}

	/**
	 * Every customer's promise under an optimizer plan: its releases as the plan would
	 * leave them (404 for an unknown plan, 409 while it has no result).
	 */
	@Transactional(readOnly = true)
	public List<Promise> underPlan(String productKey, long planId) {
		String key = productKey.toUpperCase(Locale.ROOT);
		return of(key, plans.sequence(key, planId));
	}

	/** One customer's promise (null when it asked for nothing linked). */
	@Transactional(readOnly = true)
	public Promise of(String productKey, long customerId) {
		return all(productKey).stream().filter(p -> p.customerId() == customerId).findFirst().orElse(null);
	}

	/**
	 * Every customer's promise under the releases {@code sequence} (in order worked on).
	 */
	List<Promise> of(String key, List<ReleaseView> sequence) {
		var forecast = forecasts.forecast(key, sequence);
		Map<String, Integer> releaseOf = new HashMap<>();
		for (int k = 0; k < sequence.size(); k++) {
			for (var i : sequence.get(k).items()) {
				releaseOf.put(i.key(), k);
			}
		}
		List<Promise> result = new ArrayList<>();
		repository.customerItems(key).forEach((customer, items) -> {
			int latest = -1;
			int open = 0;
			String unplanned = null;
			for (ProgressRepository.AskedItem i : items) {
				if (ItemStatus.DONE.name().equals(i.status()) || ItemStatus.REJECTED.name().equals(i.status())) {
					continue;
				}
				open++;
				Integer k = releaseOf.get(i.key());
				if (k == null) {
					unplanned = unplanned == null ? i.key() : unplanned;
				}
				else {
					latest = Math.max(latest, k);
				}
			}
			String name = items.get(0).customer();
			if (open == 0) {
				result.add(new Promise(customer, name, items.size(), 0, null, null, null, "everything delivered"));
			}
			else if (unplanned != null) {
				result.add(new Promise(customer, name, items.size(), open, null, null, null,
						unplanned + " is in no unreleased release"));
			}
			else {
				var f = forecast.get(latest);
				boolean dated = f.forecast() != null && f.forecast().p50Date() != null;
				result.add(new Promise(customer, name, items.size(), open, f.name(),
						dated ? f.forecast().p50Date() : null, dated ? f.forecast().p85Date() : null,
						dated ? "the last of them is in " + f.name() : "no forecast for " + f.name()));
			}
		});
		result.sort(java.util.Comparator.comparing(Promise::customer));
		return result;
	}

}
