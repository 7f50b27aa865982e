package dev.priora.progress;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import dev.priora.backlog.BacklogEvents.ItemUpdated;
import dev.priora.backlog.BacklogEvents.StatusChanged;
import dev.priora.planning.PlanApplied;
import dev.priora.planning.PlanningService;
import dev.priora.planning.ReleaseStatus;
import dev.priora.planning.ReleasesEdited;

/**
 * Keeps each release's last forecast flag and announces a change of it
 * ({@link ReleaseFlagChanged}) once.
 * <p>
 * When: whatever can move a flag asks for its product's flags to be computed again, with
 * one insert in the causing transaction (once per transaction and product): an item's
 * status ({@code StatusChanged}), its estimate, release or sprint ({@code ItemUpdated},
 * which every such change publishes), a plan applied ({@code PlanApplied}) and a sprint
 * closed ({@link SprintClosed}, new velocity). A recurring scheduler task (one node at a
 * time, about every second) computes the flags of each product asked for, once however
 * many changes came, off the request path (the forecast is a Monte Carlo of 10,000
 * trials), and stores them. A flag that differs from the stored one is announced; the
 * first flag a release gets, and a flag that goes away (no target date, nothing to
 * forecast from), are stored without a word. A product without an unreleased release with
 * a target date is not forecast at all. A release's or sprint's own edit (target date,
 * capacity, status; created or deleted: {@link ReleasesEdited}) asks too, and so does
 * time: every {@link #REFRESH} a second recurring task asks for every product with an
 * unreleased release that has a target date, as each day passing moves the forecast
 * against the target.
 */
@Component
class ReleaseFlags {

	private static final Logger LOG = LoggerFactory.getLogger(ReleaseFlags.class);

	/** How long the recurring task waits after a run before the next one. */
	static final Duration DELAY = Duration.ofSeconds(1);

	/** How often every targeted product's flags are asked for, as days pass. */
	static final Duration REFRESH = Duration.ofHours(1);

	private final ReleaseFlagRepository repository;

	private final ReleaseForecasts forecasts;

	private final PlanningService planning;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate tx;

	private final Clock clock;

	ReleaseFlags(ReleaseFlagRepository repository, ReleaseForecasts forecasts, PlanningService planning,
			ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock) {
		this.repository = repository;
		this.forecasts = forecasts;
		this.planning = planning;
		this.events = events;
		this.tx = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** The recurring task that computes the flags asked for. */
	@Bean
	static RecurringTask<Void> releaseFlagTask(ReleaseFlags flags) {
		return Tasks.recurring("release-flags", Schedules.fixedDelay(DELAY))
			.execute((instance, context) -> flags.computeDue());
	}

	/** The task that asks for the flags of every targeted product, as days pass. */
	@Bean
	static RecurringTask<Void> releaseFlagRefreshTask(ReleaseFlags flags) {
		return Tasks.recurring("release-flags-refresh", Schedules.fixedDelay(REFRESH))
			.execute((instance, context) -> flags.requestTargeted());
	}

	/**
	 * Asks for the flags of every product with an unreleased release with a target date.
	 */
	void requestTargeted() {
		Instant now = clock.instant();
		repository.targeted().forEach(key -> repository.request(key, now));
	}

	@EventListener
	void on(ReleasesEdited e) {
		request(e.productKey());
	}

	@EventListener
	void on(StatusChanged e) {
		request(e.key().productKey());
	}

	@EventListener
	void on(ItemUpdated e) {
		request(e.key().productKey());
	}

	@EventListener
	void on(PlanApplied e) {
		request(e.productKey());
	}

	@EventListener
	void on(SprintClosed e) {
		request(e.productKey());
	}

	/**
	 * The products a transaction has asked for (its own synchronization, so suspended
	 * with it).
	 */
	private static final class Asked implements TransactionSynchronization {

		final Set<String> products = new HashSet<>();

	}

	/**
	 * Asks for the product's flags, in the caller's transaction, once per transaction.
	 */
	void request(String productKey) {
		String key = productKey.toUpperCase(Locale.ROOT);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			Asked asked = TransactionSynchronizationManager.getSynchronizations()
				.stream()
				.filter(Asked.class::isInstance)
				.map(Asked.class::cast)
				.findFirst()
				.orElseGet(() -> {
					Asked a = new Asked();
					TransactionSynchronizationManager.registerSynchronization(a);
					return a;
				});
			if (!asked.products.add(key)) {
				return;
			}
		}
		repository.request(key, clock.instant());
	}

	/** Computes the flags of every product asked for, each in its own transaction. */
	void computeDue() {
		for (Map.Entry<String, Long> due : repository.requested().entrySet()) {
			try {
				tx.executeWithoutResult(status -> compute(due.getKey(), due.getValue()));
			}
			catch (RuntimeException e) {
				LOG.warn("The release flags of {} could not be computed: {}", due.getKey(), e.toString());
				repository.done(due.getKey(), due.getValue());
			}
		}
	}

	private void compute(String productKey, long latest) {
		repository.done(productKey, latest);
		boolean targeted = planning.board(productKey)
			.releases()
			.stream()
			.anyMatch(r -> r.targetDate() != null && r.status() != ReleaseStatus.RELEASED);
		if (!targeted) {
			return;
		}
		Map<Long, String> stored = repository.flags(productKey);
		Instant now = clock.instant();
		for (ProgressService.ReleaseForecast f : forecasts.all(productKey)) {
			String before = stored.get(f.releaseId());
			if (stored.containsKey(f.releaseId()) && Objects.equals(before, f.flag())) {
				continue;
			}
			repository.store(f.releaseId(), f.flag(), now);
			if (before != null && f.flag() != null) {
				events.publishEvent(new ReleaseFlagChanged(productKey, f.releaseId(), f.name(), before, f.flag()));
			}
		}
	}

}
