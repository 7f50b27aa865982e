package dev.priora.integration;

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
 * Backlog imports in the background, with progress: the file is read and checked at once
 * (a bad file is refused before a job exists), then written by one worker in one
 * transaction while the job's progress goes to the database in separate ones, so any node
 * can report it and take a cancel request. Cancelling rolls the import back.
 */
@Service
public class BacklogImportJobs implements DisposableBean {

	/**
	 * A job: items to write and written so far, the report when done, the problem when
	 * failed.
	 */
	public record Job(String id, String productKey, String source, JobRunner.State state, int totalItems, int doneItems,
			boolean cancelRequested, BacklogImport.Report report, Map<String, Object> problem, Instant createdAt,
			Instant finishedAt) {

		@com.fasterxml.jackson.annotation.JsonProperty("percent")
		public int percent() {
			return state == JobRunner.State.DONE ? 100 : totalItems == 0 ? 0 : (int) (100L * doneItems / totalItems);
		}

	}

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
			.params(id, key, source.label(), JobRunner.State.QUEUED.name(), user.value(), now())
			.update();
		runner.submit(id, progress -> imports.run(key, source, file, options, false, user, progress::at));
		return get(key, id);
	}

	public Job get(String productKey, String id) {
		return runner.get(products.get(productKey).key(), id, this::job, "Import");
	}

	/** The product's latest imports, newest first. */
	public List<Job> recent(String productKey, int limit) {
		return runner.recent(products.get(productKey).key(), limit, this::job);
	}

	/** Asks a queued or running import to stop (it rolls back); 409 once finished. */
	public Job cancel(String productKey, String id) {
		runner.cancel(products.get(productKey).key(), id, "Import");
		return get(productKey, id);
	}

	@SuppressWarnings("unchecked")
	private Job job(ResultSet rs, int n) throws SQLException {
		String report = rs.getString("report");
		String error = rs.getString("error");
		OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
		return new Job(rs.getString("id"), rs.getString("product_key"), rs.getString("source"),
				JobRunner.State.valueOf(rs.getString("state")), rs.getInt("total_items"), rs.getInt("done_items"),
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
		runner.close();
	}

}
