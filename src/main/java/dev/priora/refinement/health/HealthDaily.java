package dev.priora.refinement.health;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.priora.backlog.ProductService;
import dev.priora.backlog.ProductView;

/**
 * What the daily task does ({@link HealthTask}): records each product's score for the
 * day, each product in a transaction of its own; on the summary day
 * ({@code priora.health.summary-day}, default Monday) also announces the product's weekly
 * summary with {@link BacklogHealthSummarized}, once: the day's row is marked by
 * compare-and-set in the same transaction, so a rerun or a second node announces nothing
 * twice.
 */
@Component
class HealthDaily {

	private static final Logger LOG = LoggerFactory.getLogger(HealthDaily.class);

	private final ProductService products;

	private final BacklogHealth health;

	private final HealthRepository repository;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate tx;

	private final DayOfWeek summaryDay;

	private final Clock clock;

	HealthDaily(ProductService products, BacklogHealth health, HealthRepository repository,
			ApplicationEventPublisher events, PlatformTransactionManager transactions,
			@Value("${priora.health.summary-day:MONDAY}") DayOfWeek summaryDay, Clock clock) {
		this.products = products;
		this.health = health;
		this.repository = repository;
		this.events = events;
		this.tx = new TransactionTemplate(transactions);
		this.summaryDay = summaryDay;
		this.clock = clock;
	}

	/**
	 * Records every product's score, and announces the summaries when due. Never throws.
	 */
	int runDue() {
		boolean weekly = today().getDayOfWeek() == summaryDay;
		int done = 0;
		for (ProductView product : products.list()) {
			try {
				run(product.key(), weekly);
				done++;
			}
			catch (RuntimeException e) {
				LOG.warn("backlog health of {} not recorded; it is tried at the next run", product.key(), e);
			}
		}
		return done;
	}

	/**
	 * Records the product's score of today and, when {@code weekly}, announces its
	 * summary unless that was done today, in one transaction; answers whether it
	 * announced.
	 */
	boolean run(String productKey, boolean weekly) {
		return Boolean.TRUE.equals(tx.execute(status -> recordAndAnnounce(productKey, weekly)));
	}

	private boolean recordAndAnnounce(String productKey, boolean weekly) {
		HealthReport report = health.record(productKey);
		if (!weekly || !repository.markSummarized(report.productKey(), today())) {
			return false;
		}
		Integer weekBefore = repository.scoreOn(report.productKey(), today().minusDays(7)).orElse(null);
		List<String> lines = report.findings()
			.stream()
			.filter(f -> f.count() > 0)
			.map(f -> f.title() + ": " + f.count())
			.toList();
		events.publishEvent(new BacklogHealthSummarized(report.productKey(), products.get(report.productKey()).name(),
				report.score(), weekBefore, lines));
		return true;
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

}
