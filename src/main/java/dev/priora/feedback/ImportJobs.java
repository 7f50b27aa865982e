package dev.priora.feedback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;

import dev.priora.accounts.UserId;
import dev.priora.backlog.BacklogProblem;
import dev.priora.backlog.JobRunner;
import dev.priora.backlog.ProductService;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports that run in the background: each job's state, progress and result live in the
 * database, so any node can report them and take a cancel request. The import itself is
 * one transaction; cancelling rolls it back, so nothing of a cancelled import is kept.
 * Jobs run one at a time per node, in the order they were started.
 */
@Service
public class ImportJobs implements DisposableBean {

	/** Where a job is: queued, running, done, failed (nothing imported) or cancelled. */
	public enum State {

		QUEUED, RUNNING, DONE, FAILED, CANCELLED;

		public boolean finished() {
			return this == DONE || this == FAILED || this == CANCELLED;
		}

	}

	/**
	 * A job: rows to insert and inserted so far, the result when done, and when it failed
	 * the problem (detail and per-row errors).
	 */
	public record Job(String id, String productKey, FeedbackImporter.Format format, State state, int totalRows,
			int doneRows, boolean cancelRequested, ImportResult result, Map<String, Object> problem, Instant createdAt,
			Instant finishedAt) {

		@com.fasterxml.jackson.annotation.JsonProperty("percent")
		public int percent() {
			return state == State.DONE ? 100 : totalRows == 0 ? 0 : (int) (100L * doneRows / totalRows);
		}

	}

	private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "priora-import");
		t.setDaemon(true);
		return t;
	});

	private final FeedbackImporter importer;

	private final ProductService products;

	private final JdbcClient jdbc;

	private final JobRunner runner;

	private final JsonMapper json;

	private final Clock clock;

	ImportJobs(FeedbackImporter importer, ProductService products, JdbcClient jdbc,
			PlatformTransactionManager transactions, JsonMapper json, Clock clock) {
		this.importer = importer;
		this.products = products;
		this.jdbc = jdbc;
		this.runner = new JobRunner(jdbc, transactions, json, clock, "import_jobs", "total_rows", "done_rows",
				"result");
		this.json = json;
		this.clock = clock;
	}

	/** Queues the import and returns its job at once. */
	public Job start(String productKey, FeedbackImporter.Format format, byte[] file, ImportMapping mapping,
			UserId user) {
		String key = products.get(productKey).key();
		if (file == null || file.length == 0) {
			throw BacklogProblem.invalid("file", "is empty");
		}
		if (file.length > FeedbackImporter.MAX_BYTES) {
			throw BacklogProblem.invalid("file", "is larger than " + FeedbackImporter.MAX_BYTES / 1024 / 1024 + " MB");
		}
		String id = UUID.randomUUID().toString();
		jdbc.sql("""
				insert into import_jobs (id, product_key, format, state, created_by, created_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(id, key, format.name(), State.QUEUED.name(), user.value(), now())
			.update();
		executor.submit(() -> run(id, key, format, file, mapping, user));
		return get(key, id);
	}

	public Job get(String productKey, String id) {
		return jdbc.sql("select * from import_jobs where product_key = ? and id = ?")
			.params(products.get(productKey).key(), id)
			.query(this::job)
			.optional()
			.orElseThrow(() -> BacklogProblem.notFound("Import " + id));
	}

	/** The product's latest imports, newest first. */
	public List<Job> recent(String productKey, int limit) {
		return jdbc.sql("select * from import_jobs where product_key = ? order by created_at desc limit ?")
			.params(products.get(productKey).key(), Math.max(1, Math.min(limit, 100)))
			.query(this::job)
			.list();
	}

	/**
	 * Asks a queued or running import to stop; it rolls back at its next progress step. A
	 * finished import cannot be cancelled (409).
	 */
	public Job cancel(String productKey, String id) {
		Job job = get(productKey, id);
		if (job.state().finished()) {
			throw BacklogProblem.conflict("import-finished", "Import " + id + " is " + job.state().name().toLowerCase()
					+ "; only a running import can be cancelled.");
		}
		jdbc.sql("update import_jobs set cancel_requested = true where id = ?").param(id).update();
		return get(productKey, id);
	}

	private void run(String id, String key, FeedbackImporter.Format format, byte[] file, ImportMapping mapping,
			UserId user) {
		runner.run(id, progress -> importer.importFile(key, format, file, mapping, false, user, progress::at));
	}

	@SuppressWarnings("unchecked")
	private Job job(ResultSet rs, int n) throws SQLException {
		String result = rs.getString("result");
		String error = rs.getString("error");
		OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
		return new Job(rs.getString("id"), rs.getString("product_key"),
				FeedbackImporter.Format.valueOf(rs.getString("format")), State.valueOf(rs.getString("state")),
				rs.getInt("total_rows"), rs.getInt("done_rows"), rs.getBoolean("cancel_requested"),
				result == null ? null : json.readValue(result, ImportResult.class),
				error == null ? null : json.readValue(error, Map.class),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				finished == null ? null : finished.toInstant());
	}

	private OffsetDateTime now() {
		return clock.instant().atOffset(ZoneOffset.UTC);
	}

	@Override
	public void destroy() {
		executor.shutdownNow();
	}

}
