package dev.priora.feedback;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

import dev.priora.feedback.engine.VectorScan;

/**
 * Flyway migration 70: the {@link VectorScan#codes} of every sentence vector stored
 * before V69 created their tables, computed in Java (SQL cannot quantise the stored
 * floats on both databases): read in one pass per table, written in batches of
 * {@value #BATCH}, in the migration's transaction. About a second per 20,000 vectors,
 * once.
 */
@Component
class VectorCodesMigration implements JavaMigration {

	private static final int BATCH = 500;

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("70");
	}

	@Override
	public String getDescription() {
		return "feedback vector codes of stored vectors";
	}

	@Override
	public Integer getChecksum() {
		return null;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws SQLException {
		Connection c = context.getConnection();
		copy(c, """
				select f.id, f.product_key, f.embedding_model, f.merged_into is not null, f.embedding from feedback f
				where f.embedding is not null and f.embedding_model is not null
				  and not exists (select 1 from feedback_vector_codes c where c.feedback_id = f.id)""", """
				insert into feedback_vector_codes (feedback_id, product_key, embedding_model, merged, codes)
				values (?, ?, ?, ?, ?)""");
		copy(c, """
				select v.item_id, v.product_id, v.embedding_model, v.embedding from item_vectors v
				where not exists (select 1 from item_vector_codes c where c.item_id = v.item_id)""", """
				insert into item_vector_codes (item_id, product_id, embedding_model, codes) values (?, ?, ?, ?)""");
	}

	/**
	 * Inserts one row per row read: the read's columns as they are, its last (the stored
	 * floats) as codes.
	 */
	private static void copy(Connection c, String select, String insert) throws SQLException {
		try (Statement read = c.createStatement(); PreparedStatement write = c.prepareStatement(insert)) {
			read.setFetchSize(BATCH);
			try (ResultSet rs = read.executeQuery(select)) {
				int columns = rs.getMetaData().getColumnCount();
				int pending = 0;
				while (rs.next()) {
					for (int i = 1; i < columns; i++) {
						write.setObject(i, rs.getObject(i));
					}
					write.setBytes(columns, VectorScan.codes(FeedbackTextRepository.floats(rs.getBytes(columns))));
					write.addBatch();
					if (++pending == BATCH) {
						write.executeBatch();
						pending = 0;
					}
				}
				if (pending > 0) {
					write.executeBatch();
				}
			}
		}
	}

}
