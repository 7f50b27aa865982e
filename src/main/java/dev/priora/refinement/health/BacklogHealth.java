package dev.priora.refinement.health;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.backlog.ProductService;
import dev.priora.backlog.ProductView;
import dev.priora.problem.DomainProblem;
import dev.priora.progress.FlowMetrics;
import dev.priora.refinement.health.HealthRepository.Counts;
import dev.priora.refinement.health.engine.HealthScore;

/**
 * A product's backlog health: the report now (findings by kind and the score), the scores
 * recorded per day, and the settings. The report runs one counting query over the items,
 * then one bounded query per kind of finding (a few for readiness and cycle times),
 * whatever the backlog's size; see {@link ItemFindings} and {@link LinkFindings}.
 */
@Service
public class BacklogHealth {

	/** The longest history asked for, in days. */
	public static final int MAX_HISTORY_DAYS = 730;

	private final ProductService products;

	private final HealthRepository repository;

	private final ItemFindings items;

	private final LinkFindings links;

	private final FlowMetrics flow;

	private final Clock clock;

	BacklogHealth(ProductService products, HealthRepository repository, ItemFindings items, LinkFindings links,
			FlowMetrics flow, Clock clock) {
		this.products = products;
		this.repository = repository;
		this.items = items;
		this.links = links;
		this.flow = flow;
		this.clock = clock;
	}

	/** The product's health now (404 for an unknown product). */
	@Transactional(readOnly = true)
	public HealthReport report(String productKey) {
		return report(products.get(productKey));
	}

	HealthReport report(ProductView product) {
		String key = product.key();
		long id = product.id().value();
		HealthSettings settings = repository.settings(key).orElse(HealthSettings.DEFAULT);
		Instant now = clock.instant();
		Counts c = repository.counts(id, now.minus(java.time.Duration.ofDays(settings.staleDays())));
		Double p85 = flow.cycleTimes(key).p85();
		List<Found> found = List.of(items.notReady(key, id, settings.topN()), items.unestimated(key, id, c),
				items.withoutCriteria(key, id, c), items.stale(key, id, c, settings.staleDays(), now),
				items.longInProgress(key, id, c, p85, now), links.blockedChains(key, id, c), links.duplicates(key, id),
				items.emptyEpics(key, id, c), links.unlinkedFeedback(key, id));
		int score = HealthScore.of(found.stream().map(Found::part).toList());
		return new HealthReport(key, score, found.stream().map(Found::reportPart).toList(),
				found.stream().map(Found::finding).toList(), settings, p85, now);
	}

	/**
	 * The scores recorded over the last {@code days} days (1 to 730), oldest first;
	 * today's is there once the daily task has run.
	 */
	@Transactional(readOnly = true)
	public List<HealthDay> history(String productKey, int days) {
		if (days < 1 || days > MAX_HISTORY_DAYS) {
			throw DomainProblem.invalid("days", "must be from 1 to " + MAX_HISTORY_DAYS);
		}
		String key = products.get(productKey).key();
		return repository.history(key, today().minusDays(days - 1L));
	}

	@Transactional(readOnly = true)
	public HealthSettings settings(String productKey) {
		return repository.settings(products.get(productKey).key()).orElse(HealthSettings.DEFAULT);
	}

	/** Replaces the product's settings (checked by {@link HealthSettings#checked}). */
	@Transactional
	public HealthSettings updateSettings(String productKey, HealthSettings settings) {
		String key = products.get(productKey).key();
		repository.saveSettings(key, settings);
		return settings;
	}

	/**
	 * Records the product's score for today (replacing an earlier one of the day);
	 * answers the report it was computed from.
	 */
	@Transactional
	public HealthReport record(String productKey) {
		HealthReport report = report(products.get(productKey));
		repository.record(report.productKey(), today(), report.score(), report.total());
		return report;
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

}
