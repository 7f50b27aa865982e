package dev.priora.backlog;

import dev.priora.problem.DomainProblem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.priora.accounts.AccountService;
import dev.priora.accounts.UserId;
import dev.priora.backlog.HistoryRepository.Change;
import dev.priora.backlog.ListingRepository.ListRow;
import dev.priora.backlog.engine.DefinitionOfReady;

/**
 * Assembles item views and pages, and the checks and diffs the service needs around them.
 */
@Component
class ItemViews {

	private final ProductService products;

	private final ItemRepository items;

	private final RankRepository ranks;

	private final ListingRepository listing;

	private final HistoryRepository history;

	private final BacklogReader reader;

	private final AccountService accounts;

	ItemViews(ProductService products, ItemRepository items, RankRepository ranks, ListingRepository listing,
			HistoryRepository history, BacklogReader reader, AccountService accounts) {
		this.products = products;
		this.items = items;
		this.ranks = ranks;
		this.listing = listing;
		this.history = history;
		this.reader = reader;
		this.accounts = accounts;
	}

	ItemView view(ProductView product, ItemRow row) {
		List<AcceptanceCriterion> criteria = items.criteria(row.id());
		List<String> labels = items.labels(List.of(row.id())).getOrDefault(row.id(), List.of());
		ItemRow parent = row.parentId() == null ? null : items.findAll(List.of(row.parentId())).get(row.parentId());
		Map<UserId, String> names = accounts
			.displayNames(List.of(new UserId(row.createdBy()), new UserId(row.updatedBy())));
		ItemLinks itemLinks = reader.linksOf(product.key(), row.id());
		Readiness readiness = readiness(product, row, criteria.size(), itemLinks);
		EpicRollup rollup = null;
		List<ItemSummary> children = List.of();
		if (row.type() == ItemType.EPIC) {
			rollup = listing.rollups(List.of(row.id())).getOrDefault(row.id(), BacklogReader.emptyRollup());
			children = reader.summaries(product.key(), listing.children(row.id()), products.readiness(product));
		}
		return new ItemView(new ItemKey(product.key(), row.number()), row.type(), row.title(), row.description(),
				row.estimate(), row.status(), labels,
				parent == null ? null : new ItemKey(product.key(), parent.number()),
				parent == null ? null : parent.title(), criteria, row.createdAt(),
				names.get(new UserId(row.createdBy())), row.updatedAt(), names.get(new UserId(row.updatedBy())),
				row.version(), readiness, itemLinks, rollup, children);
	}

	ItemPage page(ProductView product, ItemFilter filter, String cursor, int limit) {
		ReadinessRules rules = products.readiness(product);
		boolean byDemand = filter.order() == ItemOrder.DEMAND;
		int offset = byDemand ? Cursors.decodeOffset(cursor) : 0;
		List<ListRow> rows = listing.page(product.id().value(), filter, byDemand ? null : Cursors.decode(cursor),
				offset, limit + 1, rules.sql());
		boolean more = rows.size() > limit;
		List<ListRow> shown = more ? rows.subList(0, limit) : rows;
		String next = !more ? null
				: byDemand ? Cursors.encodeOffset(offset + limit) : Cursors.encode(shown.get(shown.size() - 1).rank());
		return new ItemPage(reader.summaries(product.key(), shown, rules), next);
	}

	/** One item as a backlog row (what a page of the list shows for it). */
	ItemSummary summary(ProductView product, ItemRow row) {
		ReadinessRules rules = products.readiness(product);
		String before = ranks.rankBefore(product.id().value(), row.rank()).orElse("");
		List<ListingRepository.ListRow> rows = listing.page(product.id().value(), ItemFilter.NONE, before, 0, 1,
				rules.sql());
		return reader.summaries(product.key(), rows, rules).get(0);
	}

	Readiness readiness(ProductView product, ItemRow row) {
		return readiness(product, row, items.criteria(row.id()).size(), reader.linksOf(product.key(), row.id()));
	}

	private Readiness readiness(ProductView product, ItemRow row, int criteria, ItemLinks itemLinks) {
		List<String> unfinished = itemLinks.waitsOn()
			.stream()
			.filter(l -> !l.done())
			.map(l -> l.key().toString())
			.toList();
		var facts = new DefinitionOfReady.Facts(row.type() == ItemType.EPIC, !row.description().isBlank(), criteria,
				row.estimate(), row.parentId() != null, unfinished);
		return products.readiness(product).evaluate(facts);
	}

	/**
	 * The parent's row id for the draft, after checking it is an epic of the same product
	 * and not the item.
	 */
	Long parentId(ProductView product, ItemDraft draft, ItemRow self) {
		ItemKey parent = draft.parent();
		if (parent == null) {
			return null;
		}
		if (!parent.productKey().equals(product.key())) {
			throw DomainProblem.invalid("parent", parent + " is not in product " + product.key());
		}
		ItemRow row = items.find(product.id().value(), parent.number())
			.orElseThrow(() -> DomainProblem.invalid("parent", parent + " does not exist"));
		if (self != null && row.id() == self.id()) {
			throw DomainProblem.invalid("parent", "an item cannot be its own parent");
		}
		if (row.type() != ItemType.EPIC) {
			throw DomainProblem.invalid("parent",
					parent + " is a " + row.type().label().toLowerCase() + "; only epics have children");
		}
		return row.id();
	}

	/**
	 * The row when its version is {@code expected}; otherwise 412 naming who changed it.
	 */
	ItemRow checkVersion(ItemRow row, long expected) {
		if (row.version() != expected) {
			String who = accounts.displayNames(List.of(new UserId(row.updatedBy())))
				.getOrDefault(new UserId(row.updatedBy()), "someone");
			throw DomainProblem.stale("This item", row.version(), who);
		}
		return row;
	}

	List<Change> diff(ProductView product, ItemRow row, ItemDraft d, Long parentId) {
		List<Change> changes = new ArrayList<>();
		if (row.type() != d.type()) {
			changes.add(Change.of("type", row.type().name(), d.type().name()));
		}
		if (!row.title().equals(d.title())) {
			changes.add(Change.of("title", row.title(), d.title()));
		}
		if (!row.description().equals(d.description())) {
			changes.add(Change.of("description", row.description(), d.description()));
		}
		if (!sameEstimate(row.estimate(), d.estimate())) {
			changes.add(Change.of("estimate", plain(row.estimate()), plain(d.estimate())));
		}
		if (!Objects.equals(row.parentId(), parentId)) {
			String old = row.parentId() == null ? null
					: product.key() + "-" + items.findAll(List.of(row.parentId())).get(row.parentId()).number();
			changes.add(Change.of("parent", old, d.parent()));
		}
		List<String> oldLabels = items.labels(List.of(row.id())).getOrDefault(row.id(), List.of());
		if (!new HashSet<>(oldLabels).equals(new HashSet<>(d.labels()))) {
			changes.add(Change.of("labels", String.join(", ", oldLabels), String.join(", ", d.labels())));
		}
		List<AcceptanceCriterion> oldCriteria = items.criteria(row.id());
		if (!oldCriteria.equals(d.acceptanceCriteria())) {
			changes
				.add(Change.of("acceptanceCriteria", criteriaText(oldCriteria), criteriaText(d.acceptanceCriteria())));
		}
		return changes;
	}

	List<HistoryEntry> history(ItemRow row) {
		List<HistoryRepository.Row> rows = history.of(row.id());
		Set<UserId> users = rows.stream().map(r -> new UserId(r.changedBy())).collect(Collectors.toSet());
		Map<UserId, String> names = accounts.displayNames(users);
		return rows.stream()
			.map(r -> new HistoryEntry(r.field(), r.oldValue(), r.newValue(), r.note(),
					names.getOrDefault(new UserId(r.changedBy()), "unknown"), r.changedAt()))
			.toList();
	}

	private static boolean sameEstimate(BigDecimal a, BigDecimal b) {
		return a == null ? b == null : b != null && a.compareTo(b) == 0;
	}

	private static String plain(BigDecimal v) {
		return v == null ? null : v.stripTrailingZeros().toPlainString();
	}

	private static String criteriaText(List<AcceptanceCriterion> criteria) {
		return criteria.stream()
			.map(c -> (c.done() ? "[x] " : "[ ] ") + c.statement())
			.collect(Collectors.joining("\n"));
	}

}
