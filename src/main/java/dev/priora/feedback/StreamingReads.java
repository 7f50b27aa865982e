package dev.priora.feedback;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a large result row by row without holding it: one query, fetched {@value #FETCH}
 * rows at a time, in a read-only transaction of its own (PostgreSQL's driver fetches in
 * batches only outside auto-commit). On H2 the query runs lazily (H2 otherwise builds the
 * whole result first, and writes one of more than its in-memory row limit to a temporary
 * file). It takes no locks, so writers are never held up. For the similarity index's
 * reads of every stored vector of a product.
 */
@Component
class StreamingReads {

	static final int FETCH = 2000;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate readOnly;

	private volatile Boolean h2;

	StreamingReads(DataSource dataSource, PlatformTransactionManager transactions) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.setFetchSize(FETCH);
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.readOnly.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Hands each row of the query to {@code row}, in the order the database gives them.
	 */
	void each(String sql, RowCallbackHandler row, Object... params) {
		readOnly.executeWithoutResult(status -> {
			if (!isH2()) {
				jdbc.query(sql, row, params);
				return;
			}
			jdbc.execute("set lazy_query_execution true");
			try {
				jdbc.query(sql, row, params);
			}
			finally {
				jdbc.execute("set lazy_query_execution false");
			}
		});
	}

	private boolean isH2() {
		Boolean is = h2;
		if (is == null) {
			is = Boolean.TRUE
				.equals(jdbc.execute((java.sql.Connection c) -> "H2".equals(c.getMetaData().getDatabaseProductName())));
			h2 = is;
		}
		return is;
	}

}
