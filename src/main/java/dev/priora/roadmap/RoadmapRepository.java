package dev.priora.roadmap;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The roadmap's tables: product goals, objectives and their items
 * ({@code item_objectives}; items read from the backlog's tables), roadmap comments,
 * published release notes, and the read-only links (only the SHA-256 of each secret is
 * stored).
 */
@Repository
class RoadmapRepository {

	/** Published release notes. */
	record Published(String markdown, Instant at) {
	}

	private final JdbcClient jdbc;

	RoadmapRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<String> goal(String productKey) {
		return jdbc.sql("select goal from product_goals where product_key = ?")
			.param(productKey)
			.query(String.class)
			.optional();
	}

	void setGoal(String productKey, String goal) {
		jdbc.sql("delete from product_goals where product_key = ?").param(productKey).update();
		jdbc.sql("insert into product_goals (product_key, goal) values (?, ?)").params(productKey, goal).update();
	}

	/** The product's objectives, oldest first, each with its items' keys by number. */
	List<RoadmapService.Objective> objectives(String productKey) {
		Map<Long, List<String>> items = new HashMap<>();
		jdbc.sql("""
				select o.objective_id, p.product_key || '-' || cast(i.item_number as varchar(20)) from item_objectives o
				join items i on i.id = o.item_id join products p on p.id = i.product_id where p.product_key = ?
				order by i.item_number""")
			.param(productKey)
			.query((rs, n) -> items.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)))
			.list();
		return jdbc.sql("select * from objectives where product_key = ? order by id")
			.param(productKey)
			.query((rs, n) -> new RoadmapService.Objective(rs.getLong("id"), rs.getString("title"),
					rs.getString("description"), lines(rs.getString("key_results")), rs.getString("target"),
					items.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}

	/** Adds an objective; a title the product has already breaks its unique key. */
	void insertObjective(String productKey, String title, String description, String keyResults, String target) {
		jdbc.sql("insert into objectives (product_key, title, description, key_results, target) values (?, ?, ?, ?, ?)")
			.params(productKey, title, description, keyResults, target)
			.update();
	}

	void deleteObjective(long id) {
		jdbc.sql("delete from objectives where id = ?").param(id).update();
	}

	/** Aligns the item with exactly these objectives, inserted in the given order. */
	void align(long itemId, Collection<Long> objectiveIds) {
		jdbc.sql("delete from item_objectives where item_id = ?").param(itemId).update();
		for (long id : objectiveIds) {
			jdbc.sql("insert into item_objectives (item_id, objective_id) values (?, ?)").params(itemId, id).update();
		}
	}

	void insertComment(String productKey, String entry, String kind, String body, long author, Instant at) {
		jdbc.sql(
				"""
						insert into roadmap_comments (product_key, entry, kind, body, author, created_at) values (?, ?, ?, ?, ?, ?)""")
			.params(productKey, entry, kind, body, author, utc(at))
			.update();
	}

	/** The product's comments and feedback, newest first. */
	List<RoadmapService.Comment> comments(String productKey) {
		return jdbc.sql("""
				select c.id, c.entry, c.kind, c.body, u.display_name, c.created_at from roadmap_comments c
				join users u on u.id = c.author where c.product_key = ? order by c.id desc""")
			.param(productKey)
			.query((rs, n) -> new RoadmapService.Comment(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant()))
			.list();
	}

	Optional<Published> releaseNotes(long releaseId) {
		return jdbc.sql("select markdown, published_at from release_notes where release_id = ?")
			.param(releaseId)
			.query((rs, n) -> new Published(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
			.optional();
	}

	/** Publishes the release's notes, replacing what was published before. */
	void publishReleaseNotes(long releaseId, String markdown, Instant at, long user) {
		jdbc.sql("delete from release_notes where release_id = ?").param(releaseId).update();
		jdbc.sql("insert into release_notes (release_id, markdown, published_at, published_by) values (?, ?, ?, ?)")
			.params(releaseId, markdown, utc(at), user)
			.update();
	}

	void insertLink(String productKey, String name, String tokenHash, Instant at, long user, Instant expiresAt) {
		jdbc.sql("""
				insert into roadmap_links (product_key, name, token_hash, created_at, created_by, expires_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(productKey, name, tokenHash, utc(at), user, expiresAt == null ? null : utc(expiresAt))
			.update();
	}

	/**
	 * The product's links, newest first, with who made each and how often it was opened.
	 */
	List<RoadmapService.Link> links(String productKey) {
		return jdbc.sql("""
				select l.id, l.name, l.created_at, u.display_name, l.expires_at, l.revoked_at, l.opened_count,
				  l.last_opened_at
				from roadmap_links l join users u on u.id = l.created_by
				where l.product_key = ? order by l.id desc""")
			.param(productKey)
			.query((rs, n) -> new RoadmapService.Link(rs.getLong(1), rs.getString(2),
					instant(rs.getObject(3, OffsetDateTime.class)), rs.getString(4),
					instant(rs.getObject(5, OffsetDateTime.class)), instant(rs.getObject(6, OffsetDateTime.class)),
					rs.getInt(7), instant(rs.getObject(8, OffsetDateTime.class))))
			.list();
	}

	/** Counts an opening of the link with this secret's hash. */
	void linkOpened(String tokenHash, Instant at) {
		jdbc.sql("update roadmap_links set opened_count = opened_count + 1, last_opened_at = ? where token_hash = ?")
			.params(utc(at), tokenHash)
			.update();
	}

	/** Revokes the product's active link; false when there is no such link. */
	boolean revokeLink(String productKey, long id, Instant at) {
		return jdbc
			.sql("update roadmap_links set revoked_at = ? where product_key = ? and id = ? and revoked_at is null")
			.params(utc(at), productKey, id)
			.update() > 0;
	}

	/**
	 * The product of the link with this secret's hash, if it is neither revoked nor
	 * expired at {@code now}.
	 */
	Optional<String> productOfLink(String tokenHash, Instant now) {
		return jdbc.sql("""
				select product_key from roadmap_links where token_hash = ? and revoked_at is null
				and (expires_at is null or expires_at > ?)""")
			.params(tokenHash, utc(now))
			.query(String.class)
			.optional();
	}

	private static List<String> lines(String text) {
		return text == null || text.isBlank() ? List.of() : List.of(text.split("\n"));
	}

	private static Instant instant(OffsetDateTime t) {
		return t == null ? null : t.toInstant();
	}

	private static OffsetDateTime utc(Instant t) {
		return t.atOffset(ZoneOffset.UTC);
	}

}
