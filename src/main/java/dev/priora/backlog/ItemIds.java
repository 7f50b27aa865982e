package dev.priora.backlog;

import dev.priora.problem.DomainProblem;

import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The one way every feature turns an item's key ({@code PAY-42}) into its id: one indexed
 * read, and the same 404 problem ({@code Item PAY-42}) for a key that names no item. A
 * bigger query that needs the item may still join {@code items} itself; a stand-alone
 * lookup comes here.
 */
@Component
public class ItemIds {

	private final ItemRepository items;

	ItemIds(ItemRepository items) {
		this.items = items;
	}

	/** The item's id; empty when the key names no item. */
	public Optional<ItemId> find(ItemKey key) {
		return items.idOf(key.productKey(), key.number()).map(ItemId::new);
	}

	/** The item's id; 404 ({@code Item KEY}) when the key names no item. */
	public ItemId get(ItemKey key) {
		return find(key).orElseThrow(() -> notFound(key));
	}

	/**
	 * The id of an item of the product {@code productKey} (as stored, upper case); 404
	 * ({@code Item KEY}) when the key names another product's item or none.
	 */
	public ItemId inProduct(String productKey, ItemKey key) {
		if (!key.productKey().equals(productKey)) {
			throw notFound(key);
		}
		return get(key);
	}

	private static DomainProblem notFound(ItemKey key) {
		return DomainProblem.notFound("Item " + key);
	}

}
