package dev.priora.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.priora.support.TestDatabase;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every command of the packaged {@code target/priora.jar}, run as a user runs it (its own
 * JVM): standard output is one JSON object and nothing else — checked by {@code jq} as in
 * {@code java -jar priora.jar … | jq}, when jq is installed, and by a strict JSON parser
 * — whatever the application logs on the way (here: the generated administrator password,
 * Flyway's warnings).
 */
class CliProcessIntegrationTest {

	private static final JsonMapper STRICT = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private static final Path JQ = Path.of("/usr/bin/jq");

	@TempDir
	Path dir;

	private record Run(int code, JsonNode json, String err) {
	}

	private Run run(String... args) throws Exception {
		Path jar = Path.of("target/priora.jar").toAbsolutePath();
		assertThat(jar).as("the packaged jar (mvn package runs before the integration tests)").exists();
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-jar", jar.toString()));
		command.addAll(List.of(args));
		Path out = dir.resolve("out.json");
		Path err = dir.resolve("err.txt");
		Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("finished").isTrue();
		String stdout = Files.readString(out, StandardCharsets.UTF_8);
		String stderr = Files.readString(err, StandardCharsets.UTF_8);
		if (Files.isExecutable(JQ)) {
			Process jq = new ProcessBuilder(JQ.toString(), "-e", "-s", "length == 1 and (.[0] | type) == \"object\"")
				.redirectInput(out.toFile())
				.redirectErrorStream(true)
				.start();
			String said = new String(jq.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(jq.waitFor()).as("jq on the standard output of " + List.of(args) + ": " + said + "\n" + stdout)
				.isZero();
		}
		JsonNode json = STRICT.readTree(stdout);
		assertThat(json.isObject()).as(stdout).isTrue();
		return new Run(p.exitValue(), json, stderr);
	}

	private String[] database() throws IOException {
		if (TestDatabase.isPostgres()) {
			return TestDatabase.freshDatabase();
		}
		return new String[] {
				"jdbc:h2:file:" + dir.resolve("db/priora")
						+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE",
				"sa", "" };
	}

	@Test
	void everyCommandPrintsOnlyJsonOnStandardOutput() throws Exception {
		assertThat(run("help").json().get("commands").size()).isEqualTo(4);
		assertThat(run("plan", "--nrp", "examples/nrp/small.txt", "--budget-ratio", "0.3").json()
			.get("optimal")
			.asBoolean()).isTrue();
		assertThat(run("plan", "--nrp", "nothing.txt", "--budget-ratio", "0.3").code()).isEqualTo(2);
		assertThat(run("forecast", "--history", "examples/velocities.txt", "--remaining", "300").json().has("p85"))
			.isTrue();
		assertThat(run("forecast", "--history", "examples/velocities.txt").code()).isEqualTo(2);
		assertThat(run("improt").code()).isEqualTo(2);

		String[] db = database();
		String[] settings = { "--spring.datasource.url=" + db[0], "--spring.datasource.username=" + db[1],
				"--spring.datasource.password=" + db[2], "--priora.data-dir=" + dir.resolve("data") };
		String issues = "examples/github/issues.json";
		Run dry = run(with(settings, "import", "github", issues, "--product", "ACME", "--dry-run"));
		assertThat(dry.code()).as(dry.err()).isZero();
		assertThat(dry.json().get("created").asInt()).isEqualTo(5);
		assertThat(dry.err()).as("the first start's log goes to standard error")
			.contains("Priora created the administrator account")
			.contains("product ACME does not exist");

		Run refused = run(with(settings, "import", "github", issues, "--product", "ACME"));
		assertThat(refused.code()).isEqualTo(2);
		assertThat(refused.json().get("status").asInt()).isEqualTo(404);

		Run created = run(
				with(settings, "import", "github", issues, "--create-product", "ACME", "--name", "Acme shop"));
		assertThat(created.code()).as(created.err()).isZero();
		assertThat(created.json().get("createdItems").size()).isEqualTo(5);

		Run bad = run(with(settings, "import", "github", "examples/nrp/small.txt", "--product", "ACME"));
		assertThat(bad.code()).isEqualTo(2);
		assertThat(bad.json().get("errors").get(0).get("field").asText()).isEqualTo("file");
	}

	private static String[] with(String[] settings, String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(List.of(settings));
		return all.toArray(String[]::new);
	}

}
