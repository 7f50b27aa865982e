package dev.priora.backlog;

import dev.priora.problem.DomainProblem;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.accounts.UserId;
import dev.priora.backlog.HistoryRepository.Change;
import dev.priora.dependencies.engine.DependencyGraph;

/** Links between items: "depends on" (the target must be done first) and "relates to". */
@Service
public class DependencyService {

	private final ProductService products;

	private final ProductRepository productRows;

	private final ItemRepository items;

	private final DependencyRepository links;

	private final HistoryRepository history;

	private final BacklogReader reader;

	private final Clock clock;

	DependencyService(ProductService products, ProductRepository productRows, ItemRepository items,
			DependencyRepository links, HistoryRepository history, BacklogReader reader, Clock clock) {
		this.products = products;
		this.productRows = productRows;
		this.items = items;
		this.links = links;
		this.history = history;
		this.reader = reader;
		this.clock = clock;
	}

	/** What the item waits on, what waits on it and what it relates to. */
	@Transactional(readOnly = true)
	public ItemLinks links(ItemKey key) {
		ProductView product = products.get(key.productKey());
		return reader.linksOf(product.key(), row(product, key, "item").id());
	}

	/**
	 * Links {@code key} to {@code target}. A "depends on" link that would close a cycle
	 * is refused with 409 naming the cycle. Adding an existing link changes nothing.
	 */
	@Transactional
	public ItemLinks add(ItemKey key, DependencyKind kind, ItemKey target, UserId user) {
		ProductView product = products.get(key.productKey());
		if (kind == null) {
			throw DomainProblem.invalid("kind", "is required: DEPENDS_ON, RELATES_TO or DUPLICATES");
		}
		ItemRow item = row(product, key, "item");
		ItemRow other = row(product, target, "target");
		productRows.lock(product.id());
		if (kind.relation() && item.id() == other.id()) {
			throw DomainProblem.invalid("target", "an item cannot relate to itself");
		}
		if (kind == DependencyKind.DEPENDS_ON) {
			refuseCycle(product, item, other);
		}
		boolean reverseRelation = kind.relation() && links.exists(other.id(), item.id(), kind);
		if (!reverseRelation
				&& links.insert(product.id().value(), item.id(), other.id(), kind, user.value(), clock.instant())) {
			history.record(item.id(), List.of(Change.of("dependency", null, phrase(kind) + " " + target)), user.value(),
					clock.instant());
		}
		return reader.linksOf(product.key(), item.id());
	}

	/**
	 * Removes the link; 404 when there is none. A "relates to" link is removed whichever
	 * side it was made from.
	 */
	@Transactional
	public ItemLinks remove(ItemKey key, DependencyKind kind, ItemKey target, UserId user) {
		ProductView product = products.get(key.productKey());
		ItemRow item = row(product, key, "item");
		ItemRow other = row(product, target, "target");
		boolean removed = links.delete(item.id(), other.id(), kind)
				|| kind.relation() && links.delete(other.id(), item.id(), kind);
		if (!removed) {
			throw DomainProblem.notFound("The link " + key + " " + phrase(kind) + " " + target);
		}
		history.record(item.id(), List.of(Change.of("dependency", phrase(kind) + " " + target, null)), user.value(),
				clock.instant());
		return reader.linksOf(product.key(), item.id());
	}

	private void refuseCycle(ProductView product, ItemRow item, ItemRow other) {
		long[][] edges = links.dependsOnEdges(product.id().value());
		var cycle = DependencyGraph.of(edges[0], edges[1]).cycleClosedBy(item.id(), other.id());
		if (cycle.isPresent()) {
			Map<Long, ItemRow> rows = items.findAll(cycle.get());
			throw BacklogProblems
				.cycle(cycle.get().stream().map(id -> product.key() + "-" + rows.get(id).number()).toList());
		}
	}

	private ItemRow row(ProductView product, ItemKey key, String field) {
		if (key == null) {
			throw DomainProblem.invalid(field, "is required");
		}
		if (!key.productKey().equals(product.key())) {
			throw DomainProblem.invalid(field, key + " is not in product " + product.key());
		}
		return items.find(product.id().value(), key.number())
			.orElseThrow(() -> "item".equals(field) ? DomainProblem.notFound("Item " + key)
					: DomainProblem.invalid(field, key + " does not exist"));
	}

	private static String phrase(DependencyKind kind) {
		return switch (kind) {
			case DEPENDS_ON -> "depends on";
			case RELATES_TO -> "relates to";
			case DUPLICATES -> "duplicates";
		};
	}

}
