package dev.priora.integration;

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
 * Backlog imports in the background, with progress: the file is read and checked at once
 * (a bad file is refused before a job exists), then written by one worker in one
 * transaction while the job's progress goes to the database in separate ones, so any node
 * can report it and take a cancel request. Cancelling rolls the import back.
 */
@Service
public class BacklogImportJobs implements DisposableBean {

	/** Where a job is. */
	public enum State {

		QUEUED, RUNNING, DONE, FAILED, CANCELLED;

		public boolean finished() {
			return this == DONE || this == FAILED || this == CANCELLED;
		}

	}

	/**
	 * A job: items to write and written so far, the report when done, the problem when
	 * failed.
	 */
	public record Job(String id, String productKey, String source, State state, int totalItems, int doneItems,
			boolean cancelRequested, BacklogImport.Report report, Map<String, Object> problem, Instant createdAt,
			Instant finishedAt) {

		@com.fasterxml.jackson.annotation.JsonProperty("percent")
		public int percent() {
			return state == State.DONE ? 100 : totalItems == 0 ? 0 : (int) (100L * doneItems / totalItems);
		}

	}

	private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "priora-backlog-import");
		t.setDaemon(true);
		return t;
	});

	private final BacklogImport imports;

	private final ProductService products;

	private final JdbcClient jdbc;

	private final JobRunner runner;

	private final JsonMapper json;

	private final Clock clock;

	BacklogImportJobs(BacklogImport imports, ProductService products, JdbcClient jdbc,
			PlatformTransactionManager transactions, JsonMapper json, Clock clock) {
		this.imports = imports;
		this.products = products;
		this.jdbc = jdbc;
		this.runner = new JobRunner(jdbc, transactions, json, clock, "backlog_import_jobs", "total_items", "done_items",
				"report");
		this.json = json;
		this.clock = clock;
	}

	/** Checks the file, queues the import and returns its job at once. */
	public Job start(String productKey, BacklogImport.Source source, byte[] file, BacklogImport.Options options,
			UserId user) {
		String key = products.get(productKey).key();
		imports.read(source, file, options);
		String id = UUID.randomUUID().toString();
		jdbc.sql("""
				insert into backlog_import_jobs (id, product_key, source, state, created_by, created_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(id, key, source.label(), State.QUEUED.name(), user.value(), now())
			.update();
		executor.submit(() -> run(id, key, source, file, options, user));
		return get(key, id);
	}

	public Job get(String productKey, String id) {
		return jdbc.sql("select * from backlog_import_jobs where product_key = ? and id = ?")
			.params(products.get(productKey).key(), id)
			.query(this::job)
			.optional()
			.orElseThrow(() -> BacklogProblem.notFound("Import " + id));
	}

	/** The product's latest imports, newest first. */
	public List<Job> recent(String productKey, int limit) {
		return jdbc.sql("select * from backlog_import_jobs where product_key = ? order by created_at desc limit ?")
			.params(products.get(productKey).key(), Math.max(1, Math.min(limit, 100)))
			.query(this::job)
			.list();
	}

	/** Asks a queued or running import to stop (it rolls back); 409 once finished. */
	public Job cancel(String productKey, String id) {
		Job job = get(productKey, id);
		if (job.state().finished()) {
			throw BacklogProblem.conflict("import-finished", "Import " + id + " is " + job.state().name().toLowerCase()
					+ "; only a running import can be cancelled.");
		}
		jdbc.sql("update backlog_import_jobs set cancel_requested = true where id = ?").param(id).update();
		return get(productKey, id);
	}

	private void run(String id, String key, BacklogImport.Source source, byte[] file, BacklogImport.Options options,
			UserId user) {
		runner.run(id, progress -> imports.run(key, source, file, options, false, user, progress::at));
	}

	@SuppressWarnings("unchecked")
	private Job job(ResultSet rs, int n) throws SQLException {
		String report = rs.getString("report");
		String error = rs.getString("error");
		OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
		return new Job(rs.getString("id"), rs.getString("product_key"), rs.getString("source"),
				State.valueOf(rs.getString("state")), rs.getInt("total_items"), rs.getInt("done_items"),
				rs.getBoolean("cancel_requested"),
				report == null ? null : json.readValue(report, BacklogImport.Report.class),
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
