package dev.priora.support;

import java.io.IOException;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The database integration tests run on: H2 (PostgreSQL mode) or an embedded PostgreSQL,
 * chosen by the system property {@code priora.test.db} (the build runs every integration
 * test on both). One PostgreSQL server serves the whole test JVM; each Spring context
 * gets a database of its own.
 */
public final class TestDatabase {

	private static EmbeddedPostgres postgres;

	private TestDatabase() {
	}

	public static boolean isPostgres() {
		return "postgres".equals(System.getProperty("priora.test.db", "h2"));
	}

	public static String name() {
		return isPostgres() ? "PostgreSQL" : "H2";
	}

	/** JDBC URL, user and password of a fresh, empty database. */
	public static String[] freshDatabase() {
		String db = "priora_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		if (!isPostgres()) {
			return new String[] {
					"jdbc:h2:mem:" + db
							+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
					"sa", "" };
		}
		EmbeddedPostgres pg = server();
		try (var c = pg.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
			s.execute("create database " + db);
		}
		catch (java.sql.SQLException e) {
			throw new IllegalStateException("could not create test database " + db, e);
		}
		return new String[] { pg.getJdbcUrl("postgres", db), "postgres", "postgres" };
	}

	private static synchronized EmbeddedPostgres server() {
		if (postgres == null) {
			if ("root".equals(System.getProperty("user.name"))) {
				throw new IllegalStateException("PostgreSQL refuses to run as root. Run the build as an ordinary user;"
						+ " .ci/run does this for CI (see README, 'Tests').");
			}
			try {
				// a throwaway server: no waiting for the disk (the tests kill
				// applications,
				// never this server)
				postgres = EmbeddedPostgres.builder()
					.setServerConfig("fsync", "off")
					.setServerConfig("synchronous_commit", "off")
					.setServerConfig("full_page_writes", "off")
					.start();
			}
			catch (IOException e) {
				throw new IllegalStateException("could not start the embedded PostgreSQL", e);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException e) {
					// the JVM is going away
				}
			}));
		}
		return postgres;
	}

}
