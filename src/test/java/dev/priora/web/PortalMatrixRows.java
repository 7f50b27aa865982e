package dev.priora.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.priora.portal.Ideas;
import dev.priora.portal.PortalSettings;
import dev.priora.portal.PortalSettingsDraft;
import dev.priora.portal.PortalVisitor;
import dev.priora.portal.Portals;

/**
 * The customer portal's part of the authorization matrix: its visitor routes (open to
 * anyone; the portal checks its own visitor), and a portal on product MTX with a logo, an
 * idea, team replies and a sign-in link a test visitor uses.
 */
final class PortalMatrixRows {

	static final List<String> VISITOR_ROUTES = List.of("GET /portal/{portal}", "POST /portal/{portal}/ideas",
			"GET /portal/{portal}/similar", "GET /portal/{portal}/ideas.json", "GET /portal/{portal}/ideas/{id}",
			"POST /portal/{portal}/ideas/{id}/vote", "POST /portal/{portal}/ideas/{id}/unvote",
			"POST /portal/{portal}/ideas/{id}/comments", "POST /portal/{portal}/ideas/{id}/follow",
			"GET /portal/{portal}/sign-in", "POST /portal/{portal}/sign-in", "GET /portal/{portal}/sign-in/{token}",
			"POST /portal/{portal}/sign-in/{token}", "POST /portal/{portal}/sign-out", "GET /portal/{portal}/feedback",
			"POST /portal/{portal}/feedback", "GET /portal/{portal}/theme.css", "GET /portal/{portal}/logo",
			"GET /portal/{portal}/api/ideas", "POST /portal/{portal}/api/ideas", "GET /portal/{portal}/roadmap",
			"GET /portal/{portal}/changelog", "GET /portal/{portal}/changelog.rss",
			"GET /portal/{portal}/changelog.atom", "POST /portal/{portal}/changelog/subscribe",
			"GET /portal/{portal}/unsubscribe/{token}", "POST /portal/{portal}/unsubscribe/{token}");

	static final List<String> READ = List.of("GET /p/{key}/portal", "GET /p/{key}/portal/logo",
			"GET /p/{key}/portal/ideas/{id}", "GET /api/v1/products/{productKey}/portal/ideas/{id}/replies",
			"GET /api/v1/products/{productKey}/portal/ideas/{id}/replies/{replyId}",
			"GET /api/v1/products/{productKey}/portal", "GET /api/v1/products/{productKey}/portal/ideas",
			"GET /api/v1/products/{productKey}/portal/comments",
			"GET /api/v1/products/{productKey}/portal/items/{itemKey}", "GET /p/{key}/items/{itemKey}/portal");

	static final List<String> MANAGE = List.of("POST /p/{key}/portal", "POST /p/{key}/portal/logo",
			"POST /p/{key}/portal/logo/delete", "PUT /api/v1/products/{productKey}/portal");

	static final List<String> EDIT = List.of("POST /p/{key}/portal/ideas/{id}/status",
			"POST /p/{key}/portal/ideas/{id}/state", "PUT /api/v1/products/{productKey}/portal/ideas/{id}/status",
			"PUT /api/v1/products/{productKey}/portal/ideas/{id}/state", "POST /p/{key}/portal/ideas/{id}/merge",
			"POST /api/v1/products/{productKey}/portal/ideas/{id}/merge", "POST /p/{key}/portal/comments/{id}/state",
			"PUT /api/v1/products/{productKey}/portal/comments/{id}/state",
			"PUT /api/v1/products/{productKey}/portal/items/{itemKey}", "POST /p/{key}/items/{itemKey}/portal",
			"POST /p/{key}/portal/ideas/{id}/replies", "POST /p/{key}/portal/ideas/{id}/replies/{replyId}",
			"POST /p/{key}/portal/ideas/{id}/links", "POST /p/{key}/portal/ideas/{id}/links/{itemKey}/delete",
			"POST /p/{key}/portal/ideas/{id}/replies/{replyId}/delete",
			"POST /api/v1/products/{productKey}/portal/ideas/{id}/replies",
			"PUT /api/v1/products/{productKey}/portal/ideas/{id}/replies/{replyId}",
			"DELETE /api/v1/products/{productKey}/portal/ideas/{id}/replies/{replyId}");

	/**
	 * The routes that name a team reply: each call gets a fresh one (a page answers 404
	 * for a reply that is not there, and the API's delete removes it).
	 */
	static final List<String> REPLY_ROUTES = List.of(
			"GET /api/v1/products/{productKey}/portal/ideas/{id}/replies/{replyId}",
			"POST /p/{key}/portal/ideas/{id}/replies/{replyId}",
			"POST /p/{key}/portal/ideas/{id}/replies/{replyId}/delete",
			"PUT /api/v1/products/{productKey}/portal/ideas/{id}/replies/{replyId}",
			"DELETE /api/v1/products/{productKey}/portal/ideas/{id}/replies/{replyId}");

	static final String TOKEN = "matrix-visitor-token";

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0 };

	private PortalMatrixRows() {
	}

	/** Turns MTX's portal on with a logo and one idea; answers the idea's id. */
	static long fixture(JdbcClient jdbc, Portals portals, Ideas ideas) {
		long idea = idea(jdbc, portals, ideas, "MTX", "Matrix");
		portals.setLogo("MTX", PNG);
		var now = Instant.now().atOffset(ZoneOffset.UTC);
		jdbc.sql("""
				insert into portal_sign_in_links (product_key, email, token_hash, created_at, expires_at)
				values ('MTX', 'visitor@matrix.test', ?, ?, ?)""")
			.params(sha256(TOKEN), now, now.plus(1, ChronoUnit.DAYS))
			.update();
		return idea;
	}

	/**
	 * Turns product {@code key}'s portal on and has a visitor post one idea, titled with
	 * {@code marker}; answers the idea's id.
	 */
	static long idea(JdbcClient jdbc, Portals portals, Ideas ideas, String key, String marker) {
		PortalSettings s = portals.update(key, new PortalSettingsDraft(true, marker + " portal", "", "#4f46e5", false,
				List.of(), List.of(), List.of(), false), portals.get(key).version());
		var now = Instant.now().atOffset(ZoneOffset.UTC);
		String email = "poster@" + key.toLowerCase(java.util.Locale.ROOT) + ".test";
		jdbc.sql("""
				insert into portal_visitors (product_key, email, created_at, last_seen_at)
				values (?, ?, ?, ?)""").params(key, email, now, now).update();
		long visitor = jdbc.sql("select id from portal_visitors where product_key = ? and email = ?")
			.params(key, email)
			.query(Long.class)
			.single();
		return ideas.post(s, new PortalVisitor(visitor, key, email, null), marker + " idea", "An idea of " + marker, "",
				"", "127.0.0.1");
	}

	/** A held comment by the idea's poster, saying {@code marker}; answers its id. */
	static long comment(JdbcClient jdbc, long idea, String marker) {
		jdbc.sql("""
				insert into portal_comments (idea_id, visitor_id, body, created_at, state)
				select id, visitor_id, ?, ?, 'HELD' from portal_ideas where id = ?""")
			.params("A comment of " + marker, Instant.now().atOffset(ZoneOffset.UTC), idea)
			.update();
		return jdbc.sql("select max(id) from portal_comments where idea_id = ?").param(idea).query(Long.class).single();
	}

	/**
	 * A team reply by the first user on the idea, saying {@code marker}; answers its id.
	 */
	static long reply(JdbcClient jdbc, long idea, String marker) {
		jdbc.sql("""
				insert into portal_replies (idea_id, author_id, body, created_at)
				select ?, min(id), ?, ? from users""")
			.params(idea, "A reply of " + marker, Instant.now().atOffset(ZoneOffset.UTC))
			.update();
		return jdbc.sql("select max(id) from portal_replies where idea_id = ?").param(idea).query(Long.class).single();
	}

	private static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
