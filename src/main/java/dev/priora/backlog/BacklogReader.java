package dev.priora.backlog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.priora.backlog.ListingRepository.ListRow;
import dev.priora.backlog.engine.DefinitionOfReady;

/**
 * Turns rows into backlog rows with labels, readiness, dependency badges and roll-ups, a
 * few queries per page.
 */
@Component
class BacklogReader {

	private final ItemRepository items;

	private final ListingRepository listing;

	private final DependencyRepository links;

	BacklogReader(ItemRepository items, ListingRepository listing, DependencyRepository links) {
		this.items = items;
		this.listing = listing;
		this.links = links;
	}

	List<ItemSummary> summaries(String productKey, List<ListRow> rows, ReadinessRules rules) {
		if (rows.isEmpty()) {
			return List.of();
		}
		List<Long> ids = rows.stream().map(ListRow::id).toList();
		Set<Long> epicIds = rows.stream()
			.filter(r -> r.type() == ItemType.EPIC)
			.map(ListRow::id)
			.collect(Collectors.toSet());
		Map<Long, List<String>> labels = items.labels(ids);
		Map<Long, Integer> criteria = items.criteriaCounts(ids);
		Map<Long, EpicRollup> rollups = listing.rollups(epicIds);
		Map<Long, ItemDemand> demand = listing.demand(ids);
		Map<Long, String> assignees = listing.assignees(ids);
		Map<Long, List<DependencyRepository.Link>> out = DependencyRepository.byItem(links.outgoing(ids));
		Map<Long, List<DependencyRepository.Link>> in = DependencyRepository.byItem(links.incoming(ids));
		List<ItemSummary> result = new ArrayList<>(rows.size());
		for (ListRow r : rows) {
			List<DependencyRepository.Link> outs = out.getOrDefault(r.id(), List.of());
			List<DependencyRepository.Link> ins = in.getOrDefault(r.id(), List.of());
			List<String> unfinished = unfinishedPrerequisites(productKey, outs);
			var facts = new DefinitionOfReady.Facts(r.type() == ItemType.EPIC, r.hasDescription(),
					criteria.getOrDefault(r.id(), 0), r.estimate(), r.hasParent(), unfinished);
			result.add(new ItemSummary(new ItemKey(productKey, r.number()), r.type(), r.title(), r.status(),
					r.estimate(), labels.getOrDefault(r.id(), List.of()),
					r.parentNumber() == null ? null : new ItemKey(productKey, r.parentNumber()), r.version(),
					rules.evaluate(facts), badge(outs, ins, unfinished.size()),
					epicIds.contains(r.id()) ? rollups.getOrDefault(r.id(), emptyRollup()) : null,
					demand.getOrDefault(r.id(), ItemDemand.NONE), assignees.get(r.id())));
		}
		return result;
	}

	static List<String> unfinishedPrerequisites(String productKey, List<DependencyRepository.Link> outgoing) {
		return outgoing.stream()
			.filter(l -> l.kind() == DependencyKind.DEPENDS_ON && l.otherStatus() != ItemStatus.DONE)
			.map(l -> productKey + "-" + l.otherNumber())
			.toList();
	}

	private static DependencyBadge badge(List<DependencyRepository.Link> outs, List<DependencyRepository.Link> ins,
			int open) {
		int waitsOn = (int) outs.stream().filter(l -> l.kind() == DependencyKind.DEPENDS_ON).count();
		int waitedOn = (int) ins.stream().filter(l -> l.kind() == DependencyKind.DEPENDS_ON).count();
		int relates = outs.size() - waitsOn + ins.size() - waitedOn;
		return waitsOn + waitedOn + relates == 0 ? DependencyBadge.NONE
				: new DependencyBadge(waitsOn, open, waitedOn, relates);
	}

	static EpicRollup emptyRollup() {
		return new EpicRollup(0, java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO, 0);
	}

	ItemLinks linksOf(String productKey, long itemId) {
		List<LinkedItem> waitsOn = new ArrayList<>();
		List<LinkedItem> waitedOnBy = new ArrayList<>();
		List<LinkedItem> relates = new ArrayList<>();
		for (var l : links.outgoing(List.of(itemId))) {
			(l.kind() == DependencyKind.DEPENDS_ON ? waitsOn : relates).add(linked(productKey, l));
		}
		for (var l : links.incoming(List.of(itemId))) {
			(l.kind() == DependencyKind.DEPENDS_ON ? waitedOnBy : relates).add(linked(productKey, l));
		}
		return new ItemLinks(waitsOn, waitedOnBy, relates);
	}

	private static LinkedItem linked(String productKey, DependencyRepository.Link l) {
		return new LinkedItem(new ItemKey(productKey, l.otherNumber()), l.otherTitle(), l.otherStatus(), l.kind());
	}

}
