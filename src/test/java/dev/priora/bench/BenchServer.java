package dev.priora.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import dev.priora.PrioraApplication;
import dev.priora.support.TestDatabase;

/**
 * A Priora server for benchmarks: a fresh H2 file database or embedded PostgreSQL, a
 * random port, no demo data, the administrator {@code admin@localhost} with password
 * {@link #PASSWORD}.
 */
final class BenchServer {

	static final String PASSWORD = "benchmark-password";

	private BenchServer() {
	}

	static ConfigurableApplicationContext start(String db) throws IOException {
		System.setProperty("priora.test.db", db);
		Path dataDir = Files.createTempDirectory("priora-bench");
		String[] url = "postgres".equals(db) ? TestDatabase.freshDatabase()
				: new String[] {
						"jdbc:h2:file:" + dataDir
								+ "/priora;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
						"sa", "" };
		return new SpringApplication(PrioraApplication.class).run("--spring.datasource.url=" + url[0],
				"--spring.datasource.username=" + url[1], "--spring.datasource.password=" + url[2],
				"--priora.data-dir=" + dataDir, "--server.port=0", "--priora.demo.enabled=false",
				"--priora.admin.password=" + PASSWORD, "--logging.level.root=WARN");
	}

}
