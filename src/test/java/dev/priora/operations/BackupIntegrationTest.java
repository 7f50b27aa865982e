package dev.priora.operations;

import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.aStory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.priora.PrioraApplication;
import dev.priora.cli.Cli;
import dev.priora.integration.ProductArchive;
import dev.priora.support.ApiClient;
import dev.priora.support.IntegrationTestBase;
import dev.priora.support.TestDatabase;
import dev.priora.support.TestProduct;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Backups of the embedded database as an operator takes them: online through the API and
 * with {@code java -jar priora.jar backup}, restored with {@code restore} into a fresh
 * data folder, where the application (started as the commands start it) exports every
 * product exactly as the running server does. On PostgreSQL both ways refuse and point at
 * {@code pg_dump}.
 */
class BackupIntegrationTest extends IntegrationTestBase {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	Environment env;

	@Autowired
	ProductArchive archive;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	private record Run(int code, JsonNode json, String err) {
	}

	@Test
	void aBackupRestoredIntoAFreshDataFolderExportsEveryProductAsTheServerDoes() {
		assumeFalse(TestDatabase.isPostgres(), "pg_dump backs up PostgreSQL");
		ApiClient admin = api();
		TestProduct product = aProduct("BKUP").named("Backed up").createdBy(admin);
		aStory("Kept in the backup").estimate(3).in(product);
		ApiClient.Response online = admin.post("/api/v1/admin/backup", null);
		assertThat(online.status()).as(online.text()).isEqualTo(201);
		Path taken = Path.of(online.json().get("file").asText());
		assertThat(taken).exists();
		assertThat(taken.getFileName().toString()).matches("priora-\\d{8}-\\d{6}\\.sql\\.gz");
		assertThat(online.json().get("products").asLong()).isGreaterThanOrEqualTo(2);

		Path file = dir.resolve("priora-backup.sql.gz");
		Run backup = cli("backup", "--to", file.toString(), "--spring.datasource.url=" + url(),
				"--spring.datasource.username=" + env.getProperty("spring.datasource.username"),
				"--spring.datasource.password=" + env.getProperty("spring.datasource.password", ""));
		assertThat(backup.code()).as(backup.err()).isZero();
		assertThat(backup.json().get("bytes").asLong()).isEqualTo(size(file));
		Path fresh = dir.resolve("restored");
		Run restore = cli("restore", "--from", file.toString(), "--data-dir", fresh.toString());
		assertThat(restore.code()).as(restore.err()).isZero();
		assertThat(restore.json().get("products").asLong()).isEqualTo(backup.json().get("products").asLong());
		assertThat(restore.json().get("schemaVersion").asText()).isEqualTo(backup.json().get("schemaVersion").asText());

		List<String> keys = jdbc.sql("select product_key from products order by product_key")
			.query(String.class)
			.list();
		assertThat(keys).contains("BKUP", "SHOP");
		try (ConfigurableApplicationContext restored = Cli.springContext(PrioraApplication.class)
			.start(new String[] { "--priora.data-dir=" + fresh, "--priora.demo.enabled=false",
					"--logging.level.root=WARN" })) {
			assertThat(restored.getBean(JdbcClient.class)
				.sql("select product_key from products order by product_key")
				.query(String.class)
				.list()).isEqualTo(keys);
			ProductArchive again = restored.getBean(ProductArchive.class);
			for (String key : keys) {
				assertThat(withoutTime(again.export(key))).as(key).isEqualTo(withoutTime(archive.export(key)));
			}
			Run inUse = cli("restore", "--from", file.toString(), "--data-dir", fresh.toString(), "--force");
			assertThat(inUse.code()).isEqualTo(2);
			assertThat(inUse.err()).contains("is open in a running Priora");
		}
	}

	@Test
	void aRestoreRefusesAFolderInUseOrNotEmptyAndAFileThatIsNoBackup() throws IOException {
		Path notABackup = Files.writeString(dir.resolve("notes.txt"), "not a backup");
		Run wrongFile = cli("restore", "--from", notABackup.toString(), "--data-dir", dir.resolve("a").toString());
		assertThat(wrongFile.code()).isEqualTo(2);
		assertThat(wrongFile.json().get("errors").get(0).get("field").asText()).isEqualTo("--from");
		Path full = Files.createDirectories(dir.resolve("full"));
		Files.writeString(full.resolve("initial-admin-password"), "x");
		Path gz = dir.resolve("empty.sql.gz");
		try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
			out.write("select 1;".getBytes(StandardCharsets.UTF_8));
		}
		Run notEmpty = cli("restore", "--from", gz.toString(), "--data-dir", full.toString());
		assertThat(notEmpty.code()).isEqualTo(2);
		assertThat(notEmpty.json().get("errors").get(0).get("field").asText()).isEqualTo("--data-dir");
		assertThat(notEmpty.err()).contains("is not empty", "--force");
		Run noSchema = cli("restore", "--from", gz.toString(), "--data-dir", full.toString(), "--force");
		assertThat(noSchema.code()).as("a script without Priora's tables is refused").isNotZero();
		assertThat(full.resolve("priora.mv.db")).as("nothing is kept of a failed restore").doesNotExist();
	}

	@Test
	void onPostgresTheBackupPointsAtPgDump() {
		assumeTrue(TestDatabase.isPostgres());
		ApiClient.Response online = api().post("/api/v1/admin/backup", null);
		assertThat(online.status()).isEqualTo(409);
		assertThat(online.text()).contains("pg_dump");
		Run backup = cli("backup", "--to", dir.resolve("x.sql.gz").toString(), "--spring.datasource.url=" + url());
		assertThat(backup.code()).isEqualTo(2);
		assertThat(backup.json().get("errors").get(0).get("field").asText()).isEqualTo("spring.datasource.url");
		assertThat(backup.err()).contains("pg_dump");
	}

	private String url() {
		return env.getRequiredProperty("spring.datasource.url");
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private static Map<String, Object> withoutTime(Map<String, Object> export) {
		Map<String, Object> m = new LinkedHashMap<>(export);
		m.remove("exportedAt");
		return m;
	}

	private static Run cli(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = Cli.run(new ArrayList<>(List.of(args)).toArray(String[]::new),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(code, JSON.readTree(out.toString(StandardCharsets.UTF_8)), err.toString(StandardCharsets.UTF_8));
	}

}
