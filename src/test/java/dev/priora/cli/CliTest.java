package dev.priora.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

	@TempDir
	Path dir;

	private record Run(int code, String out, String err) {
	}

	private static Run run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
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
		assertThat(r.out()).contains("\"objective\":10", "\"optimal\":true", "\"budget\":6", "\"cost\":5",
				"\"selectedCustomers\":[1]", "\"selectedRequirements\":[3]", "\"greedyObjective\":10");
	}

	@Test
	void refusesBadArgumentsAndFilesWithTheReason() throws Exception {
		Path bad = Files.writeString(dir.resolve("bad.txt"), "1\n2\n3 4\n1\n1 7\n0\n");
		Run badFile = run("plan", "--nrp", bad.toString(), "--budget-ratio", "0.5");
		assertThat(badFile.code()).isEqualTo(2);
		assertThat(badFile.err()).contains("line 5: a requirement id must be from 1 to 2, was 7");
		assertThat(run("plan", "--nrp", dir.resolve("missing.txt").toString(), "--budget-ratio", "0.5").err())
			.contains("no file");
		assertThat(run("plan", "--budget-ratio", "0.5").err()).contains("--nrp is required");
		assertThat(run("plan", "--nrp", bad.toString(), "--budget-ratio", "half").err())
			.contains("--budget-ratio must be a number");
		assertThat(run("plan", "--nrp", bad.toString(), "--budget-ratio", "2").err())
			.contains("the budget ratio must be from 0 to 1");
		assertThat(run("plan", "--bogus", "1").err()).contains("unknown option --bogus");
		assertThat(Cli.handles(new String[] { "plan" })).isTrue();
		assertThat(Cli.handles(new String[] { "--server.port=9" })).isFalse();
	}

	@Test
	void forecastsFromAVelocityHistory() throws Exception {
		Path history = Files.writeString(dir.resolve("velocity.txt"), "# sprint velocities\n28\n31\n30\n\n27\n33\n");
		Run r = run("forecast", "--history", history.toString(), "--remaining", "300", "--trials", "10000", "--seed",
				"7", "--start", "2027-01-04", "--sprint-days", "14", "--target", "2027-06-01");
		assertThat(r.code()).as(r.err()).isZero();
		var json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(r.out());
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
		assertThat(run("forecast", "--history", short_.toString(), "--remaining", "100").err())
			.contains("at least 3 are needed");
		Run stated = run("forecast", "--history", short_.toString(), "--remaining", "100", "--velocity", "25");
		assertThat(stated.out()).contains("the team's stated velocity 25 (± 30 %, counted as 1.5 sprints) blended with")
			.contains("completed sprint");
		Path bad = Files.writeString(dir.resolve("bad.txt"), "30\nthirty\n");
		assertThat(run("forecast", "--history", bad.toString(), "--remaining", "100").err())
			.contains("line 2: 'thirty' is not a velocity");
		assertThat(
				run("forecast", "--history", history.toString(), "--remaining", "100", "--target", "2027-01-01").err())
			.contains("--target needs --start");
	}

}
