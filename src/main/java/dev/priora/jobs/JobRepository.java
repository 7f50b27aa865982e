package dev.priora.jobs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code jobs} and {@code job_inputs} tables, and the heartbeats of db-scheduler's.
 */
@Repository
class JobRepository {

	/** Size of one stored input chunk. */
	static final int CHUNK = 1024 * 1024;

	private static final String UNFINISHED = "('QUEUED', 'RUNNING')";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	JobRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void insert(String id, String kind, String productKey, String params, Long createdBy, Instant now) {
		jdbc.sql("""
				insert into jobs (id, kind, product_key, state, params, created_by, created_at)
				values (?, ?, ?, 'QUEUED', ?, ?, ?)""")
			.params(id, kind, productKey, params, createdBy, utc(now))
			.update();
	}

	/** Stores the input in chunks, reading it as it goes; returns its size in bytes. */
	long storeInput(String id, InputStream input) {
		long size = 0;
		int seq = 0;
		try {
			byte[] chunk;
			while ((chunk = input.readNBytes(CHUNK)).length > 0) {
				jdbc.sql("insert into job_inputs (job_id, seq, bytes) values (?, ?, ?)")
					.params(id, seq++, chunk)
					.update();
				size += chunk.length;
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return size;
	}

	byte[] input(String id) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int seq = 0;
		while (true) {
			Optional<byte[]> chunk = jdbc.sql("select bytes from job_inputs where job_id = ? and seq = ?")
				.params(id, seq++)
				.query((rs, n) -> rs.getBytes(1))
				.optional();
			if (chunk.isEmpty()) {
				return out.toByteArray();
			}
			out.writeBytes(chunk.get());
		}
	}

	void deleteInput(String id) {
		jdbc.sql("delete from job_inputs where job_id = ?").param(id).update();
	}

	Optional<Job> find(String id) {
		return jdbc.sql("select * from jobs where id = ?").param(id).query(this::job).optional();
	}

	Optional<Job> find(String kind, String productKey, String id) {
		return jdbc.sql("select * from jobs where kind = ? and product_key = ? and id = ?")
			.params(kind, productKey, id)
			.query(this::job)
			.optional();
	}

	List<Job> recent(String kind, String productKey, int limit) {
		return jdbc.sql("select * from jobs where kind = ? and product_key = ? order by seq desc limit ?")
			.params(kind, productKey, limit)
			.query(this::job)
			.list();
	}

	List<Job> byIds(Collection<String> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select * from jobs where id in (:ids)").param("ids", ids).query(this::job).list();
	}

	/** Whether an older job of the same kind and product has not finished yet. */
	boolean waitsBehindAnother(Job job) {
		return jdbc
			.sql("select count(*) from jobs where kind = ? and product_key = ? and state in " + UNFINISHED
					+ " and seq < (select seq from jobs where id = ?)")
			.params(job.kind(), job.productKey(), job.id())
			.query(Long.class)
			.single() > 0;
	}

	boolean markRunning(String id, String node, Instant now) {
		return jdbc.sql("update jobs set state = 'RUNNING', node = ?, started_at = ? where id = ? and state = 'QUEUED'")
			.params(node, utc(now), id)
			.update() == 1;
	}

	boolean progress(String id, long done, long total) {
		jdbc.sql("update jobs set done = ?, total = ? where id = ?").params(done, total, id).update();
		return cancelRequested(id);
	}

	boolean cancelRequested(String id) {
		return Boolean.TRUE.equals(jdbc.sql("select cancel_requested from jobs where id = ?")
			.param(id)
			.query(Boolean.class)
			.optional()
			.orElse(false));
	}

	/** Ends an unfinished job; false if it had ended already. */
	boolean finish(String id, JobState state, String result, Map<String, Object> problem, Instant now) {
		return jdbc
			.sql("update jobs set state = ?, result = ?, problem = ?, finished_at = ? where id = ? and state in "
					+ UNFINISHED)
			.params(state.name(), result, problem == null ? null : json.writeValueAsString(problem), utc(now), id)
			.update() == 1;
	}

	/** Cancels a job that has not started; false if it has. */
	boolean cancelQueued(String id, Instant now) {
		return jdbc
			.sql("update jobs set state = 'CANCELLED', cancel_requested = true, finished_at = ? where id = ?"
					+ " and state = 'QUEUED'")
			.params(utc(now), id)
			.update() == 1;
	}

	/** Asks a running job to stop; false if it is not running. */
	boolean requestCancel(String id) {
		return jdbc.sql("update jobs set cancel_requested = true where id = ? and state = 'RUNNING'")
			.param(id)
			.update() == 1;
	}

	/**
	 * Declares the executions a node of this name had picked dead: on start-up they are
	 * its previous life's, whose heartbeats stopped with it, so the scheduler's
	 * dead-execution check handles them at once instead of after the heartbeats lapse.
	 */
	int expireHeartbeatsOf(String node) {
		return jdbc.sql("update scheduled_tasks set last_heartbeat = ? where picked = true and picked_by = ?")
			.params(utc(Instant.EPOCH), node)
			.update();
	}

	@SuppressWarnings("unchecked")
	private Job job(ResultSet rs, int n) throws SQLException {
		String problem = rs.getString("problem");
		return new Job(rs.getString("id"), rs.getString("kind"), rs.getString("product_key"),
				JobState.valueOf(rs.getString("state")), rs.getLong("done"), rs.getLong("total"),
				rs.getBoolean("cancel_requested"), rs.getString("params"), rs.getString("result"),
				problem == null ? null : json.readValue(problem, Map.class),
				(Long) rs.getObject("created_by", Long.class), instant(rs, "created_at"), instant(rs, "started_at"),
				instant(rs, "finished_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}

	private static OffsetDateTime utc(Instant t) {
		return t.atOffset(ZoneOffset.UTC);
	}

}
