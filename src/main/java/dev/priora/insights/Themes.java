package dev.priora.insights;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.accounts.UserId;
import dev.priora.backlog.ProductService;
import dev.priora.insights.engine.Spikes;
import dev.priora.jobs.Job;
import dev.priora.problem.DomainProblem;

/**
 * A product's themes: read them with their figures, edit them (rename, merge, split, move
 * feedback; one transaction each) and recompute them in the background.
 */
@Service
public class Themes {

	/** Quotes shown per theme. */
	public static final int QUOTES = 5;

	private final ProductService products;

	private final InsightsRepository reads;

	private final InsightsScanRepository scan;

	private final ThemeEditor editor;

	private final ThemeRecompute recompute;

	private final Clock clock;

	Themes(ProductService products, InsightsRepository reads, InsightsScanRepository scan, ThemeEditor editor,
			ThemeRecompute recompute, Clock clock) {
		this.products = products;
		this.reads = reads;
		this.scan = scan;
		this.editor = editor;
		this.recompute = recompute;
		this.clock = clock;
	}

	/**
	 * The product's themes with their figures, most feedback first; a theme emptied (all
	 * its feedback moved or merged away) is left out.
	 */
	@Transactional(readOnly = true)
	public List<ThemeSummary> list(String productKey) {
		String key = key(productKey);
		InsightsScanRepository.Result read = scan.scan(key, clock.instant(), clock.instant());
		return summaries(key, read.figures().themes(), read.reach().revenue()).stream()
			.filter(t -> !t.empty())
			.toList();
	}

	/** A theme to choose (to merge into or move to): its id, name and feedback. */
	public record Choice(long id, String name, long feedback) {
	}

	/** The product's themes to choose from (those with feedback), most feedback first. */
	@Transactional(readOnly = true)
	public List<Choice> choices(String productKey) {
		return reads.choices(key(productKey));
	}

	/** One theme as its page shows it; 404 when it is not one of the product's. */
	@Transactional(readOnly = true)
	public ThemeDetail get(String productKey, long id) {
		String key = key(productKey);
		List<InsightsRepository.Counts> counts = reads.counts(key, id, clock.instant());
		if (counts.isEmpty()) {
			throw DomainProblem.notFound("Theme " + id);
		}
		InsightsRepository.Reach reach = reads.reach(key, id);
		ThemeSummary theme = summaries(key, counts, reach.revenue()).get(0);
		List<ThemeDetail.Count> segments = reach.segments()
			.getOrDefault(id, Map.of())
			.entrySet()
			.stream()
			.map(e -> new ThemeDetail.Count(e.getKey(), e.getValue()))
			.sorted((a, b) -> a.count() != b.count() ? Long.compare(b.count(), a.count())
					: a.label().compareTo(b.label()))
			.toList();
		return new ThemeDetail(theme, segments, reads.countBy(id, "kind"), reads.countBy(id, "sentiment"),
				reads.quotes(id, QUOTES), reads.quotes(id, 200), reads.edits(id));
	}

	/** Renames the theme (400 naming {@code name}); recomputes keep the name. */
	@Transactional
	public ThemeDetail rename(String productKey, long id, String name, UserId user) {
		String key = key(productKey);
		return get(key, editor.rename(key, id, name, user));
	}

	/**
	 * Merges the theme into another (400 naming {@code into}); returns the merged theme.
	 */
	@Transactional
	public ThemeDetail merge(String productKey, long id, Long into, UserId user) {
		String key = key(productKey);
		return get(key, editor.merge(key, id, into, user));
	}

	/** Splits the theme in two by meaning; returns the new theme. */
	@Transactional
	public ThemeDetail split(String productKey, long id, UserId user) {
		String key = key(productKey);
		return get(key, editor.split(key, id, user));
	}

	/**
	 * Moves feedback into a theme (400 naming {@code feedbackIds} or {@code to}); with a
	 * {@code from} theme (the page the move was made on), 404 unless it is one of the
	 * product's and 400 naming {@code feedbackIds} unless they are all in it.
	 */
	@Transactional
	public ThemeDetail move(String productKey, Long from, List<Long> feedbackIds, Long to, UserId user) {
		String key = key(productKey);
		editor.move(key, from, feedbackIds, to, user);
		return get(key, to);
	}

	/** Queues a recompute of the product's themes (or returns the one queued). */
	@Transactional
	public Job recompute(String productKey, UserId user) {
		return recompute.start(key(productKey), "asked", user.value());
	}

	/** Cancels the product's queued or running recompute (nothing of it is kept). */
	@Transactional
	public void cancelRecompute(String productKey) {
		recompute.cancel(key(productKey));
	}

	/** The product's latest recompute, or null when there was none. */
	public Job latestRecompute(String productKey) {
		return recompute.latest(key(productKey));
	}

	/** Feedback that has no theme yet (it waits for the next recompute). */
	public long waiting(String productKey) {
		return reads.waiting(key(productKey));
	}

	List<ThemeSummary> summaries(String key, List<InsightsRepository.Counts> counts,
			Map<Long, Map<String, BigDecimal>> revenue) {
		Map<Long, List<Coverage.Item>> coverage = reads.coverage(key);
		return counts.stream()
			.map(c -> new ThemeSummary(c.id(), c.name(), c.words(), c.namedByPerson(), c.feedback(), c.customers(),
					revenue.getOrDefault(c.id(), Map.of()), c.last30(), c.previous30(), c.last90(), c.previous90(),
					c.thisWeek(), c.weeksBefore(), Spikes.growth(c.last30(), c.previous30()),
					Spikes.growth(c.last90(), c.previous90()), Spikes.spiking(c.thisWeek(), c.weeksBefore()),
					Coverage.of(coverage.getOrDefault(c.id(), List.of()))))
			.sorted((a, b) -> a.feedback() != b.feedback() ? Long.compare(b.feedback(), a.feedback())
					: Long.compare(a.id(), b.id()))
			.toList();
	}

	String key(String productKey) {
		return products.get(productKey).key();
	}

	Instant now() {
		return clock.instant();
	}

}
