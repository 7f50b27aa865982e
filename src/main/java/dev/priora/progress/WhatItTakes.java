package dev.priora.progress;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.accounts.UserId;
import dev.priora.backlog.ItemStatus;
import dev.priora.planning.PlanningService;
import dev.priora.planning.ReleaseMoves;
import dev.priora.planning.ReleaseStatus;
import dev.priora.planning.ReleaseView;
import dev.priora.prioritization.ItemScore;
import dev.priora.prioritization.PrioritizationService;
import dev.priora.problem.DomainProblem;
import dev.priora.progress.engine.LeastLoss;

/**
 * "What would it take": for a release off its target, the items to move out of it, losing
 * the least value (the active score; {@link LeastLoss}), so that it is done by its target
 * date with the chosen probability — forecast in sequence with the releases before it as
 * the board's odds are — and applying that as one change: the items go to the next
 * unreleased release, or to the backlog. Items already in progress stay; the work that
 * has to leave starts from what the team finishes by the target at that probability
 * ({@link Forecasts#promisable}) and grows a point at a time while the forecast in
 * sequence still falls short (the two are separate simulations).
 */
@Service
public class WhatItTakes {

	/** A preview: the items to move out, what it costs and the odds before and after. */
	public record Preview(long releaseId, String release, LocalDate target, double confidence, Double oddsNow,
			Double oddsAfter, List<Item> items, long valueLost, BigDecimal pointsOut, Long nextReleaseId,
			String nextRelease, boolean reachable, String note) {
	}

	/** An item to move out, with its estimate and value (the active score). */
	public record Item(String key, String title, BigDecimal estimate, double value) {
	}

	private final PlanningService planning;

	private final ReleaseForecasts forecasts;

	private final TeamCalendar calendar;

	private final PrioritizationService scores;

	private final ReleaseMoves moves;

	private final Clock clock;

	WhatItTakes(PlanningService planning, ReleaseForecasts forecasts, TeamCalendar calendar,
			PrioritizationService scores, ReleaseMoves moves, Clock clock) {
		this.planning = planning;
		this.forecasts = forecasts;
		this.calendar = calendar;
		this.scores = scores;
		this.moves = moves;
		this.clock = clock;
	}

	/**
	 * The preview for release {@code releaseId} at {@code confidence} (0.5 to 0.99; 400
	 * naming {@code confidence} otherwise, 409 for a released release or one without a
	 * target date).
	 */
	@Transactional(readOnly = true)
	public Preview preview(String productKey, long releaseId, double confidence) {
		if (!(confidence >= 0.5 && confidence <= 0.99)) {
			throw DomainProblem.invalid("confidence", "must be from 0.5 to 0.99 (e.g. 0.85 for 85 %)");
		}
		planning.release(productKey, releaseId);
		String key = productKey.toUpperCase(Locale.ROOT);
		List<ReleaseView> sequence = sequence(key);
		int at = indexOf(sequence, releaseId);
		ReleaseView release = sequence.get(at);
		ReleaseView next = at + 1 < sequence.size() ? sequence.get(at + 1) : null;
		Double now = odds(key, sequence, at);
		List<Item> candidates = candidates(key, release);
		if (now != null && now >= confidence) {
			return preview(release, next, confidence, now, now, List.of(), true,
					"already done by its target with " + pct(now) + " odds: nothing needs to move");
		}
		if (now == null) {
			return preview(release, next, confidence, null, null, List.of(), false,
					"no forecast: the team has no velocity history nor sprint capacity, or nothing is estimated");
		}
		long need = need(key, sequence, at, confidence);
		for (int step = 0; step < 40; step++, need += 10) {
			int[] chosen = LeastLoss.choose(weights(candidates), values(candidates), need);
			if (chosen == null) {
				break;
			}
			List<Item> out = new ArrayList<>();
			for (int i : chosen) {
				out.add(candidates.get(i));
			}
			Double after = odds(key, without(sequence, at, out), at);
			if (after != null && after >= confidence) {
				return preview(release, next, confidence, now, after, out, true,
						"move " + out.size() + (out.size() == 1 ? " item" : " items")
								+ " out and it is done by its target date with " + pct(after) + " odds");
			}
		}
		return preview(release, next, confidence, now, now, List.of(), false, "moving out its items that are not in"
				+ " progress is not enough: the releases before it and the work already started take the time");
	}

	/**
	 * Moves the previewed {@code items} out of the release (to the next unreleased
	 * release when {@code toNext}, else to the backlog) as one change; 409 when one is no
	 * longer in the release. Answers the preview after it, where the items went
	 * ({@code to}, null: the backlog) and where each was, for {@link #undo}.
	 */
	@Transactional
	public Applied apply(String productKey, long releaseId, double confidence, List<String> items, boolean toNext,
			UserId user) {
		Preview p = preview(productKey, releaseId, confidence);
		if (items == null || items.isEmpty()) {
			throw DomainProblem.invalid("items", "name the items to move out (from the preview)");
		}
		Long to = toNext ? p.nextReleaseId() : null;
		if (toNext && to == null) {
			throw DomainProblem.invalid("to", "there is no later release; move them to the backlog");
		}
		var back = moves.move(productKey, releaseId, items, to, user,
				"moved out of " + p.release() + " to reach " + pct(confidence) + " (what would it take)");
		return new Applied(preview(productKey, releaseId, confidence), to, back);
	}

	/** An {@link #apply}: the preview after it, where the items went, where they were. */
	public record Applied(Preview after, Long to, List<ReleaseMoves.Back> back) {
	}

	/**
	 * Undoes an {@link #apply}: the items go back into the release and their sprints, as
	 * one change; 409 when one has moved since. Answers the release's name.
	 */
	@Transactional
	public String undo(String productKey, long releaseId, Long movedTo, List<ReleaseMoves.Back> back, UserId user) {
		ReleaseView release = planning.release(productKey, releaseId);
		if (back.isEmpty()) {
			throw DomainProblem.invalid("items", "name the items to move back");
		}
		if (release.status() == ReleaseStatus.RELEASED) {
			throw DomainProblem.conflict("released", release.name() + " is released since; nothing was moved back.");
		}
		moves.moveBack(productKey, releaseId, movedTo, back, user,
				"moved back into " + release.name() + " (undo of what would it take)");
		return release.name();
	}

	private Preview preview(ReleaseView r, ReleaseView next, double confidence, Double now, Double after,
			List<Item> items, boolean reachable, String note) {
		BigDecimal points = items.stream().map(Item::estimate).reduce(BigDecimal.ZERO, BigDecimal::add);
		long lost = Math.round(items.stream().mapToDouble(Item::value).sum());
		return new Preview(r.id(), r.name(), r.targetDate(), confidence, now, after, List.copyOf(items), lost, points,
				next == null ? null : next.id(), next == null ? null : next.name(), reachable, note);
	}

	private List<ReleaseView> sequence(String key) {
		return planning.board(key).releases().stream().filter(r -> r.status() != ReleaseStatus.RELEASED).toList();
	}

	private static int indexOf(List<ReleaseView> sequence, long releaseId) {
		for (int i = 0; i < sequence.size(); i++) {
			if (sequence.get(i).id() == releaseId) {
				if (sequence.get(i).targetDate() == null) {
					throw DomainProblem.conflict("no-target", sequence.get(i).name()
							+ " has no target date: give it one to ask what it would take to meet it.");
				}
				return i;
			}
		}
		throw DomainProblem.conflict("released", "This release is released: there is nothing left to move.");
	}

	private Double odds(String key, List<ReleaseView> sequence, int at) {
		var f = forecasts.forecast(key, sequence).get(at).forecast();
		return f == null ? null : f.probability() == null ? 0.0 : f.probability();
	}

	/** Tenths of a point that must leave: the work up to it less what can be promised. */
	private long need(String key, List<ReleaseView> sequence, int at, double confidence) {
		var sprints = planning.sprints(key);
		int sprintDays = ReleaseForecasts.sprintDays(sprints);
		var time = calendar.time(key, LocalDate.now(clock), sprintDays);
		double promisable = Forecasts.promisable(forecasts.history(key), ReleaseForecasts.stated(sprints, sequence),
				time.sprintsUntil(sequence.get(at).targetDate()), confidence, ReleaseForecasts.TRIALS, key.hashCode());
		double load = 0;
		for (int k = 0; k <= at; k++) {
			load += ReleaseForecasts.Left.of(sequence.get(k)).points().doubleValue();
		}
		return Math.max(1, (long) Math.ceil((load - promisable) * 10));
	}

	/**
	 * The release's open, estimated items that are not in progress, with their values.
	 */
	private List<Item> candidates(String key, ReleaseView release) {
		Map<String, Double> value = new HashMap<>();
		for (ItemScore s : scores.scores(key, null)) {
			if (s.scoreValue() != null) {
				value.put(s.key(), s.scoreValue());
			}
		}
		Set<String> busy = Set.of(ItemStatus.DONE.label(), ItemStatus.REJECTED.label(), ItemStatus.IN_PROGRESS.label());
		List<Item> items = new ArrayList<>();
		for (var i : release.items()) {
			if (!busy.contains(i.status()) && i.estimate() != null && i.estimate().signum() > 0) {
				items.add(new Item(i.key(), i.title(), i.estimate(), value.getOrDefault(i.key(), 0d)));
			}
		}
		return items;
	}

	private static List<ReleaseView> without(List<ReleaseView> sequence, int at, List<Item> out) {
		Set<String> keys = new HashSet<>();
		out.forEach(i -> keys.add(i.key()));
		List<ReleaseView> result = new ArrayList<>(sequence);
		ReleaseView r = sequence.get(at);
		result.set(at,
				new ReleaseView(r.id(), r.name(), r.targetDate(), r.capacity(), r.capacityFromSprints(), r.status(),
						r.planned(), r.items().stream().filter(i -> !keys.contains(i.key())).toList(), r.version()));
		return result;
	}

	private static long[] weights(List<Item> items) {
		return items.stream()
			.mapToLong(i -> i.estimate().multiply(BigDecimal.TEN).setScale(0, RoundingMode.CEILING).longValue())
			.toArray();
	}

	private static long[] values(List<Item> items) {
		return items.stream().mapToLong(i -> Math.round(i.value() * 100)).toArray();
	}

	private static String pct(double p) {
		return Math.round(p * 100) + " %";
	}

}
