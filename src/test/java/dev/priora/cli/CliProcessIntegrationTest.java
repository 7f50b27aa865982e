package dev.priora.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.priora.support.TestDatabase;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged {@code target/priora.jar} run as a user runs it: its own JVM, in a folder
 * laid out like a fresh clone after {@code ./mvnw package} ({@code target/priora.jar} and
 * {@code examples/}), with the README's command lines exactly as written. Standard output
 * must be one JSON object and nothing else — checked by a strict Jackson parser and, when
 * installed, by {@code jq} as in {@code java -jar priora.jar … | jq} — whatever the
 * application logs on the way (the first start's administrator password, Flyway), which
 * must be on standard error. On PostgreSQL the database is named by the
 * {@code PRIORA_DB_…} variables, as the README says. Each run starts a JVM (tens of
 * seconds on a busy machine), so the runs share one database and one test per kind.
 */
class CliProcessIntegrationTest {

	private static final JsonMapper STRICT = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private static final Path JQ = Path.of("/usr/bin/jq");

	@TempDir
	Path clone;

	private record Run(int code, JsonNode json, String err) {
	}

	@BeforeEach
	void aFreshClone() throws IOException {
		Path jar = Path.of("target/priora.jar").toAbsolutePath();
		assertThat(jar).as("the packaged jar (mvn package runs before the integration tests)").exists();
		Files.createDirectories(clone.resolve("target"));
		Files.createSymbolicLink(clone.resolve("target/priora.jar"), jar);
		Files.createSymbolicLink(clone.resolve("examples"), Path.of("examples").toAbsolutePath());
	}

	@Test
	void theReadmeEngineExamplesPrintOnlyJson() throws Exception {
		assumeFalse(TestDatabase.isPostgres(), "plan and forecast use no database: run once, on H2");
		List<List<String>> examples = new ArrayList<>(ReadmeCommands.of("plan"));
		examples.addAll(ReadmeCommands.of("forecast"));
		assertThat(examples).hasSizeGreaterThanOrEqualTo(2);
		for (List<String> example : examples) {
			Run r = run(Map.of(), example);
			assertThat(r.code()).as(example + ": " + r.err()).isZero();
			assertThat(r.json().size()).isGreaterThan(3);
		}
		assertThat(run(Map.of(), List.of("help")).json().get("commands").size()).isEqualTo(7);
		Run bad = run(Map.of(), List.of("plan", "--nrp", "examples/velocities.txt", "--budget-ratio", "0.3"));
		assertThat(bad.code()).isEqualTo(2);
		assertThat(bad.json().get("errors").get(0).get("field").asText()).isEqualTo("--nrp");
		assertThat(bad.err()).contains("priora plan: examples/velocities.txt, line");
	}

	@Test
	void theReadmeImportExamplesPrintOnlyJsonAndLogOnStandardError() throws Exception {
		Map<String, String> env = database();
		List<List<String>> examples = ReadmeCommands.of("import");
		assertThat(examples).as("the README's dry run, then its import").hasSize(2);

		Run dry = run(env, examples.get(0));
		assertThat(dry.code()).as(dry.err()).isZero();
		assertThat(dry.json().get("dryRun").asBoolean()).isTrue();
		assertThat(dry.json().get("created").asInt()).isEqualTo(5);
		assertThat(dry.err()).as("the first start's log goes to standard error")
			.contains("Priora created the administrator account")
			.contains("product ACME does not exist");

		Run created = run(env, examples.get(1));
		assertThat(created.code()).as(created.err()).isZero();
		assertThat(created.json().get("productCreated").asText()).isEqualTo("ACME");
		assertThat(created.json().get("createdItems").size()).as("the dry run created nothing").isEqualTo(5);
		assertThat(created.err()).doesNotContain("administrator account");

		Run missing = run(env, List.of("import", "github", "examples/github/issues.json", "--product", "NOPE"));
		assertThat(missing.code()).isEqualTo(2);
		assertThat(missing.json().get("status").asInt()).isEqualTo(404);
		assertThat(missing.json().get("exitCode").asInt()).isEqualTo(2);
		assertThat(missing.err()).contains("priora import: Product NOPE does not exist.");

		Run bad = run(env, List.of("import", "github", "examples/nrp/small.txt", "--product", "ACME", "--dry-run"));
		assertThat(bad.code()).isEqualTo(2);
		assertThat(bad.json().get("errors").get(0).get("field").asText()).isEqualTo("file");
	}

	/**
	 * The database of the README's defaults (H2 under {@code ./priora-data}), or a fresh
	 * PostgreSQL database named by the variables the README gives.
	 */
	private static Map<String, String> database() {
		if (!TestDatabase.isPostgres()) {
			return Map.of();
		}
		String[] db = TestDatabase.freshDatabase();
		return Map.of("PRIORA_DB_URL", db[0], "PRIORA_DB_USER", db[1], "PRIORA_DB_PASSWORD", db[2]);
	}

	private Run run(Map<String, String> env, List<String> args) throws Exception {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-jar", "target/priora.jar"));
		command.addAll(args);
		Path out = Files.createTempFile(clone, "out", ".json");
		Path err = Files.createTempFile(clone, "err", ".txt");
		ProcessBuilder builder = new ProcessBuilder(command).directory(clone.toFile())
			.redirectOutput(out.toFile())
			.redirectError(err.toFile());
		builder.environment().keySet().removeIf(name -> name.startsWith("PRIORA_"));
		builder.environment().putAll(env);
		Process p = builder.start();
		assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("finished").isTrue();
		String stdout = Files.readString(out, StandardCharsets.UTF_8);
		String stderr = Files.readString(err, StandardCharsets.UTF_8);
		if (Files.isExecutable(JQ)) {
			Process jq = new ProcessBuilder(JQ.toString(), "-e", "-s", "length == 1 and (.[0] | type) == \"object\"")
				.redirectInput(out.toFile())
				.redirectErrorStream(true)
				.start();
			String said = new String(jq.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(jq.waitFor()).as("jq on the standard output of " + args + ": " + said + "\n" + stdout).isZero();
		}
		JsonNode json = STRICT.readTree(stdout);
		assertThat(json.isObject()).as(stdout).isTrue();
		return new Run(p.exitValue(), json, stderr);
	}

}
