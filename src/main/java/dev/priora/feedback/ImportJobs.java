package dev.priora.feedback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

	/**
	 * A job: rows to insert and inserted so far, the result when done, and when it failed
	 * the problem (detail and per-row errors).
	 */
	public record Job(String id, String productKey, FeedbackImporter.Format format, JobRunner.State state,
			int totalRows, int doneRows, boolean cancelRequested, ImportResult result, Map<String, Object> problem,
			Instant createdAt, Instant finishedAt) {

		@com.fasterxml.jackson.annotation.JsonProperty("percent")
		public int percent() {
			return state == JobRunner.State.DONE ? 100 : totalRows == 0 ? 0 : (int) (100L * doneRows / totalRows);
		}

	}

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
			.params(id, key, format.name(), JobRunner.State.QUEUED.name(), user.value(), now())
			.update();
		runner.submit(id, progress -> importer.importFile(key, format, file, mapping, false, user, progress::at));
		return get(key, id);
	}

	public Job get(String productKey, String id) {
		return runner.get(products.get(productKey).key(), id, this::job, "Import");
	}

	/** The product's latest imports, newest first. */
	public List<Job> recent(String productKey, int limit) {
		return runner.recent(products.get(productKey).key(), limit, this::job);
	}

	/**
	 * Asks a queued or running import to stop; it rolls back at its next progress step. A
	 * finished import cannot be cancelled (409).
	 */
	public Job cancel(String productKey, String id) {
		runner.cancel(products.get(productKey).key(), id, "Import");
		return get(productKey, id);
	}

	@SuppressWarnings("unchecked")
	private Job job(ResultSet rs, int n) throws SQLException {
		String result = rs.getString("result");
		String error = rs.getString("error");
		OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
		return new Job(rs.getString("id"), rs.getString("product_key"),
				FeedbackImporter.Format.valueOf(rs.getString("format")), JobRunner.State.valueOf(rs.getString("state")),
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
		runner.close();
	}

}
