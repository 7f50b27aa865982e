package dev.priora.insights;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import dev.priora.insights.engine.Spikes;

/**
 * Finds the themes and kinds spiking this week ({@link Spikes}) and announces each one
 * once per week ({@link ThemeSpiked}, which notifies the inbox's watchers), remembered in
 * {@code theme_spikes}. Runs after each recompute (not after the lighter refresh that
 * only places new feedback).
 */
@Component
class SpikeWatch {

	/** Something spiking now. */
	record Spike(String subject, String label, long thisWeek, long weeksBefore, String link) {
	}

	private final InsightsRepository reads;

	private final ThemeRepository themes;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SpikeWatch(InsightsRepository reads, ThemeRepository themes, ApplicationEventPublisher events, Clock clock) {
		this.reads = reads;
		this.themes = themes;
		this.events = events;
		this.clock = clock;
	}

	/** What spikes now, themes first. */
	List<Spike> spikes(String productKey, List<InsightsRepository.Counts> counts,
			List<InsightsRepository.KindWeeks> kinds) {
		List<Spike> out = new ArrayList<>();
		for (var c : counts) {
			if (Spikes.spiking(c.thisWeek(), c.weeksBefore())) {
				out.add(new Spike("theme:" + c.id(), "Theme \u201c" + c.name() + "\u201d", c.thisWeek(),
						c.weeksBefore(), "/p/" + productKey + "/insights/themes/" + c.id()));
			}
		}
		for (var k : kinds) {
			if (Spikes.spiking(k.thisWeek(), k.weeksBefore())) {
				out.add(new Spike("kind:" + k.kind(), "Kind " + Kinds.label(k.kind()), k.thisWeek(), k.weeksBefore(),
						"/p/" + productKey + "/insights"));
			}
		}
		return out;
	}

	/** Announces what spikes now and was not announced this week. */
	void check(String productKey) {
		Instant now = clock.instant();
		LocalDate week = LocalDate.ofInstant(now, ZoneOffset.UTC)
			.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		for (Spike s : spikes(productKey, reads.counts(productKey, null, now), reads.kindWeeks(productKey, now))) {
			boolean first;
			try {
				first = themes.flagSpike(productKey, s.subject(), week, now);
			}
			catch (DuplicateKeyException e) {
				first = false;
			}
			if (first) {
				events.publishEvent(new ThemeSpiked(productKey, s.label(), s.thisWeek(), s.weeksBefore(), s.link()));
			}
		}
	}

}
