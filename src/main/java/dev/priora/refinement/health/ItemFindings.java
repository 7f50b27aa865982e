package dev.priora.refinement.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.priora.backlog.BacklogService;
import dev.priora.backlog.ItemFilter;
import dev.priora.backlog.ItemStatus;
import dev.priora.backlog.ItemSummary;
import dev.priora.refinement.health.HealthReport.FindingItem;
import dev.priora.refinement.health.HealthRepository.Counts;
import dev.priora.refinement.health.HealthRepository.ItemRow;

/**
 * The findings about single items: not ready near the top (readiness as the backlog
 * judges it, through {@link BacklogService#page}), without an estimate or acceptance
 * criteria, untouched, in progress too long, and epics without children. Each is one
 * bounded query (two backlog pages for readiness).
 */
@Component
class ItemFindings {

	/** Most items in progress read to find the long-running ones. */
	static final int MAX_IN_PROGRESS = 1000;

	private final HealthRepository repository;

	private final BacklogService backlog;

	ItemFindings(HealthRepository repository, BacklogService backlog) {
		this.repository = repository;
		this.backlog = backlog;
	}

	Found notReady(String key, long productId, int topN) {
		List<Long> top = repository.topWaiting(productId, topN);
		Set<Long> topSet = new HashSet<>(top);
		Map<Long, ItemSummary> notReady = new HashMap<>();
		if (!top.isEmpty()) {
			// the first topN not-ready items of each status hold every not-ready one of
			// the top
			for (ItemStatus status : List.of(ItemStatus.NEW, ItemStatus.READY)) {
				backlog.page(key, new ItemFilter(null, status, null, null, false, null), null, topN)
					.items()
					.stream()
					.filter(i -> topSet.contains(i.key().number()))
					.forEach(i -> notReady.put(i.key().number(), i));
			}
		}
		List<FindingItem> items = top.stream().filter(notReady::containsKey).map(n -> {
			ItemSummary i = notReady.get(n);
			List<String> reasons = i.readiness().reasons();
			String[] fix = fixOf(reasons.isEmpty() ? "" : reasons.get(0));
			return new FindingItem(i.key().toString(), i.title(), i.status().label(),
					"It " + String.join(", ", reasons) + ".", Links.item(key, n), fix[0], Links.item(key, n) + fix[1],
					List.of());
		}).toList();
		return Found.of(FindingKind.NOT_READY, String.format(FindingKind.NOT_READY.title(), topN),
				String.format(FindingKind.NOT_READY.description(), topN), items.size(), top.size(), items, null);
	}

	/** What fixes a Definition of Ready reason: a label and the field's anchor. */
	private static String[] fixOf(String reason) {
		if (reason.contains("description")) {
			return new String[] { "Write a description", "#edit-description" };
		}
		if (reason.contains("acceptance")) {
			return new String[] { "Add a criterion", "#new-criterion" };
		}
		if (reason.contains("estimate")) {
			return new String[] { "Estimate it", "#edit-estimate" };
		}
		if (reason.contains("epic")) {
			return new String[] { "Put it in an epic", "#edit-parent" };
		}
		return new String[] { "See what it waits on", "#dependencies" };
	}

	Found unestimated(String key, long productId, Counts c) {
		return Found.of(FindingKind.UNESTIMATED, c.unestimated(), c.openWork(),
				rows(key, repository.unestimated(productId, Found.SHOWN), r -> "Nobody has sized it yet.",
						"Estimate it", "#edit-estimate"));
	}

	Found withoutCriteria(String key, long productId, Counts c) {
		return Found.of(FindingKind.NO_CRITERIA, c.noCriteria(), c.openWork(),
				rows(key, repository.withoutCriteria(productId, Found.SHOWN), r -> "It does not say when it is done.",
						"Add a criterion", "#new-criterion"));
	}

	Found emptyEpics(String key, long productId, Counts c) {
		return Found.of(FindingKind.EMPTY_EPIC, c.emptyEpics(), c.openEpics(), rows(key,
				repository.emptyEpics(productId, Found.SHOWN), r -> "No item belongs to it.", "Open the epic", ""));
	}

	Found stale(String key, long productId, Counts c, int staleDays, Instant now) {
		List<ItemRow> rows = repository.stale(productId, now.minus(Duration.ofDays(staleDays)), Found.SHOWN);
		FindingKind kind = FindingKind.STALE;
		return Found.of(kind, String.format(kind.title(), staleDays), kind.description(), c.stale(), c.open(),
				rows(key, rows, r -> r.status() + ", untouched for " + days(r.at(), now), "Review it", ""), null);
	}

	Found longInProgress(String key, long productId, Counts c, Double p85, Instant now) {
		FindingKind kind = FindingKind.LONG_IN_PROGRESS;
		if (p85 == null) {
			return Found.of(kind, kind.title(),
					"Items in progress for longer than 85 % of the product's finished items took: nothing to compare"
							+ " with until items are finished.",
					0, c.inProgress(), List.of(), null);
		}
		Instant before = now.minus(Duration.ofMinutes(Math.round(p85 * 24 * 60)));
		List<ItemRow> rows = repository.startedBefore(productId, before, MAX_IN_PROGRESS);
		String p85Text = (p85 == Math.rint(p85) ? String.valueOf(p85.longValue()) : p85.toString()) + " days";
		return Found.of(kind, kind.title(), String.format(kind.description(), p85Text), rows.size(), c.inProgress(),
				rows(key, rows, r -> "In progress for " + days(r.at(), now), "Look at it", ""), null);
	}

	private static List<FindingItem> rows(String key, List<ItemRow> rows,
			java.util.function.Function<ItemRow, String> detail, String fix, String anchor) {
		List<FindingItem> items = new ArrayList<>(rows.size());
		for (ItemRow r : rows) {
			ItemRow shown = new ItemRow(r.id(), r.number(), r.title(), ItemStatus.valueOf(r.status()).label(), r.at());
			items.add(new FindingItem(Links.key(key, r.number()), r.title(), shown.status(), detail.apply(shown),
					Links.item(key, r.number()), fix, Links.item(key, r.number()) + anchor, List.of()));
		}
		return items;
	}

	private static String days(Instant since, Instant now) {
		long days = Duration.between(since, now).toDays();
		return days == 1 ? "1 day" : days + " days";
	}

}
