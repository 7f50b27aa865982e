package dev.priora.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CliTest {

	private static final JsonMapper STRICT = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	/** A command for which starting the application would be a defect. */
	private static final Cli.ContextFactory NEVER = args -> {
		throw new AssertionError("the application was started");
	};

	@TempDir
	Path dir;

	private record Run(int code, String out, String err) {

		/** Standard output as exactly one JSON object (and nothing else). */
		JsonNode json() {
			JsonNode node = STRICT.readTree(out);
			assertThat(node.isObject()).as(out).isTrue();
			return node;
		}

		/**
		 * A refusal: exit code 2, a problem object on standard output naming the field,
		 * the message on standard error.
		 */
		JsonNode refused(String field) {
			assertThat(code).as(err).isEqualTo(2);
			JsonNode p = json();
			assertThat(p.get("exitCode").asInt()).isEqualTo(2);
			assertThat(p.get("status").asInt()).isBetween(400, 499);
			assertThat(p.get("errors").get(0).get("field").asText()).isEqualTo(field);
			assertThat(err).contains(p.get("detail").asText());
			return p;
		}

	}

	private static Run run(String... args) {
		return run(NEVER, args);
	}

	private static Run run(Cli.ContextFactory context, String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8), context);
		return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	@Test
	void plansANextReleaseProblemFileAndPrintsOneJsonObject() throws Exception {
		// requirements cost 3, 4, 5; requirement 1 is a prerequisite of 2; customers: 10
		// for {3}, 7 for {1, 2}
		Path file = Files.writeString(dir.resolve("tiny.txt"), "2\n2\n3 4\n1\n5\n1\n1 2\n2\n10 1 3\n7 2 1 2\n");
		Run r = run("plan", "--nrp", file.toString(), "--budget-ratio", "0.5", "--time-limit", "5");
		assertThat(r.code()).as(r.err()).isZero();
		// budget floor(0.5 × 12) = 6: only customer 2 (cost 7) does not fit, customer 1
		// (cost 5) does
		JsonNode plan = r.json();
		assertThat(plan.get("objective").asLong()).isEqualTo(10);
		assertThat(plan.get("optimal").asBoolean()).isTrue();
		assertThat(r.out()).contains("\"budget\":6", "\"cost\":5", "\"selectedCustomers\":[1]",
				"\"selectedRequirements\":[3]", "\"greedyObjective\":10");
	}

	@Test
	void plansAFileOverReleasesWithTheInAppPlanner() throws Exception {
		// as above; budget 12 split into two releases of 6: customer 1 (requirement 3,
		// cost 5) fits the first release; customer 2 (cost 3 + 4) fits no release with it
		Path file = Files.writeString(dir.resolve("tiny2.txt"), "2\n2\n3 4\n1\n5\n1\n1 2\n2\n10 1 3\n7 2 1 2\n");
		Run r = run("plan", "--nrp", file.toString(), "--budget-ratio", "1", "--releases", "2", "--discount", "0.5",
				"--time-limit", "5");
		assertThat(r.code()).as(r.err()).isZero();
		JsonNode plan = r.json();
		assertThat(plan.get("objective").asLong()).isEqualTo(10);
		assertThat(plan.get("optimal").asBoolean()).isTrue();
		assertThat(plan.get("releaseOfRequirement").get(2).asInt()).as("requirement 3 in the first release")
			.isEqualTo(1);
		assertThat(plan.get("satisfiedCustomers").asInt()).isEqualTo(1);
		assertThat(r.out()).contains("\"budget\":12", "\"capacities\":[6,6]");
		// one release: the plain Next Release Problem through the in-app model
		JsonNode one = run("plan", "--nrp", file.toString(), "--budget-ratio", "0.5", "--releases", "1", "--time-limit",
				"5")
			.json();
		assertThat(one.get("objective").asLong()).as("the same optimum as the NRP engine's").isEqualTo(10);

		assertThat(run("plan", "--nrp", file.toString(), "--budget-ratio", "1", "--releases", "0").refused("--releases")
			.toString()).contains("releases must be from 1 to 12");
		assertThat(run("plan", "--nrp", file.toString(), "--budget-ratio", "1", "--releases", "2", "--discount", "1")
			.refused("--discount")
			.toString()).contains("the discount must be from 0 to below 1");
		assertThat(run("plan", "--nrp", file.toString(), "--budget-ratio", "1", "--releases", "2", "--workers", "0")
			.refused("--workers")
			.toString()).contains("workers must be from 1 to 64");
	}

	@Test
	void refusesBadArgumentsAndFilesWithAProblemObjectAndTheReason() throws Exception {
		Path bad = Files.writeString(dir.resolve("bad.txt"), "1\n2\n3 4\n1\n1 7\n0\n");
		assertThat(
				run("plan", "--nrp", bad.toString(), "--budget-ratio", "0.5").refused("--nrp").get("detail").asText())
			.contains("line 5: a requirement id must be from 1 to 2, was 7");
		assertThat(run("plan", "--nrp", dir.resolve("missing.txt").toString(), "--budget-ratio", "0.5").refused("--nrp")
			.get("detail")
			.asText()).contains("no file");
		assertThat(run("plan", "--budget-ratio", "0.5").refused("--nrp").get("detail").asText())
			.isEqualTo("--nrp is required");
		assertThat(run("plan", "--nrp", bad.toString(), "--budget-ratio", "half").err())
			.contains("--budget-ratio must be a number");
		run("plan", "--nrp", bad.toString(), "--budget-ratio", "half").refused("--budget-ratio");
		assertThat(run("plan", "--nrp", bad.toString(), "--budget-ratio", "2").refused("--budget-ratio").toString())
			.contains("the budget ratio must be from 0 to 1");
		assertThat(run("plan", "--bogus", "1").refused("--bogus").toString()).contains("unknown option --bogus");
		assertThat(run("plan", "--nrp").refused("--nrp").toString()).contains("--nrp needs a value");
		Path binary = Files.write(dir.resolve("binary.txt"), new byte[] { (byte) 0xff, (byte) 0xfe, 0 });
		assertThat(run("plan", "--nrp", binary.toString(), "--budget-ratio", "0.5").refused("--nrp").toString())
			.contains("is not a UTF-8 text file");
	}

	@Test
	void forecastsFromAVelocityHistory() throws Exception {
		Path history = Files.writeString(dir.resolve("velocity.txt"), "# sprint velocities\n28\n31\n30\n\n27\n33\n");
		Run r = run("forecast", "--history", history.toString(), "--remaining", "300", "--trials", "10000", "--seed",
				"7", "--start", "2027-01-04", "--sprint-days", "14", "--target", "2027-06-01");
		assertThat(r.code()).as(r.err()).isZero();
		JsonNode json = r.json();
		double p50 = json.get("p50").asDouble();
		assertThat(p50).isBetween(9.3, 10.8);
		assertThat(json.get("p85").asDouble()).isGreaterThan(p50);
		assertThat(json.get("p95").asDouble()).isGreaterThan(json.get("p85").asDouble());
		assertThat(json.get("p50Date").asText()).startsWith("2027-05");
		assertThat(json.get("probability").asDouble()).isBetween(0.0, 1.0);
		assertThat(run("forecast", "--history", history.toString(), "--remaining", "300", "--seed", "7").out())
			.as("seeded: the same forecast again")
			.isEqualTo(run("forecast", "--history", history.toString(), "--remaining", "300", "--seed", "7").out());

		Path short_ = Files.writeString(dir.resolve("short.txt"), "30\n");
		assertThat(
				run("forecast", "--history", short_.toString(), "--remaining", "100").refused("--history").toString())
			.contains("at least 3 are needed");
		Run stated = run("forecast", "--history", short_.toString(), "--remaining", "100", "--velocity", "25");
		assertThat(stated.json().toString())
			.contains("the team's stated velocity 25 (± 30 %, counted as 1.5 sprints) blended with")
			.contains("completed sprint");
		Path bad = Files.writeString(dir.resolve("bad.txt"), "30\nthirty\n");
		assertThat(run("forecast", "--history", bad.toString(), "--remaining", "100").refused("--history").toString())
			.contains("line 2: 'thirty' is not a velocity");
		assertThat(run("forecast", "--history", history.toString(), "--remaining", "100", "--target", "2027-01-01")
			.refused("--target")
			.toString()).contains("--target needs --start");
		assertThat(run("forecast", "--history", history.toString(), "--remaining", "100", "--trials", "5")
			.refused("--trials")
			.toString()).contains("trials must be from 100");
		run("forecast", "--history", history.toString(), "--remaining", "many").refused("--remaining");
		run("forecast", "--history", history.toString(), "--remaining", "100", "--start", "soon").refused("--start");
	}

	@Test
	void helpListsTheCommandsAsJsonAndAsTextOnStandardError() {
		Run r = run("help");
		assertThat(r.code()).isZero();
		assertThat(r.json().get("commands").findValuesAsString("command")).containsExactly("plan", "forecast", "import",
				"backup", "restore", "health", "help");
		assertThat(r.err()).startsWith("usage: java -jar priora.jar").contains("--create-product KEY --name NAME");
		assertThat(run("--help").json()).isEqualTo(r.json());
	}

	@Test
	void anUnknownCommandIsRefusedRatherThanStartingTheServer() {
		assertThat(Cli.handles(new String[] { "improt" })).isTrue();
		assertThat(Cli.handles(new String[] { "plan" })).isTrue();
		assertThat(Cli.handles(new String[] { "--server.port=9" })).isFalse();
		assertThat(Cli.handles(new String[0])).isFalse();
		assertThat(run("improt", "github").refused("command").get("detail").asText())
			.contains("unknown command 'improt'");
	}

	@Test
	void checksImportArgumentsAndFilesBeforeStartingTheApplication() throws Exception {
		Path file = Files.writeString(dir.resolve("issues.json"), "[]");
		String f = file.toString();
		run("import", "asana", f, "--product", "SHOP").refused("source");
		run("import", "github").refused("source");
		assertThat(run("import", "github", f).refused("--product").toString())
			.contains("--create-product KEY --name NAME");
		assertThat(run("import", "github", f, "--product", "A", "--create-product", "B", "--name", "B")
			.refused("--product")
			.toString()).contains("not both");
		assertThat(run("import", "github", f, "--create-product", "ACME").refused("--name").toString())
			.contains("--name is required");
		run("import", "github", f, "--product", "SHOP", "--name", "Shop").refused("--name");
		assertThat(run("import", "github", dir.resolve("none.json").toString(), "--product", "SHOP").refused("FILE")
			.toString()).contains("no file");
		run("import", "github", f, "--product", "SHOP", "--fields", f).refused("--fields");
		run("import", "github", f, "--product", "SHOP", "--server.port=9").refused("--server.port=9");
	}

	@Test
	void aDatabaseInUseIsAFailureThatSaysWhatToDo() throws Exception {
		Path file = Files.writeString(dir.resolve("issues.json"), "[]");
		Run r = run(args -> {
			throw new IllegalStateException("Failed to initialize pool",
					new java.sql.SQLException("Database may be already in use: \"/data/priora.mv.db\"\nmore"));
		}, "import", "github", file.toString(), "--product", "SHOP");
		assertThat(r.code()).isEqualTo(1);
		JsonNode p = r.json();
		assertThat(p.get("exitCode").asInt()).isEqualTo(1);
		assertThat(p.get("status").asInt()).isEqualTo(500);
		assertThat(p.get("detail").asText()).contains("Database may be already in use")
			.contains("a Priora server is using this database")
			.doesNotContain("more");
		assertThat(r.err()).contains("priora import: Priora could not start");
	}

	@Test
	void theReadmeExamplesOfPlanAndForecastRunOnAFreshClone() throws Exception {
		List<List<String>> examples = new java.util.ArrayList<>(ReadmeCommands.of("plan"));
		examples.addAll(ReadmeCommands.of("forecast"));
		assertThat(examples).hasSizeGreaterThanOrEqualTo(2);
		for (List<String> args : examples) {
			for (int i = 0; i < args.size() - 1; i++) {
				if (args.get(i).equals("--nrp") || args.get(i).equals("--history")) {
					assertThat(Path.of(args.get(i + 1))).as("shipped with the project").exists();
				}
			}
			Run r = run(args.toArray(String[]::new));
			assertThat(r.code()).as(args + ": " + r.err()).isZero();
			assertThat(r.json().size()).isGreaterThan(3);
		}
		JsonNode small = run(ReadmeCommands.of("plan").get(0).toArray(String[]::new)).json();
		assertThat(small.get("optimal").asBoolean()).as("the small example is solved to optimality").isTrue();
		assertThat(small.get("objective").asLong()).isGreaterThan(small.get("greedyObjective").asLong() - 1);
	}

}
