package dev.priora.progress;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sprint review verdicts ({@code sprint_reviews}), one per sprint and item; items are
 * found by key in the backlog's tables (read only).
 */
@Repository
class SprintReviewRepository {

	private final JdbcClient jdbc;

	SprintReviewRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores the verdict on the item, replacing an earlier one. */
	void save(long sprintId, long itemId, boolean accepted, String reason, String criteriaMet, long user, Instant at) {
		jdbc.sql("delete from sprint_reviews where sprint_id = ? and item_id = ?").params(sprintId, itemId).update();
		jdbc.sql(
				"""
						insert into sprint_reviews (sprint_id, item_id, accepted, reason, criteria_met, reviewed_by, reviewed_at)
						values (?, ?, ?, ?, ?, ?, ?)""")
			.params(sprintId, itemId, accepted, reason, criteriaMet, user, at.atOffset(ZoneOffset.UTC))
			.update();
	}

	/** The sprint's verdicts, by item number. */
	List<SprintReview.Verdict> verdicts(long sprintId) {
		return jdbc.sql("""
				select p.product_key || '-' || cast(i.item_number as varchar(20)), r.accepted, r.reason, r.criteria_met
				from sprint_reviews r join items i on i.id = r.item_id join products p on p.id = i.product_id
				where r.sprint_id = ? order by i.item_number""")
			.param(sprintId)
			.query((rs, row) -> new SprintReview.Verdict(rs.getString(1), rs.getBoolean(2), rs.getString(3),
					rs.getString(4).isEmpty() ? List.of()
							: Arrays.stream(rs.getString(4).split(",")).map(Integer::valueOf).toList()))
			.list();
	}

}
