package dev.priora.portal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.backlog.ItemKey;
import dev.priora.backlog.ProductService;
import dev.priora.problem.DomainProblem;
import dev.priora.roadmap.RoadmapService;

/**
 * The portal's public roadmap: the product's now / next / later (from its releases, as
 * the team's roadmap shows them) with only the items the team marked public on the
 * portal, each with the visible ideas linked to it; and marking an item public or not.
 */
@Service
public class PublicRoadmap {

	/** An idea linked to a roadmap entry. */
	public record IdeaRef(long id, String title) {
	}

	/** An item on the public roadmap: its title and status, and the ideas behind it. */
	public record Entry(String key, String title, String status, List<IdeaRef> ideas) {
	}

	/** Now, Next or Later, with its releases' names. */
	public record Column(String name, String releases, List<Entry> entries) {
	}

	private final PublicItemRepository items;

	private final RoadmapService roadmap;

	private final ProductService products;

	private final Clock clock;

	PublicRoadmap(PublicItemRepository items, RoadmapService roadmap, ProductService products, Clock clock) {
		this.items = items;
		this.roadmap = roadmap;
		this.products = products;
		this.clock = clock;
	}

	/** The open portal's roadmap: three columns, only public items. */
	public List<Column> columns(PortalSettings portal) {
		String key = portal.productKey();
		Set<String> shown = items.keys(key);
		Map<String, List<IdeaRef>> ideas = new HashMap<>();
		for (var i : items.ideas(key)) {
			ideas.computeIfAbsent(i.item(), k -> new ArrayList<>()).add(new IdeaRef(i.id(), i.title()));
		}
		List<Column> out = new ArrayList<>();
		for (var c : roadmap.roadmap(key, null).board()) {
			List<Entry> entries = c.entries()
				.stream()
				.filter(e -> shown.contains(e.key()))
				.map(e -> new Entry(e.key(), e.title(), e.status(), ideas.getOrDefault(e.key(), List.of())))
				.toList();
			out.add(new Column(c.name(), shown.isEmpty() ? "" : c.release(), entries));
		}
		return out;
	}

	/** Whether the item is shown on the portal's roadmap; 404 for an unknown item. */
	public boolean isPublic(String productKey, String item) {
		return items.isPublic(itemId(productKey, item));
	}

	/** Shows the item on the portal's roadmap, or stops; 404 for an unknown item. */
	@Transactional
	public boolean setPublic(String productKey, String item, boolean shown) {
		String key = products.get(productKey).key();
		long id = itemId(key, item);
		if (shown) {
			items.mark(key, id, clock.instant());
		}
		else {
			items.unmark(id);
		}
		return shown;
	}

	private long itemId(String productKey, String item) {
		String key = products.get(productKey).key();
		ItemKey k;
		try {
			k = ItemKey.inProduct(key, item);
		}
		catch (RuntimeException e) {
			throw DomainProblem.notFound("Item " + item);
		}
		return items.itemId(key, k.number()).orElseThrow(() -> DomainProblem.notFound("Item " + item));
	}

}
