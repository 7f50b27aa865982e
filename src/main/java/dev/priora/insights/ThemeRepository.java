package dev.priora.insights;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The themes' own tables ({@code themes}, {@code theme_feedback}, {@code theme_edits},
 * {@code theme_spikes}) and what a recompute reads of the feedback (its stored sentence
 * vectors and texts, read only). Vectors are float arrays as big-endian bytes, as the
 * feedback module stores them.
 */
@Repository
class ThemeRepository {

	/** One feedback to cluster. */
	record Feedback(long id, String text, float[] vector) {
	}

	/** A stored theme. */
	record Stored(long id, String name, String words, boolean namedByPerson, boolean merged, float[] centroid,
			long version) {
	}

	/** A stored membership. */
	record Member(long feedbackId, long themeId, boolean moved) {
	}

	/** A membership to write. */
	record Placement(long feedbackId, long themeId, double similarity, boolean moved) {
	}

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	ThemeRepository(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/** The product's feedback with a vector (merged duplicates left out), by id. */
	List<Feedback> feedback(String productKey, long afterId) {
		return jdbc.sql("""
				select id, title, body, embedding from feedback
				where product_key = ? and id > ? and merged_into is null and embedding is not null order by id""")
			.params(productKey, afterId)
			.query((rs, n) -> new Feedback(rs.getLong(1), rs.getString(2) + ". " + rs.getString(3),
					floats(rs.getBytes(4))))
			.list();
	}

	/** The product's feedback with a vector but no theme yet, by id. */
	List<Feedback> unplaced(String productKey, int limit) {
		return jdbc.sql("""
				select f.id, f.title, f.body, f.embedding from feedback f
				where f.product_key = ? and f.merged_into is null and f.embedding is not null
				and not exists (select 1 from theme_feedback tf where tf.feedback_id = f.id) order by f.id limit ?""")
			.params(productKey, limit)
			.query((rs, n) -> new Feedback(rs.getLong(1), rs.getString(2) + ". " + rs.getString(3),
					floats(rs.getBytes(4))))
			.list();
	}

	/** Whether some of the product's feedback has no sentence vector yet. */
	boolean withoutVector(String productKey) {
		return jdbc
			.sql("select count(*) from feedback where product_key = ? and embedding is null and merged_into is null")
			.param(productKey)
			.query(Long.class)
			.single() > 0;
	}

	/** Whether the product has themes (from a recompute, an import's end or the demo). */
	boolean hasThemes(String productKey) {
		return jdbc.sql("select count(*) from themes where product_key = ?")
			.param(productKey)
			.query(Long.class)
			.single() > 0;
	}

	long placedCount(String productKey) {
		return jdbc.sql("select count(*) from theme_feedback where product_key = ?")
			.param(productKey)
			.query(Long.class)
			.single();
	}

	List<Stored> themes(String productKey) {
		return jdbc.sql("""
				select id, name, words, named_by_person, merged, centroid, version from themes
				where product_key = ? order by id""")
			.param(productKey)
			.query((rs, n) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
					rs.getBoolean(5), floats(rs.getBytes(6)), rs.getLong(7)))
			.list();
	}

	Optional<Stored> theme(String productKey, long id) {
		return jdbc.sql("""
				select id, name, words, named_by_person, merged, centroid, version from themes
				where product_key = ? and id = ?""")
			.params(productKey, id)
			.query((rs, n) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
					rs.getBoolean(5), floats(rs.getBytes(6)), rs.getLong(7)))
			.optional();
	}

	/** Locks the theme's row (edits of one theme run one at a time). */
	Optional<Long> lock(String productKey, long id) {
		return jdbc.sql("select version from themes where product_key = ? and id = ? for update")
			.params(productKey, id)
			.query(Long.class)
			.optional();
	}

	Map<Long, Member> members(String productKey) {
		Map<Long, Member> out = new HashMap<>();
		jdbc.sql("select feedback_id, theme_id, moved_by_person from theme_feedback where product_key = ?")
			.param(productKey)
			.query((rs, n) -> new Member(rs.getLong(1), rs.getLong(2), rs.getBoolean(3)))
			.list()
			.forEach(m -> out.put(m.feedbackId(), m));
		return out;
	}

	/** The theme's feedback with their vectors, by id. */
	List<Feedback> feedbackOf(long themeId) {
		return jdbc
			.sql("""
					select f.id, f.title, f.body, f.embedding from theme_feedback tf join feedback f on f.id = tf.feedback_id
					where tf.theme_id = ? and f.embedding is not null order by f.id""")
			.param(themeId)
			.query((rs, n) -> new Feedback(rs.getLong(1), rs.getString(2) + ". " + rs.getString(3),
					floats(rs.getBytes(4))))
			.list();
	}

	long insert(String productKey, String name, String words, boolean namedByPerson, boolean merged, float[] centroid,
			Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql(
				"""
						insert into themes (product_key, name, words, named_by_person, merged, centroid, computed_at, updated_at)
						values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(productKey, name, words, namedByPerson, merged, bytes(centroid), utc(now), utc(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void update(long id, String name, String words, boolean namedByPerson, boolean merged, float[] centroid,
			Instant now) {
		jdbc.sql("""
				update themes set name = ?, words = ?, named_by_person = ?, merged = ?, centroid = ?, computed_at = ?,
				updated_at = ?, version = version + 1 where id = ?""")
			.params(name, words, namedByPerson, merged, bytes(centroid), utc(now), utc(now), id)
			.update();
	}

	void rename(long id, String name, Instant now) {
		jdbc.sql(
				"update themes set name = ?, named_by_person = true, updated_at = ?, version = version + 1 where id = ?")
			.params(name, utc(now), id)
			.update();
	}

	void delete(List<Long> ids) {
		if (!ids.isEmpty()) {
			jdbc.sql("delete from themes where id in (:ids)").param("ids", ids).update();
		}
	}

	/** Replaces the product's memberships with these, in batches. */
	void replaceMembers(String productKey, List<Placement> placements) {
		jdbc.sql("delete from theme_feedback where product_key = ?").param(productKey).update();
		place(productKey, placements);
	}

	/** Writes memberships of feedback that has none. */
	void place(String productKey, List<Placement> placements) {
		if (placements.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>(placements.size());
		for (Placement p : placements) {
			rows.add(new Object[] { p.feedbackId(), p.themeId(), productKey, p.similarity(), p.moved() });
		}
		for (int from = 0; from < rows.size(); from += 5000) {
			batch.batchUpdate("""
					insert into theme_feedback (feedback_id, theme_id, product_key, similarity, moved_by_person)
					values (?, ?, ?, ?, ?)""", rows.subList(from, Math.min(rows.size(), from + 5000)));
		}
	}

	/** Moves feedback to a theme, as a person's move (or as a split's half). */
	int move(List<Long> feedbackIds, long themeId, boolean byPerson) {
		if (feedbackIds.isEmpty()) {
			return 0;
		}
		return jdbc
			.sql("update theme_feedback set theme_id = :theme, moved_by_person = :moved where feedback_id in (:ids)")
			.param("theme", themeId)
			.param("moved", byPerson)
			.param("ids", feedbackIds)
			.update();
	}

	void setCentroid(long id, float[] centroid) {
		jdbc.sql("update themes set centroid = ? where id = ?").params(bytes(centroid), id).update();
	}

	void setMerged(long id, Instant now) {
		jdbc.sql("update themes set merged = true, updated_at = ?, version = version + 1 where id = ?")
			.params(utc(now), id)
			.update();
	}

	/** Recomputes the theme's members' similarity to its centroid. */
	void rescore(long themeId, float[] centroid, List<Feedback> members) {
		batch.batchUpdate("update theme_feedback set similarity = ? where feedback_id = ?", members.stream()
			.map(f -> new Object[] { dev.priora.insights.engine.ThemeClustering.cosine(f.vector(), centroid), f.id() })
			.toList());
	}

	void edit(String productKey, Long themeId, String action, String detail, long user, Instant now) {
		jdbc.sql("""
				insert into theme_edits (product_key, theme_id, action, detail, edited_by, edited_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(productKey, themeId, action, detail.length() > 1000 ? detail.substring(0, 1000) : detail, user,
					utc(now))
			.update();
	}

	/** Marks a spike announced; false when it was already. */
	boolean flagSpike(String productKey, String subject, java.time.LocalDate week, Instant now) {
		boolean flagged = jdbc
			.sql("select count(*) from theme_spikes where product_key = ? and subject = ? and week_start = ?")
			.params(productKey, subject, week)
			.query(Long.class)
			.single() > 0;
		if (flagged) {
			return false;
		}
		jdbc.sql("insert into theme_spikes (product_key, subject, week_start, flagged_at) values (?, ?, ?, ?)")
			.params(productKey, subject, week, utc(now))
			.update();
		return true;
	}

	static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	static byte[] bytes(float[] vector) {
		ByteBuffer buffer = ByteBuffer.allocate(vector.length * 4);
		buffer.asFloatBuffer().put(vector);
		return buffer.array();
	}

	static float[] floats(byte[] bytes) {
		if (bytes == null) {
			return null;
		}
		float[] v = new float[bytes.length / 4];
		ByteBuffer.wrap(bytes).asFloatBuffer().get(v);
		return v;
	}

}
