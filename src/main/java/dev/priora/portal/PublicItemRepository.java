package dev.priora.portal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The items a product shows on its portal's roadmap ({@code portal_public_items}); reads
 * {@code items}, {@code products} and {@code feedback_links} read-only to find an item
 * and the visible ideas linked to it.
 */
@Repository
class PublicItemRepository {

	/** A visible idea linked to an item ("KEY-12"). */
	record LinkedIdea(String item, long id, String title) {
	}

	private final JdbcClient jdbc;

	PublicItemRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The item's id, when the product has an item with this number. */
	Optional<Long> itemId(String productKey, long number) {
		return jdbc.sql("""
				select it.id from items it join products p on p.id = it.product_id
				where p.product_key = ? and it.item_number = ?""")
			.params(productKey, number)
			.query(Long.class)
			.optional();
	}

	void mark(String productKey, long itemId, Instant now) {
		jdbc.sql("""
				insert into portal_public_items (item_id, product_key, marked_at)
				select ?, ?, ? where not exists (select 1 from portal_public_items where item_id = ?)""")
			.params(itemId, productKey, now.atOffset(ZoneOffset.UTC), itemId)
			.update();
	}

	void unmark(long itemId) {
		jdbc.sql("delete from portal_public_items where item_id = ?").param(itemId).update();
	}

	boolean isPublic(long itemId) {
		return jdbc.sql("select count(*) from portal_public_items where item_id = ?")
			.param(itemId)
			.query(Integer.class)
			.single() > 0;
	}

	/** The product's public items, as keys like "KEY-12". */
	Set<String> keys(String productKey) {
		return new HashSet<>(jdbc.sql("""
				select it.item_number from portal_public_items pi join items it on it.id = pi.item_id
				where pi.product_key = ?""")
			.param(productKey)
			.query((rs, n) -> productKey + "-" + rs.getLong(1))
			.list());
	}

	/** The visible ideas linked to the product's public items. */
	List<LinkedIdea> ideas(String productKey) {
		return jdbc.sql("""
				select it.item_number, i.id, i.title from portal_public_items pi
				join feedback_links fl on fl.item_id = pi.item_id
				join portal_ideas i on i.feedback_id = fl.feedback_id
				join items it on it.id = pi.item_id
				where pi.product_key = ? and i.product_key = ? and i.state = 'VISIBLE' and i.merged_into is null
				order by it.item_number, i.vote_count desc, i.id""")
			.params(productKey, productKey)
			.query((rs, n) -> new LinkedIdea(productKey + "-" + rs.getLong(1), rs.getLong(2), rs.getString(3)))
			.list();
	}

}
