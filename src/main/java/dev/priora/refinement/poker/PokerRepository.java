package dev.priora.refinement.poker;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Sessions ({@code poker_sessions}), their items ({@code poker_items}), who joined
 * ({@code poker_participants}) and the votes ({@code poker_votes}); items' keys, titles
 * and estimates are read from the backlog's {@code items} and {@code products}, never
 * written.
 */
@Repository
class PokerRepository {

	/** A stored session. */
	record SessionRow(long id, String productKey, String name, SessionStatus status, long createdBy, Instant createdAt,
			Instant closedAt) {
	}

	/**
	 * A stored item of a session, with the backlog item's key, title and estimate now.
	 */
	record ItemRow(long itemId, long number, String title, BigDecimal estimate, int position, Outcome outcome,
			int round, boolean revealed, BigDecimal before, BigDecimal accepted) {
	}

	/** One person's card in a round. */
	record VoteRow(long userId, String card) {
	}

	/** A session in the list, with its item counts. */
	record ListRow(SessionRow session, int items, int settled) {
	}

	private static final String SESSION = "select id, product_key, name, status, created_by, created_at, closed_at"
			+ " from poker_sessions";

	private final JdbcClient jdbc;

	PokerRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String productKey, String name, long user, Instant at) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into poker_sessions (product_key, name, status, created_by, created_at)
				values (?, ?, 'OPEN', ?, ?)""").params(productKey, name, user, utc(at)).update(keys, "id");
		return keys.getKey().longValue();
	}

	void insertItem(long session, long itemId, int position) {
		jdbc.sql("insert into poker_items (session_id, item_id, position, outcome) values (?, ?, ?, 'PENDING')")
			.params(session, itemId, position)
			.update();
	}

	/**
	 * Locks the session for the rest of the transaction (an update of its version, so
	 * that the commands of one session run one after the other); false when the product
	 * has no such session.
	 */
	boolean lock(String productKey, long id) {
		return jdbc.sql("update poker_sessions set version = version + 1 where id = ? and product_key = ?")
			.params(id, productKey)
			.update() == 1;
	}

	Optional<SessionRow> session(String productKey, long id) {
		return jdbc.sql(SESSION + " where id = ? and product_key = ?")
			.params(id, productKey)
			.query(PokerRepository::session)
			.optional();
	}

	/** The product's sessions, newest first. */
	List<ListRow> list(String productKey, int limit) {
		return jdbc
			.sql("""
					select s.id, s.product_key, s.name, s.status, s.created_by, s.created_at, s.closed_at,
					  (select count(*) from poker_items pi where pi.session_id = s.id) as items,
					  (select count(*) from poker_items pi where pi.session_id = s.id and pi.outcome <> 'PENDING') as settled
					from poker_sessions s where s.product_key = ? order by s.created_at desc, s.id desc
					fetch first ? rows only""")
			.params(productKey, limit)
			.query((rs, n) -> new ListRow(session(rs, n), rs.getInt("items"), rs.getInt("settled")))
			.list();
	}

	/**
	 * The session's items in order, with the backlog's key number, title and estimate.
	 */
	List<ItemRow> items(long session) {
		return jdbc.sql("""
				select pi.item_id, i.item_number, i.title, i.estimate, pi.position, pi.outcome, pi.round,
				  pi.revealed, pi.estimate_before, pi.accepted
				from poker_items pi join items i on i.id = pi.item_id
				where pi.session_id = ? order by pi.position""")
			.param(session)
			.query((rs, n) -> new ItemRow(rs.getLong("item_id"), rs.getLong("item_number"), rs.getString("title"),
					points(rs, "estimate"), rs.getInt("position"), Outcome.valueOf(rs.getString("outcome")),
					rs.getInt("round"), rs.getBoolean("revealed"), points(rs, "estimate_before"),
					points(rs, "accepted")))
			.list();
	}

	/** Who joined, in the order they joined. */
	List<Long> participants(long session) {
		return jdbc.sql("select user_id from poker_participants where session_id = ? order by joined_at, user_id")
			.param(session)
			.query(Long.class)
			.list();
	}

	/**
	 * Adds the person to the session unless they joined before (under the session's lock,
	 * so the check and the insert are not raced).
	 */
	void join(long session, long user, Instant at) {
		boolean joined = jdbc.sql("select count(*) from poker_participants where session_id = ? and user_id = ?")
			.params(session, user)
			.query(Long.class)
			.single() > 0;
		if (!joined) {
			jdbc.sql("insert into poker_participants (session_id, user_id, joined_at) values (?, ?, ?)")
				.params(session, user, utc(at))
				.update();
		}
	}

	List<VoteRow> votes(long session, long itemId, int round) {
		return jdbc.sql("select user_id, card from poker_votes where session_id = ? and item_id = ? and round = ?")
			.params(session, itemId, round)
			.query((rs, n) -> new VoteRow(rs.getLong("user_id"), rs.getString("card")))
			.list();
	}

	/** Records the person's card for the round, replacing the one they chose before. */
	void vote(long session, long itemId, int round, long user, String card, Instant at) {
		jdbc.sql("delete from poker_votes where session_id = ? and item_id = ? and round = ? and user_id = ?")
			.params(session, itemId, round, user)
			.update();
		jdbc.sql("""
				insert into poker_votes (session_id, item_id, round, user_id, card, voted_at)
				values (?, ?, ?, ?, ?, ?)""").params(session, itemId, round, user, card, utc(at)).update();
	}

	void reveal(long session, long itemId) {
		jdbc.sql("update poker_items set revealed = true where session_id = ? and item_id = ?")
			.params(session, itemId)
			.update();
	}

	/** Starts the item's next round: nothing voted, nothing revealed. */
	void nextRound(long session, long itemId) {
		jdbc.sql("update poker_items set round = round + 1, revealed = false where session_id = ? and item_id = ?")
			.params(session, itemId)
			.update();
	}

	void settle(long session, long itemId, Outcome outcome, BigDecimal before, BigDecimal accepted) {
		jdbc.sql("""
				update poker_items set outcome = ?, estimate_before = ?, accepted = ?
				where session_id = ? and item_id = ?""")
			.params(outcome.name(), before, accepted, session, itemId)
			.update();
	}

	void close(long session, Instant at) {
		jdbc.sql("update poker_sessions set status = 'CLOSED', closed_at = ? where id = ?")
			.params(utc(at), session)
			.update();
	}

	private static SessionRow session(ResultSet rs, int row) throws SQLException {
		return new SessionRow(rs.getLong("id"), rs.getString("product_key"), rs.getString("name"),
				SessionStatus.valueOf(rs.getString("status")), rs.getLong("created_by"), instant(rs, "created_at"),
				instant(rs, "closed_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp ts = rs.getTimestamp(column);
		return ts == null ? null : ts.toInstant();
	}

	/** A points value as the backlog shows it: 13.00 reads as 13, 0.50 as 0.5. */
	private static BigDecimal points(ResultSet rs, String column) throws SQLException {
		BigDecimal v = rs.getBigDecimal(column);
		if (v == null) {
			return null;
		}
		v = v.stripTrailingZeros();
		return v.scale() < 0 ? v.setScale(0) : v;
	}

	private static OffsetDateTime utc(Instant t) {
		return t.atOffset(ZoneOffset.UTC);
	}

}
