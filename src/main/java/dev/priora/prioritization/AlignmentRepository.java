package dev.priora.prioritization;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The roadmap's objectives and the items aligned to them, read only from the roadmap
 * module's {@code objectives} and {@code item_objectives} tables for the priority map's
 * objective filter: {@code roadmap} depends on this module, so it cannot be called (see
 * docs/ARCHITECTURE.md, "Tables read across modules").
 */
@Repository
class AlignmentRepository {

	private final JdbcClient jdbc;

	AlignmentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The product's objectives, oldest first. */
	List<PriorityMap.ObjectiveOption> objectives(String productKey) {
		return jdbc.sql("select id, title from objectives where product_key = ? order by id")
			.param(productKey)
			.query((rs, n) -> new PriorityMap.ObjectiveOption(rs.getLong(1), rs.getString(2)))
			.list();
	}

	/** The keys of the product's items aligned with the objective. */
	List<String> alignedItems(String productKey, long objectiveId) {
		return jdbc.sql("""
				select p.product_key || '-' || cast(i.item_number as varchar(20)) from item_objectives o
				join items i on i.id = o.item_id join products p on p.id = i.product_id
				where p.product_key = ? and o.objective_id = ?""")
			.params(productKey, objectiveId)
			.query(String.class)
			.list();
	}

}
