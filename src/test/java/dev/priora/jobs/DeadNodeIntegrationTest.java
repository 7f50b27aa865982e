package dev.priora.jobs;

import static dev.priora.support.Fixtures.aProduct;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import dev.priora.support.ApiClient;
import dev.priora.support.Eventually;
import dev.priora.support.IntegrationTestBase;
import tools.jackson.databind.JsonNode;

/**
 * This node finds the executions of another node whose heartbeats lapsed ("ghost", as a
 * node killed in the middle of its work leaves them: picked, with its last heartbeat) and
 * ends their jobs: a running import as failed with the reason, or as cancelled when a
 * cancel was asked for while the node was already gone; a job the dead node had picked
 * but not started runs again here.
 */
@TestPropertySource(properties = { "priora.jobs.heartbeat-interval=1s", "priora.jobs.missed-heartbeats=4" })
class DeadNodeIntegrationTest extends IntegrationTestBase {

	@Autowired
	JdbcClient jdbc;

	@Test
	void endsTheJobsOfANodeWhoseHeartbeatsLapsed() throws InterruptedException {
		ApiClient api = api();
		aProduct("DEAD").named("Dead node").createdBy(api);
		String failed = ghostJob("RUNNING", Duration.ofSeconds(1));
		String cancelled = ghostJob("RUNNING", Duration.ofSeconds(1));
		String queued = ghostJob("QUEUED", Duration.ofSeconds(1));
		var cancel = api.delete("/api/v1/products/DEAD/feedback/imports/" + cancelled, null);
		assertThat(cancel.status()).as(cancel.text()).isEqualTo(202);
		assertThat(cancel.json().get("state").asText()).as("the dead node's job still looks running")
			.isEqualTo("RUNNING");

		JsonNode f = await(api, failed);
		assertThat(f.get("state").asText()).isEqualTo("FAILED");
		assertThat(f.get("problem").get("detail").asText())
			.isEqualTo("The server running this job (ghost:1) stopped before the job finished; nothing of it was kept."
					+ " Start it again.");
		assertThat(await(api, cancelled).get("state").asText()).isEqualTo("CANCELLED");
		JsonNode revived = await(api, queued);
		assertThat(revived.get("state").asText()).as(revived.toString()).isEqualTo("DONE");
		assertThat(revived.get("result").get("imported").asInt()).isEqualTo(1);
		assertThat(jdbc
			.sql("select count(*) from scheduled_tasks where picked_by = 'ghost:1' and task_instance in (?, ?, ?)")
			.params(failed, cancelled, queued)
			.query(Long.class)
			.single()).as("the dead node's executions are gone").isZero();
		assertThat(jdbc
			.sql("select count(*) from job_inputs i join jobs j on j.id = i.job_id where j.product_key = 'DEAD'")
			.query(Long.class)
			.single()).as("inputs are dropped").isZero();
	}

	@Test
	void aLiveNodesHeartbeatsKeepItsExecutionAlive() throws InterruptedException {
		ApiClient api = api();
		aProduct("DEADN").named("Live node").createdBy(api);
		String job = ghostJob("RUNNING", Duration.ofSeconds(-600), "DEADN");
		// the node is alive (its heartbeats are newer than the dead time) for six seconds
		Eventually.within(Duration.ofSeconds(8))
			.during(Duration.ofSeconds(6))
			.alias("the live node's job stays RUNNING")
			.until(() -> api.get("/api/v1/products/DEADN/feedback/imports/" + job).json().get("state").asText(),
					"RUNNING"::equals);
	}

	/** A feedback import picked by the node "ghost:1", last heard of {@code ago}. */
	private String ghostJob(String state, Duration ago) {
		return ghostJob(state, ago, "DEAD");
	}

	private String ghostJob(String state, Duration ago, String product) {
		String id = UUID.randomUUID().toString();
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		jdbc.sql("""
				insert into jobs (id, kind, product_key, state, params, node, created_by, created_at, started_at)
				values (?, 'feedback-import', ?, ?, '{"format":"CSV","mapping":{"text":"body","validRowsOnly":false}}',
				        'ghost:1', (select min(id) from users), ?, ?)""").params(id, product, state, now, now).update();
		jdbc.sql("insert into job_inputs (job_id, seq, bytes) values (?, 0, ?)")
			.params(id, "body\nrevived\n".getBytes(StandardCharsets.UTF_8))
			.update();
		jdbc.sql(
				"""
						insert into scheduled_tasks (task_name, task_instance, execution_time, picked, picked_by, last_heartbeat,
						                             version)
						values ('priora-job', ?, ?, true, 'ghost:1', ?, 1)""")
			.params(id, now, now.minus(ago).minusSeconds(10))
			.update();
		return id;
	}

	private static JsonNode await(ApiClient api, String job) {
		return Eventually.ended(api, "/api/v1/products/DEAD/feedback/imports/" + job);
	}

}
