package dev.priora.backlog;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one background job whose state lives in a job table (columns {@code id},
 * {@code state}, {@code cancel_requested}, {@code error}, {@code finished_at}, and the
 * table's own progress and result columns): marks it running, lets the work report
 * progress — written in separate transactions, so any node can show it — and stop when a
 * cancel was asked for, then records the result (as JSON), the problem, or the
 * cancellation. The work runs in its own transaction, so a cancelled or failed job keeps
 * nothing. Used by the feedback and backlog imports.
 */
public final class JobRunner implements AutoCloseable {

	private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

	/** Where a job is: queued, running, done, failed (nothing kept) or cancelled. */
	public enum State {

		QUEUED, RUNNING, DONE, FAILED, CANCELLED;

		public boolean finished() {
			return this == DONE || this == FAILED || this == CANCELLED;
		}

	}

	/** Told how far the work got; stops the work when a cancel was asked for. */
	public interface Progress {

		void at(int done, int total);

	}

	/** Thrown out of {@link Progress#at} when the job was cancelled. */
	public static final class Cancelled extends RuntimeException {

		private static final long serialVersionUID = 1L;

		public Cancelled() {
			super(null, null, false, false);
		}

	}

	private final JdbcClient jdbc;

	private final TransactionTemplate separate;

	private final JsonMapper json;

	private final Clock clock;

	private final String table;

	private final String totalColumn;

	private final String doneColumn;

	private final String resultColumn;

	private final java.util.concurrent.ExecutorService executor;

	public JobRunner(JdbcClient jdbc, PlatformTransactionManager transactions, JsonMapper json, Clock clock,
			String table, String totalColumn, String doneColumn, String resultColumn) {
		this.jdbc = jdbc;
		this.separate = new TransactionTemplate(transactions);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.json = json;
		this.clock = clock;
		this.table = table;
		this.totalColumn = totalColumn;
		this.doneColumn = doneColumn;
		this.resultColumn = resultColumn;
		this.executor = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
			Thread t = new Thread(r, "priora-" + table);
			t.setDaemon(true);
			return t;
		});
	}

	/** Queues the job's work; jobs of this runner run one at a time, in order. */
	public void submit(String id, Function<Progress, Object> work) {
		executor.submit(() -> run(id, work));
	}

	@Override
	public void close() {
		executor.shutdownNow();
	}

	/** The job of the product, or 404 naming it {@code what}. */
	public <J> J get(String productKey, String id, org.springframework.jdbc.core.RowMapper<J> rows, String what) {
		return jdbc.sql("select * from " + table + " where product_key = ? and id = ?")
			.params(productKey, id)
			.query(rows)
			.optional()
			.orElseThrow(() -> BacklogProblem.notFound(what + " " + id));
	}

	/** The product's latest jobs, newest first (1 to 100). */
	public <J> java.util.List<J> recent(String productKey, int limit, org.springframework.jdbc.core.RowMapper<J> rows) {
		return jdbc.sql("select * from " + table + " where product_key = ? order by created_at desc limit ?")
			.params(productKey, Math.max(1, Math.min(limit, 100)))
			.query(rows)
			.list();
	}

	/**
	 * Asks a queued or running job to stop; it rolls back at its next progress step. A
	 * finished job cannot be cancelled (409).
	 */
	public void cancel(String productKey, String id, String what) {
		String state = jdbc.sql("select state from " + table + " where product_key = ? and id = ?")
			.params(productKey, id)
			.query(String.class)
			.optional()
			.orElseThrow(() -> BacklogProblem.notFound(what + " " + id));
		if (java.util.Set.of("DONE", "FAILED", "CANCELLED").contains(state)) {
			throw BacklogProblem.conflict("import-finished", what + " " + id + " is "
					+ state.toLowerCase(java.util.Locale.ROOT) + "; only a running import can be cancelled.");
		}
		jdbc.sql("update " + table + " set cancel_requested = true where id = ?").param(id).update();
	}

	/** Runs the job's work (which returns the result to record). */
	public void run(String id, Function<Progress, Object> work) {
		try {
			if (cancelRequested(id)) {
				throw new Cancelled();
			}
			separate.executeWithoutResult(
					s -> jdbc.sql("update " + table + " set state = 'RUNNING' where id = ?").param(id).update());
			Object result = work.apply((done, total) -> {
				boolean cancel = Boolean.TRUE.equals(separate.execute(s -> {
					jdbc.sql("update " + table + " set " + totalColumn + " = ?, " + doneColumn + " = ? where id = ?")
						.params(total, done, id)
						.update();
					return cancelRequested(id);
				}));
				if (cancel) {
					throw new Cancelled();
				}
			});
			finish(id, "DONE", json.writeValueAsString(result), null);
		}
		catch (Cancelled e) {
			finish(id, "CANCELLED", null, null);
		}
		catch (ErrorResponseException e) {
			Map<String, Object> problem = new LinkedHashMap<>();
			problem.put("detail", e.getBody().getDetail());
			if (e.getBody().getProperties() != null) {
				problem.putAll(e.getBody().getProperties());
			}
			finish(id, "FAILED", null, json.writeValueAsString(problem));
		}
		catch (RuntimeException e) {
			LOG.error("{} {} failed", table, id, e);
			finish(id, "FAILED", null,
					json.writeValueAsString(Map.of("detail", "The job failed on the server; nothing was kept.")));
		}
	}

	public boolean cancelRequested(String id) {
		return Boolean.TRUE.equals(jdbc.sql("select cancel_requested from " + table + " where id = ?")
			.param(id)
			.query(Boolean.class)
			.single());
	}

	private void finish(String id, String state, String result, String problem) {
		separate.executeWithoutResult(s -> jdbc
			.sql("update " + table + " set state = ?, " + resultColumn
					+ " = ?, error = ?, finished_at = ? where id = ?")
			.params(state, result, problem, clock.instant().atOffset(ZoneOffset.UTC), id)
			.update());
	}

}
