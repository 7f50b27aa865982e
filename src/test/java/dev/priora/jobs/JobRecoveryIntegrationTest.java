package dev.priora.jobs;

import static dev.priora.support.Fixtures.aProduct;
import static org.assertj.core.api.Assertions.assertThat;

import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.priora.support.ApiClient;
import dev.priora.support.Eventually;
import dev.priora.support.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * A real server ({@code target/priora.jar} in its own JVM) killed with {@code kill -9} in
 * the middle of an import, on an H2 file database or the embedded PostgreSQL, and started
 * again under the same node name: the import kept nothing, its job is failed at start-up
 * with the reason, a cancel of it is refused as finished, and a new import runs. (Another
 * node taking over when heartbeats lapse: {@link DeadNodeIntegrationTest}.)
 */
class JobRecoveryIntegrationTest {

	private static final String PASSWORD = "recovery test password";

	private static final String IMPORT = "/api/v1/products/REC/feedback/import?text=body&async=true";

	@TempDir
	Path dir;

	private final List<Process> servers = new ArrayList<>();

	private String[] db;

	@AfterEach
	void stopServers() {
		servers.forEach(Process::destroyForcibly);
	}

	@Test
	void aRestartedNodeFailsTheImportItWasRunningWhenKilled() throws Exception {
		db = database();
		int port = freePort();
		Process first = start(port, "--priora.jobs.heartbeat-interval=1s", "--priora.jobs.missed-heartbeats=4");
		ApiClient api = ApiClient.signIn(port, "admin@localhost", PASSWORD);
		aProduct("REC").named("Recovery").createdBy(api);
		String job = startBigImport(api);
		await(api, job, j -> j.get("doneRows").asInt() > 0, Duration.ofSeconds(120), first);
		kill(first);

		start(port, "--priora.jobs.heartbeat-interval=1s", "--priora.jobs.missed-heartbeats=4");
		ApiClient again = ApiClient.signIn(port, "admin@localhost", PASSWORD);
		JsonNode failed = await(again, job, j -> !"RUNNING".equals(j.get("state").asText()), Duration.ofSeconds(30),
				null);
		assertThat(failed.get("state").asText()).as(failed.toString()).isEqualTo("FAILED");
		assertThat(failed.get("problem").get("detail").asText()).contains("stopped before the job finished")
			.contains("nothing of it was kept");
		assertThat(feedbackCount(again)).as("all or nothing").isZero();
		var cancel = again.delete("/api/v1/products/REC/feedback/imports/" + job, null);
		assertThat(cancel.status()).isEqualTo(409);
		assertThat(cancel.isProblem()).isTrue();
		assertThat(cancel.json().get("detail").asText()).contains("is failed");
		assertNewImportRuns(again);
	}

	private static String startBigImport(ApiClient api) {
		StringBuilder csv = new StringBuilder("body\n");
		for (int i = 0; i < 400_000; i++) {
			csv.append("Feedback number ").append(i).append(" about the checkout\n");
		}
		var started = api.postFile(IMPORT, csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv");
		assertThat(started.status()).as(started.text()).isEqualTo(202);
		return started.json().get("id").asText();
	}

	private static void assertNewImportRuns(ApiClient api) throws InterruptedException {
		var next = api.postFile(IMPORT, "body\nafter the crash\n".getBytes(StandardCharsets.UTF_8), "text/csv");
		assertThat(next.status()).as(next.text()).isEqualTo(202);
		JsonNode done = await(api, next.json().get("id").asText(), j -> j.get("state").asText().equals("DONE"),
				Duration.ofSeconds(60), null);
		assertThat(done.get("state").asText()).isEqualTo("DONE");
		assertThat(feedbackCount(api)).isEqualTo(1);
	}

	private static int feedbackCount(ApiClient api) {
		return api.get("/api/v1/products/REC/feedback?limit=5").json().get("feedback").size();
	}

	/**
	 * The job once {@code until} holds; with a server to kill ({@code alive}), failing at
	 * once if the job ends first.
	 */
	private static JsonNode await(ApiClient api, String job, Predicate<JsonNode> until, Duration timeout,
			Process alive) {
		return Eventually.within(timeout).alias("job " + job).until(() -> {
			JsonNode j = api.get("/api/v1/products/REC/feedback/imports/" + job).json();
			if (List.of("DONE", "FAILED", "CANCELLED").contains(j.get("state").asText()) && alive != null) {
				throw new AssertionError("the import ended before the server could be killed: " + j);
			}
			return j;
		}, until);
	}

	private String[] database() throws IOException {
		if (TestDatabase.isPostgres()) {
			return TestDatabase.freshDatabase();
		}
		return new String[] { "jdbc:h2:file:" + dir.resolve("db/priora")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;AUTO_SERVER=FALSE",
				"sa", "" };
	}

	private Process start(int port, String... settings) throws Exception {
		Path jar = Path.of("target/priora.jar").toAbsolutePath();
		assertThat(jar).as("the packaged server (mvn package runs before the integration tests)").exists();
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java, "-Xmx768m", "-jar", jar.toString(),
				"--server.port=" + port, "--spring.datasource.url=" + db[0], "--spring.datasource.username=" + db[1],
				"--spring.datasource.password=" + db[2], "--priora.data-dir=" + dir.resolve("data"),
				"--priora.admin.password=" + PASSWORD, "--priora.demo.enabled=false", "--logging.level.root=WARN"));
		command.addAll(List.of(settings));
		Path log = dir.resolve("server-" + servers.size() + ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		servers.add(process);
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest readiness = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
			.build();
		try {
			Eventually.within(Duration.ofMinutes(5))
				.pollInterval(Duration.ofMillis(250))
				.ignoreExceptionsInstanceOf(IOException.class)
				.until(() -> {
					if (!process.isAlive()) {
						throw new AssertionError("the server stopped: " + Files.readString(log));
					}
					return http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
				});
		}
		catch (ConditionTimeoutException e) {
			throw new AssertionError("the server did not start: " + Files.readString(log), e);
		}
		return process;
	}

	private static void kill(Process process) throws InterruptedException {
		process.destroyForcibly(); // SIGKILL: no shutdown hook, no graceful stop
		assertThat(process.waitFor(Duration.ofSeconds(30).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS))
			.isTrue();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
