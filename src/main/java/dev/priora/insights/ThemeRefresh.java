package dev.priora.insights;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

import dev.priora.backlog.DemoProductCreated;
import dev.priora.feedback.FeedbackReceived;
import dev.priora.insights.engine.ThemeClustering;
import dev.priora.jobs.JobEnded;
import dev.priora.jobs.JobState;
import dev.priora.jobs.Jobs;

/**
 * Keeps themes current after feedback arrives, debounced: new feedback of a product that
 * already has themes, or a finished import of any product, schedules one refresh of the
 * product {@code priora.insights.refresh-delay} later (30 s; later arrivals join the
 * scheduled one). A product's first themes come from "Recompute", an import's end or the
 * demo seeding, so feedback typed into a product nobody clusters costs nothing. The
 * refresh waits again while feedback still has no sentence vector (bulk imports embed in
 * the background), then places each new feedback in the nearest theme when its centroid
 * is at least {@value #JOIN} similar, or leaves it waiting; when the product has no
 * themes or the waiting feedback is more than a fifth of the placed (at least 20), it
 * queues a recompute instead. Spikes are looked for (and notified) only after a recompute
 * ({@link ThemeRecompute}), never by this refresh.
 */
@Component
class ThemeRefresh extends OneTimeTask<String> {

	/** The cosine similarity to a theme's centroid a new feedback needs to join it. */
	static final double JOIN = 0.45;

	private final ThemeRepository themes;

	private final Jobs jobs;

	private final ThemeRecompute recompute;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final Duration delay;

	ThemeRefresh(ThemeRepository themes, @Lazy Jobs jobs, @Lazy ThemeRecompute recompute, TransactionTemplate tx,
			Clock clock, @Value("${priora.insights.refresh-delay:30s}") Duration delay) {
		super("themes-refresh", String.class);
		this.themes = themes;
		this.jobs = jobs;
		this.recompute = recompute;
		this.tx = tx;
		this.clock = clock;
		this.delay = delay;
	}

	@EventListener
	void on(FeedbackReceived e) {
		if (themes.hasThemes(e.productKey())) {
			schedule(e.productKey());
		}
	}

	/**
	 * The demo product's feedback gets its first themes once its vectors are computed.
	 */
	@EventListener
	void on(DemoProductCreated e) {
		schedule(e.productKey());
	}

	@EventListener
	void on(JobEnded e) {
		if (e.state() == JobState.DONE && e.productKey() != null && e.kind().equals("feedback-import")) {
			schedule(e.productKey());
		}
	}

	/** Schedules the product's refresh unless one is scheduled already. */
	void schedule(String productKey) {
		jobs.scheduleOnce(instance(productKey, productKey), clock.instant().plus(delay));
	}

	@Override
	public void executeOnce(TaskInstance<String> instance, ExecutionContext context) {
		String productKey = instance.getData();
		tx.executeWithoutResult(s -> refresh(productKey));
	}

	/** Places waiting feedback or queues a recompute. */
	void refresh(String productKey) {
		if (themes.withoutVector(productKey)) {
			jobs.scheduleOnce(instance(productKey + "/again", productKey), clock.instant().plus(delay));
			return;
		}
		List<ThemeRepository.Feedback> waiting = themes.unplaced(productKey, 5_000);
		List<ThemeRepository.Stored> all = themes.themes(productKey);
		long placed = themes.placedCount(productKey);
		if (!waiting.isEmpty() && (all.isEmpty() || (waiting.size() >= 20 && waiting.size() * 5L > placed))) {
			if (!recompute.busy(productKey)) {
				recompute.start(productKey, "new feedback", null);
			}
			return;
		}
		List<ThemeRepository.Placement> joins = new ArrayList<>();
		for (ThemeRepository.Feedback f : waiting) {
			ThemeRepository.Stored best = null;
			double similarity = JOIN;
			for (ThemeRepository.Stored t : all) {
				double s = ThemeClustering.cosine(f.vector(), t.centroid());
				if (s >= similarity) {
					similarity = s;
					best = t;
				}
			}
			if (best != null) {
				joins.add(new ThemeRepository.Placement(f.id(), best.id(), similarity, false));
			}
		}
		themes.place(productKey, joins);
	}

}
