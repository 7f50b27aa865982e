package dev.priora.backlog;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class HistoryRepository {

	/** A change about to be recorded. */
	record Change(String field, String oldValue, String newValue, String note) {
		static Change of(String field, Object oldValue, Object newValue) {
			return new Change(field, text(oldValue), text(newValue), null);
		}

		private static String text(Object value) {
			return value == null ? null : value.toString();
		}
	}

	record Row(String field, String oldValue, String newValue, String note, long changedBy, Instant changedAt) {
	}

	private final JdbcClient jdbc;

	HistoryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Dates an item's history: all of it at {@code created}, its finishing change at
	 * {@code resolved}.
	 */
	void backdate(long itemId, Instant created, Instant resolved) {
		if (created != null) {
			jdbc.sql("update item_history set changed_at = ? where item_id = ?")
				.params(Rows.utc(created), itemId)
				.update();
		}
		if (resolved != null) {
			jdbc.sql("""
					update item_history set changed_at = ? where item_id = ? and field = 'status'
					and new_value in ('DONE', 'REJECTED')""").params(Rows.utc(resolved), itemId).update();
		}
	}

	/** The longest note the history keeps (its column's size). */
	static final int LONGEST_NOTE = 500;

	void record(long itemId, List<Change> changes, long user, Instant now) {
		for (Change c : changes) {
			jdbc.sql("""
					insert into item_history (item_id, field, old_value, new_value, note, changed_by, changed_at)
					values (?, ?, ?, ?, ?, ?, ?)""")
				.params(itemId, c.field(), c.oldValue(), c.newValue(), fitted(c.note()), user, Rows.utc(now))
				.update();
		}
	}

	/**
	 * A note cut to fit the history, ending with an ellipsis where it was cut: a note
	 * quotes what a person wrote elsewhere (a review's reason of up to 2,000 characters),
	 * which keeps it whole.
	 */
	static String fitted(String note) {
		if (note == null || note.length() <= LONGEST_NOTE) {
			return note;
		}
		int end = LONGEST_NOTE - 1;
		if (Character.isHighSurrogate(note.charAt(end - 1))) {
			end--;
		}
		return note.substring(0, end) + "\u2026";
	}

	List<Row> of(long itemId) {
		return jdbc.sql("""
				select field, old_value, new_value, note, changed_by, changed_at from item_history
				where item_id = ? order by changed_at desc, id desc""")
			.param(itemId)
			.query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
					Rows.instant(rs, "changed_at")))
			.list();
	}

}
