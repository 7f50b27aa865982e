package dev.priora.backlog;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The acceptance criteria of several items of one product in one read, for pages that
 * list many items with their criteria (a sprint's review) instead of an item page each.
 */
@Service
public class ItemCriteria {

	private final ProductService products;

	private final ItemRepository items;

	ItemCriteria(ProductService products, ItemRepository items) {
		this.products = products;
		this.items = items;
	}

	/**
	 * Each item's criteria in order (an empty list for an item without criteria, or not
	 * of this product).
	 */
	@Transactional(readOnly = true)
	public Map<ItemKey, List<AcceptanceCriterion>> of(String productKey, Collection<ItemKey> keys) {
		String key = products.get(productKey).key();
		Map<Long, List<AcceptanceCriterion>> byNumber = items.criteria(key,
				keys.stream().filter(k -> k.productKey().equals(key)).map(ItemKey::number).toList());
		Map<ItemKey, List<AcceptanceCriterion>> result = new LinkedHashMap<>();
		keys.forEach(k -> result.put(k, byNumber.getOrDefault(k.number(), List.of())));
		return result;
	}

}
