package dev.priora.backlog;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class ProductRepository {

	private static final String COLUMNS = "id, product_key, name, vision, estimate_scale, estimate_unit, created_at,"
			+ " updated_at, version, updated_by";

	private final JdbcClient jdbc;

	ProductRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	ProductId insert(String key, String name, String vision, List<BigDecimal> scale, long user, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into products (product_key, name, vision, estimate_scale, created_at, created_by, updated_at,
				  updated_by) values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(key, name, vision, scaleText(scale), Rows.utc(now), user, Rows.utc(now), user)
			.update(keys, "id");
		return new ProductId(keys.getKey().longValue());
	}

	Optional<ProductView> findByKey(String key) {
		return jdbc.sql("select " + COLUMNS + " from products where product_key = ?")
			.param(key)
			.query(ProductRepository::map)
			.optional();
	}

	Optional<Long> updatedBy(String key) {
		return jdbc.sql("select updated_by from products where product_key = ?")
			.param(key)
			.query(Long.class)
			.optional();
	}

	List<ProductView> findAll() {
		return jdbc.sql("select " + COLUMNS + " from products order by product_key")
			.query(ProductRepository::map)
			.list();
	}

	boolean update(ProductId id, String name, String vision, List<BigDecimal> scale, EstimateUnit unit,
			long expectedVersion, long user, Instant now) {
		return jdbc.sql("""
				update products set name = ?, vision = ?, estimate_scale = ?, estimate_unit = ?, updated_at = ?,
				  updated_by = ?, version = version + 1 where id = ? and version = ?""")
			.params(name, vision, scaleText(scale), unit.name(), Rows.utc(now), user, id.value(), expectedVersion)
			.update() == 1;
	}

	/**
	 * Locks the product row for the rest of the transaction and takes the next item
	 * number. The lock is taken by an update of a column no key uses, never by
	 * {@code select … for update}: on PostgreSQL that is a "no key update" lock, which
	 * serializes these writers but does not wait for, nor block, the foreign-key checks
	 * of rows that reference the product (background work inserting item vectors
	 * deadlocked with moves under {@code for update}).
	 */
	long lockAndTakeItemNumber(ProductId id) {
		jdbc.sql("update products set next_item_number = next_item_number + 1 where id = ?").param(id.value()).update();
		return jdbc.sql("select next_item_number from products where id = ?")
			.param(id.value())
			.query(Long.class)
			.single() - 1;
	}

	/**
	 * Locks the product row (as {@link #lockAndTakeItemNumber} does), serializing moves
	 * and dependency changes within one product.
	 */
	void lock(ProductId id) {
		jdbc.sql("update products set next_item_number = next_item_number where id = ?").param(id.value()).update();
	}

	List<ReadyRuleSetting> readyRules(ProductId id) {
		return jdbc.sql("select rule_code, enabled, parameter from ready_rules where product_id = ?")
			.param(id.value())
			.query((rs, n) -> new ReadyRuleSetting(ReadyRule.valueOf(rs.getString("rule_code")),
					rs.getBoolean("enabled"), (Integer) rs.getObject("parameter", Integer.class)))
			.list();
	}

	void saveReadyRules(ProductId id, List<ReadyRuleSetting> rules) {
		jdbc.sql("delete from ready_rules where product_id = ?").param(id.value()).update();
		for (ReadyRuleSetting r : rules) {
			jdbc.sql("insert into ready_rules (product_id, rule_code, enabled, parameter) values (?, ?, ?, ?)")
				.params(id.value(), r.rule().name(), r.enabled(), r.limit())
				.update();
		}
	}

	private static String scaleText(List<BigDecimal> scale) {
		return scale.stream().map(v -> v.stripTrailingZeros().toPlainString()).collect(Collectors.joining(","));
	}

	private static ProductView map(ResultSet rs, int row) throws SQLException {
		List<BigDecimal> scale = Arrays.stream(rs.getString("estimate_scale").split(",")).map(BigDecimal::new).toList();
		return new ProductView(new ProductId(rs.getLong("id")), rs.getString("product_key"), rs.getString("name"),
				rs.getString("vision"), scale, EstimateUnit.valueOf(rs.getString("estimate_unit")),
				Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"), rs.getLong("version"));
	}

}
