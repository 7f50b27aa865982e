package dev.priora.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.priora.PrioraApplication;
import dev.priora.support.TestDatabase;

/**
 * A Priora server for benchmarks: a fresh H2 file database or embedded PostgreSQL, a
 * random port, the administrator {@code admin@localhost} with password {@link #PASSWORD};
 * no demo data unless asked. A {@link Store} can be started again, for figures after a
 * restart.
 */
final class BenchServer {

	static final String PASSWORD = "benchmark-password";

	private BenchServer() {
	}

	/** A database and a data folder (similarity indexes, files) that outlive a server. */
	record Store(String db, String url, String user, String password, Path dataDir) {

		static Store fresh(String db) throws IOException {
			System.setProperty("priora.test.db", db);
			Path dataDir = Files.createTempDirectory("priora-bench");
			String[] url = "postgres".equals(db) ? TestDatabase.freshDatabase() : new String[] { "jdbc:h2:file:"
					+ dataDir
					+ "/priora;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=64",
					"sa", "" };
			return new Store(db, url[0], url[1], url[2], dataDir);
		}

	}

	static ConfigurableApplicationContext start(String db) throws IOException {
		return start(Store.fresh(db), false);
	}

	/**
	 * Starts a server on the store; {@code demo} adds the demo product on a first start,
	 * {@code sources} more configuration (e.g. {@code RequestProbe}).
	 */
	static ConfigurableApplicationContext start(Store store, boolean demo, Class<?>... sources) {
		List<Class<?>> all = new ArrayList<>(List.of(PrioraApplication.class));
		all.addAll(List.of(sources));
		return new SpringApplication(all.toArray(Class<?>[]::new)).run("--spring.datasource.url=" + store.url(),
				"--spring.datasource.username=" + store.user(), "--spring.datasource.password=" + store.password(),
				"--priora.data-dir=" + store.dataDir(), "--server.port=0", "--priora.demo.enabled=" + demo,
				"--priora.admin.password=" + PASSWORD, "--logging.level.root=WARN");
	}

	static int port(ConfigurableApplicationContext app) {
		return ((WebServerApplicationContext) app).getWebServer().getPort();
	}

	/** The 1-, 5- and 15-minute load averages, as the figures' context. */
	static String load() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return "load " + parts[0] + " " + parts[1] + " " + parts[2];
		}
		catch (IOException e) {
			return "load unknown";
		}
	}

}
