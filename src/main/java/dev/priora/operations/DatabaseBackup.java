package dev.priora.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Backs up and restores the embedded H2 database with H2's own SQL script commands: a
 * backup is {@code SCRIPT TO 'FILE' COMPRESSION GZIP} (every table, sequence and row as
 * SQL, gzip-compressed) run in one transaction at the {@code SNAPSHOT} isolation level,
 * so it is consistent while other sessions keep writing (online); a restore is
 * {@code RUNSCRIPT FROM} into an empty database. A script rather than a copy of the
 * database file: it is readable ({@code zcat}), it survives an upgrade of H2's file
 * format, and it works on an in-memory database too. Plain JDBC, so the command line uses
 * it without starting the application, and the server on one of its pooled connections.
 * PostgreSQL is backed up with {@code pg_dump} (docs/OPERATIONS.md).
 */
public final class DatabaseBackup {

	private DatabaseBackup() {
	}

	/** True for an H2 database address, the only kind these commands back up. */
	public static boolean isH2(String jdbcUrl) {
		return jdbcUrl != null && jdbcUrl.startsWith("jdbc:h2:");
	}

	/**
	 * Writes a consistent backup of the connection's database to {@code file} (replaced
	 * if there) and answers what it holds: file, bytes, schema version, products. The
	 * connection is left as it was found (auto-commit, isolation).
	 */
	public static Map<String, Object> backup(Connection connection, Path file) throws SQLException, IOException {
		Path target = file.toAbsolutePath();
		if (target.getParent() != null) {
			Files.createDirectories(target.getParent());
		}
		Path partial = target.resolveSibling(target.getFileName() + ".partial");
		boolean autoCommit = connection.getAutoCommit();
		int isolation = connection.getTransactionIsolation();
		Map<String, Object> contents;
		boolean written = false;
		try (Statement s = connection.createStatement()) {
			if (!autoCommit) {
				connection.commit();
				connection.setAutoCommit(true);
			}
			s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SNAPSHOT");
			connection.setAutoCommit(false);
			contents = contents(connection);
			s.execute("SCRIPT TO " + literal(partial) + " COMPRESSION GZIP");
			connection.commit();
			connection.setAutoCommit(true);
			written = true;
		}
		finally {
			if (!connection.getAutoCommit()) {
				connection.rollback();
				connection.setAutoCommit(true);
			}
			connection.setTransactionIsolation(isolation);
			connection.setAutoCommit(autoCommit);
			if (!written) {
				Files.deleteIfExists(partial);
			}
		}
		Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
				java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("file", target.toString());
		result.put("bytes", Files.size(target));
		result.putAll(contents);
		return result;
	}

	/**
	 * Runs a backup into the connection's database, which must be empty (no tables), and
	 * answers what it now holds: schema version, products.
	 */
	public static Map<String, Object> restore(Connection connection, Path file) throws SQLException {
		try (Statement s = connection.createStatement()) {
			try (ResultSet r = s
				.executeQuery("select count(*) from information_schema.tables where lower(table_schema) = 'public'")) {
				r.next();
				if (r.getLong(1) > 0) {
					throw new IllegalStateException("the database to restore into already has tables");
				}
			}
			s.execute("RUNSCRIPT FROM " + literal(file.toAbsolutePath()) + " COMPRESSION GZIP");
		}
		return contents(connection);
	}

	/** The newest applied migration and the number of products. */
	static Map<String, Object> contents(Connection connection) throws SQLException {
		Map<String, Object> m = new LinkedHashMap<>();
		try (Statement s = connection.createStatement()) {
			try (ResultSet r = s.executeQuery("select version from flyway_schema_history where success"
					+ " and version is not null order by installed_rank desc limit 1")) {
				m.put("schemaVersion", r.next() ? r.getString(1) : null);
			}
			try (ResultSet r = s.executeQuery("select count(*) from products")) {
				r.next();
				m.put("products", r.getLong(1));
			}
		}
		return m;
	}

	private static String literal(Path file) {
		return "'" + file.toString().replace("'", "''") + "'";
	}

}
