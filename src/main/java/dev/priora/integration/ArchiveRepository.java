package dev.priora.integration;

import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes the rows of a product export, table by table, as column → value maps;
 * the tables and their product-scoping queries come from {@link ArchiveTables}.
 */
@Repository
class ArchiveRepository {

	private final JdbcClient jdbc;

	ArchiveRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The product's rows of the table, in the table's stable order, as JDBC values. */
	List<Map<String, Object>> rows(ArchiveTables.Table table, long productId, String productKey) {
		return jdbc.sql(table.select()).param("pid", productId).param("key", productKey).query((rs, n) -> {
			ResultSetMetaData meta = rs.getMetaData();
			Map<String, Object> row = new LinkedHashMap<>();
			for (int c = 1; c <= meta.getColumnCount(); c++) {
				row.put(meta.getColumnLabel(c).toLowerCase(Locale.ROOT), rs.getObject(c));
			}
			return row;
		}).list();
	}

	/**
	 * One column as the database declares it: its JDBC type ({@link java.sql.Types}),
	 * whether it takes null, whether it has a default, and its length (characters) or
	 * precision and scale (digits); 0 when the type has none.
	 */
	record Column(String name, int type, boolean nullable, boolean hasDefault, long length, int precision, int scale) {
	}

	/** The table's columns by name (lower case). */
	Map<String, Column> columns(String table) {
		Map<String, Integer> types = new HashMap<>();
		jdbc.sql("select * from " + table + " where 1 = 0")
			.query((org.springframework.jdbc.core.ResultSetExtractor<Boolean>) rs -> {
				ResultSetMetaData meta = rs.getMetaData();
				for (int c = 1; c <= meta.getColumnCount(); c++) {
					types.put(meta.getColumnLabel(c).toLowerCase(Locale.ROOT), meta.getColumnType(c));
				}
				return true;
			});
		Map<String, Column> columns = new HashMap<>();
		jdbc.sql("""
				select lower(column_name), is_nullable, column_default, is_identity, character_maximum_length,
				numeric_precision, numeric_scale from information_schema.columns
				where lower(table_name) = ? and lower(table_schema) = 'public'""").param(table).query((rs, n) -> {
			String name = rs.getString(1);
			boolean identity = "YES".equalsIgnoreCase(rs.getString(4));
			columns.put(name,
					new Column(name, types.getOrDefault(name, java.sql.Types.OTHER),
							"YES".equalsIgnoreCase(rs.getString(2)), rs.getString(3) != null || identity, rs.getLong(5),
							rs.getInt(6), rs.getInt(7)));
			return name;
		}).list();
		return columns;
	}

	/** Inserts a row; returns its generated id when the table has one. */
	Long insert(String table, Map<String, Object> values, String idColumn) {
		List<String> names = new ArrayList<>(values.keySet());
		String sql = "insert into " + table + " (" + String.join(", ", names) + ") values ("
				+ String.join(", ", names.stream().map(n -> "?").toList()) + ")";
		var statement = jdbc.sql(sql).params(new ArrayList<>(values.values()));
		if (idColumn == null) {
			statement.update();
			return null;
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		statement.update(keys, idColumn);
		return keys.getKey().longValue();
	}

	void set(String table, String column, Long value, long id) {
		jdbc.sql("update " + table + " set " + column + " = ? where id = ?").params(value, id).update();
	}

	/** Users' e-mail addresses and names by id. */
	Map<Long, String[]> users(List<Long> ids) {
		Map<Long, String[]> users = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("select id, email, display_name from users where id in (:ids)")
				.param("ids", ids)
				.query((rs, n) -> users.put(rs.getLong(1), new String[] { rs.getString(2), rs.getString(3) }))
				.list();
		}
		return users;
	}

	boolean productExists(String key) {
		return jdbc.sql("select count(*) from products where product_key = ?")
			.param(key)
			.query(Long.class)
			.single() > 0;
	}

	boolean hasRole(String key, long user) {
		return jdbc.sql("select count(*) from product_roles where product_key = ? and user_id = ?")
			.params(key, user)
			.query(Long.class)
			.single() > 0;
	}

}
