package dev.priora.backlog;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** One row of the items table, as the repository reads and writes it. */
record ItemRow(long id, long productId, long number, ItemType type, String title, String description,
		BigDecimal estimate, ItemStatus status, Long parentId, String rank, Instant createdAt, long createdBy,
		Instant updatedAt, long updatedBy, long version) {

	static final String COLUMNS = "i.id, i.product_id, i.item_number, i.item_type, i.title, i.description,"
			+ " i.estimate, i.status, i.parent_id, i.rank_key, i.created_at, i.created_by, i.updated_at,"
			+ " i.updated_by, i.version";

	static ItemRow map(ResultSet rs, int row) throws SQLException {
		return new ItemRow(rs.getLong("id"), rs.getLong("product_id"), rs.getLong("item_number"),
				ItemType.valueOf(rs.getString("item_type")), rs.getString("title"), rs.getString("description"),
				Rows.points(rs, "estimate"), ItemStatus.valueOf(rs.getString("status")),
				Rows.nullableLong(rs, "parent_id"), rs.getString("rank_key"), Rows.instant(rs, "created_at"),
				rs.getLong("created_by"), Rows.instant(rs, "updated_at"), rs.getLong("updated_by"),
				rs.getLong("version"));
	}
}
