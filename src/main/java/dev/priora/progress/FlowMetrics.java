package dev.priora.progress;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.backlog.ItemStatus;
import dev.priora.backlog.ProductService;

/**
 * Flow metrics from the backlog's status history: cumulative flow by status per day,
 * cycle times (first "in progress" to "done") with percentiles, weekly throughput, and
 * the velocity history (committed against completed per closed sprint).
 */
@Service
public class FlowMetrics {

	/** Items in each status at the end of a day. */
	public record FlowDay(LocalDate day, Map<ItemStatus, Integer> counts) {
	}

	/**
	 * One finished item: when it was done and how many days it took from start to done.
	 */
	public record CycleTime(String item, LocalDate done, double days) {
	}

	/** Cycle times with their 50, 85 and 95 % percentiles (days). */
	public record CycleTimes(List<CycleTime> items, Double p50, Double p85, Double p95) {
	}

	/** A closed sprint's committed and completed points. */
	public record SprintVelocity(String sprint, BigDecimal committed, BigDecimal completed) {
	}

	private final ProgressRepository repository;

	private final ProductService products;

	private final Clock clock;

	/**
	 * Each product's cycle times as last computed, with the fingerprint of its items they
	 * were computed at: read again only when an item was added, changed or deleted since
	 * (the whole status history of a product of 100,000 items is about a second to read).
	 */
	private final Map<String, Map.Entry<String, CycleTimes>> cycleCache = new java.util.concurrent.ConcurrentHashMap<>();

	FlowMetrics(ProgressRepository repository, ProductService products, Clock clock) {
		this.repository = repository;
		this.products = products;
		this.clock = clock;
	}

	public List<SprintVelocity> velocity(String productKey) {
		return repository.runHistory(products.get(productKey).key())
			.stream()
			.map(r -> new SprintVelocity((String) r[0], (BigDecimal) r[1], (BigDecimal) r[2]))
			.toList();
	}

	/** Items per status at the end of each of the last {@code days} days. */
	@Transactional(readOnly = true)
	public List<FlowDay> cumulativeFlow(String productKey, int days) {
		String key = products.get(productKey).key();
		LocalDate today = LocalDate.now(clock);
		LocalDate from = today.minusDays(Math.max(1, Math.min(days, 365)) - 1L);
		Map<String, Instant> created = new HashMap<>();
		repository.created(key).forEach(c -> created.put(c.itemKey(), c.at()));
		var changes = repository.statusChanges(key, Instant.EPOCH);
		Map<String, ItemStatus> status = new HashMap<>();
		List<FlowDay> result = new ArrayList<>();
		int c = 0;
		List<Map.Entry<String, Instant>> births = new ArrayList<>(created.entrySet());
		births.sort(Map.Entry.comparingByValue());
		int b = 0;
		for (LocalDate d = from.minusDays(3650); !d.isAfter(today); d = d.isBefore(from) ? from : d.plusDays(1)) {
			Instant end = d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
			while (b < births.size() && births.get(b).getValue().isBefore(end)) {
				status.put(births.get(b++).getKey(), ItemStatus.NEW);
			}
			while (c < changes.size() && changes.get(c).at().isBefore(end)) {
				var ch = changes.get(c++);
				if (status.containsKey(ch.itemKey())) {
					status.put(ch.itemKey(), ItemStatus.valueOf(ch.to()));
				}
			}
			if (!d.isBefore(from)) {
				Map<ItemStatus, Integer> counts = new LinkedHashMap<>();
				for (ItemStatus s : ItemStatus.values()) {
					counts.put(s, 0);
				}
				status.values().forEach(s -> counts.merge(s, 1, Integer::sum));
				result.add(new FlowDay(d, counts));
			}
		}
		return result;
	}

	/** Cycle times of items done (first "in progress" to the last "done"). */
	@Transactional(readOnly = true)
	public CycleTimes cycleTimes(String productKey) {
		String key = products.get(productKey).key();
		String fingerprint = repository.itemsFingerprint(key);
		var cached = cycleCache.get(key);
		if (cached != null && cached.getKey().equals(fingerprint)) {
			return cached.getValue();
		}
		CycleTimes computed = computeCycleTimes(key);
		cycleCache.put(key, Map.entry(fingerprint, computed));
		return computed;
	}

	private CycleTimes computeCycleTimes(String key) {
		Map<String, Instant> started = new HashMap<>();
		Map<String, Instant> done = new HashMap<>();
		for (var ch : repository.statusChanges(key, Instant.EPOCH)) {
			if ("IN_PROGRESS".equals(ch.to())) {
				started.putIfAbsent(ch.itemKey(), ch.at());
				done.remove(ch.itemKey());
			}
			else if ("DONE".equals(ch.to())) {
				done.put(ch.itemKey(), ch.at());
			}
		}
		List<CycleTime> items = new ArrayList<>();
		done.forEach((item, at) -> {
			Instant start = started.get(item);
			if (start != null) {
				items.add(new CycleTime(item, at.atOffset(ZoneOffset.UTC).toLocalDate(),
						Math.round(Duration.between(start, at).toMinutes() / 144.0) / 10.0));
			}
		});
		items.sort(java.util.Comparator.comparing(CycleTime::done).thenComparing(CycleTime::item));
		double[] sorted = items.stream().mapToDouble(CycleTime::days).sorted().toArray();
		return new CycleTimes(items, percentile(sorted, 0.5), percentile(sorted, 0.85), percentile(sorted, 0.95));
	}

	/** Items done per week over the last {@code weeks} weeks, oldest first. */
	public double[] weeklyThroughput(String productKey, int weeks) {
		String key = products.get(productKey).key();
		Instant now = clock.instant();
		double[] counts = new double[weeks];
		Map<String, Instant> done = new HashMap<>();
		for (var ch : repository.statusChanges(key, now.minus(Duration.ofDays(7L * weeks)))) {
			if ("DONE".equals(ch.to())) {
				done.put(ch.itemKey(), ch.at());
			}
			else {
				done.remove(ch.itemKey());
			}
		}
		done.values().forEach(at -> {
			long ago = Duration.between(at, now).toDays() / 7;
			if (ago >= 0 && ago < weeks) {
				counts[(int) (weeks - 1 - ago)]++;
			}
		});
		return counts;
	}

	static Double percentile(double[] sorted, double q) {
		if (sorted.length == 0) {
			return null;
		}
		double pos = q * (sorted.length - 1);
		int lo = (int) Math.floor(pos);
		int hi = Math.min(lo + 1, sorted.length - 1);
		return Math.round((sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo])) * 10) / 10.0;
	}

}
