package dev.priora.prioritization;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Scoring models, typed-in inputs and their history, pins and applied orders. Demand is
 * read from the feedback module's {@code item_demand} table (read only).
 */
@Repository
class PrioritizationRepository {

	record ModelRow(long id, String productKey, String name, String preset, String definition, boolean active,
			long version) {
	}

	record Demand(int customers, int importance, BigDecimal revenue) {
	}

	record HistoryRow(String criterion, String oldValue, String newValue, String oldScore, String newScore,
			long changedBy, Instant changedAt) {
	}

	record OrderChange(long id, String productKey, String modelName, String beforeOrder, int moved, long appliedBy,
			Instant appliedAt, Instant undoneAt) {
	}

	private final JdbcClient jdbc;

	PrioritizationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<ModelRow> models(String productKey) {
		return jdbc.sql("select * from scoring_models where product_key = ? order by id")
			.param(productKey)
			.query(PrioritizationRepository::model)
			.list();
	}

	Optional<ModelRow> model(String productKey, long id) {
		return jdbc.sql("select * from scoring_models where product_key = ? and id = ?")
			.params(productKey, id)
			.query(PrioritizationRepository::model)
			.optional();
	}

	boolean nameTaken(String productKey, String name, long exceptId) {
		return jdbc
			.sql("select count(*) from scoring_models where product_key = ? and lower(name) = lower(?) and id <> ?")
			.params(productKey, name, exceptId)
			.query(Long.class)
			.single() > 0;
	}

	long insertModel(String productKey, String name, String preset, String definition, boolean active, Long user,
			Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql(
				"""
						insert into scoring_models (product_key, name, preset, definition, active, created_at, updated_at, updated_by)
						values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(productKey, name, preset, definition, active, utc(now), utc(now), user)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	boolean updateModel(long id, String name, String definition, long version, long user, Instant now) {
		return jdbc
			.sql("""
					update scoring_models set name = ?, definition = ?, updated_at = ?, updated_by = ?, version = version + 1
					where id = ? and version = ?""")
			.params(name, definition, utc(now), user, id, version)
			.update() == 1;
	}

	void deleteModel(long id) {
		jdbc.sql("delete from scoring_models where id = ?").param(id).update();
	}

	void activate(String productKey, long id) {
		jdbc.sql("update scoring_models set active = (id = ?) where product_key = ?").params(id, productKey).update();
	}

	/** Typed-in inputs of every item under the model: item id → criterion → value. */
	Map<Long, Map<String, String>> inputs(long modelId) {
		Map<Long, Map<String, String>> result = new HashMap<>();
		jdbc.sql("select item_id, criterion, input_value from score_inputs where model_id = ?")
			.param(modelId)
			.query((rs, n) -> result.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
				.put(rs.getString(2), rs.getString(3)))
			.list();
		return result;
	}

	/** The inputs under the model of these items, by item id. */
	Map<Long, Map<String, String>> inputs(long modelId, Collection<Long> itemIds) {
		Map<Long, Map<String, String>> result = new HashMap<>();
		if (itemIds.isEmpty()) {
			return result;
		}
		jdbc.sql(
				"select item_id, criterion, input_value from score_inputs where model_id = :model and item_id in (:ids)")
			.param("model", modelId)
			.param("ids", itemIds)
			.query((rs, n) -> result.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
				.put(rs.getString(2), rs.getString(3)))
			.list();
		return result;
	}

	Map<String, String> inputs(long modelId, long itemId) {
		Map<String, String> result = new LinkedHashMap<>();
		jdbc.sql(
				"select criterion, input_value from score_inputs where model_id = ? and item_id = ? order by criterion")
			.params(modelId, itemId)
			.query((rs, n) -> result.put(rs.getString(1), rs.getString(2)))
			.list();
		return result;
	}

	void setInput(long modelId, long itemId, String criterion, String value, long user, Instant now) {
		jdbc.sql("delete from score_inputs where model_id = ? and item_id = ? and criterion = ?")
			.params(modelId, itemId, criterion)
			.update();
		if (value != null) {
			jdbc.sql("""
					insert into score_inputs (model_id, item_id, criterion, input_value, updated_at, updated_by)
					values (?, ?, ?, ?, ?, ?)""").params(modelId, itemId, criterion, value, utc(now), user).update();
		}
	}

	void recordHistory(long modelId, long itemId, String criterion, String oldValue, String newValue, String oldScore,
			String newScore, long user, Instant now) {
		jdbc.sql("""
				insert into score_history (model_id, item_id, criterion, old_value, new_value, old_score, new_score,
				  changed_by, changed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(modelId, itemId, criterion, oldValue, newValue, oldScore, newScore, user, utc(now))
			.update();
	}

	List<HistoryRow> history(long modelId, long itemId) {
		return jdbc.sql("""
				select criterion, old_value, new_value, old_score, new_score, changed_by, changed_at from score_history
				where model_id = ? and item_id = ? order by id desc""")
			.params(modelId, itemId)
			.query((rs, n) -> new HistoryRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getLong(6), instant(rs, "changed_at")))
			.list();
	}

	/** Demand of one item (empty when nobody asked). */
	Optional<Demand> demand(long itemId) {
		return jdbc.sql("select customers, importance, revenue from item_demand where item_id = ?")
			.param(itemId)
			.query((rs, n) -> new Demand(rs.getInt(1), rs.getInt(2), rs.getBigDecimal(3)))
			.optional();
	}

	/** Demand of those of these items that have any, by item id. */
	Map<Long, Demand> demand(Collection<Long> itemIds) {
		Map<Long, Demand> result = new HashMap<>();
		if (itemIds.isEmpty()) {
			return result;
		}
		jdbc.sql("select item_id, customers, importance, revenue from item_demand where item_id in (:ids)")
			.param("ids", itemIds)
			.query((rs, n) -> result.put(rs.getLong(1), new Demand(rs.getInt(2), rs.getInt(3), rs.getBigDecimal(4))))
			.list();
		return result;
	}

	/** Demand of the product's items that have any, by item id. */
	Map<Long, Demand> demand(String productKey) {
		Map<Long, Demand> result = new HashMap<>();
		jdbc.sql("""
				select d.item_id, d.customers, d.importance, d.revenue from item_demand d
				join items i on i.id = d.item_id join products p on p.id = i.product_id where p.product_key = ?""")
			.param(productKey)
			.query((rs, n) -> result.put(rs.getLong(1), new Demand(rs.getInt(2), rs.getInt(3), rs.getBigDecimal(4))))
			.list();
		return result;
	}

	Set<Long> pins(String productKey) {
		return new HashSet<>(jdbc.sql("""
				select p.item_id from pinned_items p join items i on i.id = p.item_id
				join products r on r.id = i.product_id where r.product_key = ?""")
			.param(productKey)
			.query(Long.class)
			.list());
	}

	Set<String> pinnedKeys(String productKey) {
		// Driven by the pinned items (a handful), never by the product's items: the IN on
		// the primary key makes each pin one index lookup whatever the backlog's size.
		return new HashSet<>(jdbc.sql("""
				select r.product_key || '-' || cast(i.item_number as varchar(20)) from items i
				join products r on r.id = i.product_id
				where i.id in (select item_id from pinned_items) and r.product_key = ?""")
			.param(productKey)
			.query(String.class)
			.list());
	}

	void pin(long itemId, long user, Instant now) {
		jdbc.sql("delete from pinned_items where item_id = ?").param(itemId).update();
		jdbc.sql("insert into pinned_items (item_id, pinned_by, pinned_at) values (?, ?, ?)")
			.params(itemId, user, utc(now))
			.update();
	}

	boolean unpin(long itemId) {
		return jdbc.sql("delete from pinned_items where item_id = ?").param(itemId).update() == 1;
	}

	long insertChange(String productKey, String modelName, Collection<Long> before, int moved, long user, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		StringBuilder order = new StringBuilder();
		for (Long id : before) {
			if (!order.isEmpty()) {
				order.append(',');
			}
			order.append(id);
		}
		jdbc.sql("""
				insert into order_changes (product_key, model_name, before_order, moved, applied_by, applied_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(productKey, modelName, order.toString(), moved, user, utc(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<OrderChange> change(String productKey, long id) {
		return jdbc.sql("select * from order_changes where product_key = ? and id = ?")
			.params(productKey, id)
			.query(PrioritizationRepository::change)
			.optional();
	}

	Optional<OrderChange> latestChange(String productKey) {
		return jdbc.sql("select * from order_changes where product_key = ? order by id desc limit 1")
			.param(productKey)
			.query(PrioritizationRepository::change)
			.optional();
	}

	void markUndone(long id, Instant now) {
		jdbc.sql("update order_changes set undone_at = ? where id = ?").params(utc(now), id).update();
	}

	private static ModelRow model(ResultSet rs, int n) throws SQLException {
		return new ModelRow(rs.getLong("id"), rs.getString("product_key"), rs.getString("name"), rs.getString("preset"),
				rs.getString("definition"), rs.getBoolean("active"), rs.getLong("version"));
	}

	private static OrderChange change(ResultSet rs, int n) throws SQLException {
		return new OrderChange(rs.getLong("id"), rs.getString("product_key"), rs.getString("model_name"),
				rs.getString("before_order"), rs.getInt("moved"), rs.getLong("applied_by"), instant(rs, "applied_at"),
				instant(rs, "undone_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}

	private static OffsetDateTime utc(Instant t) {
		return t.atOffset(ZoneOffset.UTC);
	}

}
