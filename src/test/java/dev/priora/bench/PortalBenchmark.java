package dev.priora.bench;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.priora.accounts.AccountService;
import dev.priora.accounts.UserId;
import dev.priora.backlog.ProductService;
import dev.priora.feedback.Importance;
import dev.priora.portal.IdeaSort;
import dev.priora.portal.IdeaVotes;
import dev.priora.portal.Ideas;
import dev.priora.portal.PortalSettings;
import dev.priora.portal.PortalSettingsDraft;
import dev.priora.portal.PortalVisitor;
import dev.priora.portal.Portals;
import dev.priora.support.BrowserlessSession;
import dev.priora.support.RequestProbe;

/**
 * The customer portal benchmark of docs/BENCHMARKS.md: a portal with {@code ideas} ideas
 * (1,000) and {@code votes} votes (100,000, from 1,000 visitors, seeded in SQL over the
 * last 30 days so that "trending" has recent votes to count); measures the server-side
 * time of the visitor's idea list (trending, top, new, a search), the list page over
 * HTTP, and a vote (a new voter's: their PORTAL feedback written and linked). Arguments:
 * {@code h2|postgres [ideas] [votes] [trace]}; with {@code trace} it prints the
 * statements of one vote instead of timing anything.
 */
public final class PortalBenchmark {

	private PortalBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String db = args.length > 0 ? args[0] : "h2";
		int ideaCount = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
		int voteCount = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
		boolean trace = args.length > 3 && "trace".equals(args[3]);
		ConfigurableApplicationContext app = trace
				? BenchServer.start(BenchServer.Store.fresh(db), false, RequestProbe.class) : BenchServer.start(db);
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		UserId admin = app.getBean(AccountService.class).findByEmail("admin@localhost").orElseThrow().id();
		app.getBean(ProductService.class).create("PORTAL", "Portal benchmark", "", admin);
		Portals portals = app.getBean(Portals.class);
		PortalSettings portal = portals.update("PORTAL", new PortalSettingsDraft(true, "Portal benchmark", "",
				"#4f46e5", false, List.of(), List.of(), List.of("Reports", "Billing"), false), 0);
		JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
		int visitors = Math.max(1_000, voteCount / Math.max(1, ideaCount) + 1);
		long started = System.nanoTime();
		seed(jdbc, ideaCount, voteCount, visitors);
		System.out.printf(Locale.ROOT, "database=%s ideas=%d votes=%d visitors=%d, seeded in %.1f s, %s%n", db,
				ideaCount, voteCount, visitors, (System.nanoTime() - started) / 1e9, BenchServer.load());
		if (trace) {
			trace(app, portal, jdbc);
			app.close();
			System.exit(0);
		}
		Ideas ideas = app.getBean(Ideas.class);
		PortalVisitor reader = visitor(jdbc, 1);
		measure("idea list, trending (server side)", 100, 1000,
				() -> ideas.list(portal, IdeaSort.TRENDING, "", reader));
		measure("idea list, top (server side)", 100, 1000, () -> ideas.list(portal, IdeaSort.TOP, "", reader));
		measure("idea list, new, one category (server side)", 100, 1000,
				() -> ideas.list(portal, IdeaSort.NEW, "Reports", reader));
		measure("idea search \"export\" (server side)", 100, 1000,
				() -> ideas.search(portal, "export", IdeaSort.TOP, "", reader));
		BrowserlessSession anonymous = BrowserlessSession.anonymous(port);
		measure("idea list page over HTTP (HTML, anonymous)", 50, 300, () -> {
			var r = anonymous.get("/portal/PORTAL");
			if (r.statusCode() != 200) {
				throw new IllegalStateException("the portal answered " + r.statusCode());
			}
			return r;
		});
		IdeaVotes votes = app.getBean(IdeaVotes.class);
		List<Long> ids = jdbc.queryForList("select id from portal_ideas where product_key = 'PORTAL'", Long.class);
		Random random = new Random(11);
		int[] next = { 0 };
		Importance[] importances = Importance.values();
		// the voters exist before the clock starts: a vote is timed, not a sign-in
		List<PortalVisitor> voters = new ArrayList<>();
		for (int i = 0; i < 1_100; i++) {
			voters.add(newVisitor(jdbc, "voter" + i + "@bench.test"));
		}
		measure("a vote by a new voter, with importance (server side)", 100, 1000, () -> {
			PortalVisitor voter = voters.get(next[0]++);
			votes.vote(portal, voter, ids.get(random.nextInt(ids.size())), importances[next[0] % 3]);
			return null;
		});
		System.out.printf(Locale.ROOT, "load average: %s%n",
				java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip());
		app.close();
		System.exit(0);
	}

	/** Prints the statements of a vote by a new voter (after one vote to warm up). */
	private static void trace(ConfigurableApplicationContext app, PortalSettings portal, JdbcTemplate jdbc) {
		IdeaVotes votes = app.getBean(IdeaVotes.class);
		long idea = jdbc.queryForObject("select min(id) from portal_ideas where product_key = 'PORTAL'", Long.class);
		votes.vote(portal, newVisitor(jdbc, "warm@bench.test"), idea + 1, Importance.CRITICAL);
		PortalVisitor voter = newVisitor(jdbc, "traced@bench.test");
		List<String> statements = RequestProbe
			.statementsOf(() -> votes.vote(portal, voter, idea, Importance.IMPORTANT));
		statements.forEach(s -> System.out.println("  " + s));
		System.out.printf(Locale.ROOT, "a vote by a new voter: %d statements%n", statements.size());
	}

	/** Visitors, ideas (each with its PORTAL feedback) and votes in batches. */
	private static void seed(JdbcTemplate jdbc, int ideaCount, int voteCount, int visitors) {
		Instant now = Instant.now();
		Timestamp at = Timestamp.from(now);
		List<Object[]> rows = new ArrayList<>();
		for (int v = 0; v < visitors; v++) {
			rows.add(new Object[] { "visitor" + v + "@bench.test", at, at });
		}
		jdbc.batchUpdate("insert into portal_visitors (product_key, email, created_at, last_seen_at) values "
				+ "('PORTAL', ?, ?, ?)", rows);
		long firstVisitor = jdbc.queryForObject("select min(id) from portal_visitors where product_key = 'PORTAL'",
				Long.class);
		String[] words = { "export", "dark mode", "calendar", "invoices", "search", "reports", "mobile", "sync" };
		rows.clear();
		for (int i = 0; i < ideaCount; i++) {
			rows.add(new Object[] { "Idea " + i + ": " + words[i % words.length], "Why idea " + i + " helps.", at, at,
					at });
		}
		jdbc.batchUpdate("insert into feedback (product_key, title, body, channel, received_at, status, created_at, "
				+ "updated_at) values ('PORTAL', ?, ?, 'PORTAL', ?, 'NEW', ?, ?)", rows);
		// the ideas' feedback as the portal stores it: a sentence vector (384 floats) and
		// a
		// predicted kind, which a vote's feedback copies
		byte[] vector = new byte[384 * 4];
		new Random(3).nextBytes(vector);
		jdbc.update("update feedback set embedding = ?, embedding_model = ?, kind = 'FEATURE_REQUEST', "
				+ "kind_confidence = 0.8, kind_source = 'predicted', sentiment = 'NEUTRAL' where product_key = 'PORTAL'",
				vector, dev.priora.feedback.SentenceEmbedder.MODEL);
		List<Map<String, Object>> feedback = jdbc
			.queryForList("select id, title, body from feedback where product_key = 'PORTAL' order by id");
		rows.clear();
		for (int i = 0; i < feedback.size(); i++) {
			Map<String, Object> f = feedback.get(i);
			rows.add(new Object[] { f.get("id"), firstVisitor + i % visitors, f.get("title"), f.get("body"),
					i % 3 == 0 ? "Reports" : i % 3 == 1 ? "Billing" : "",
					Timestamp.from(now.minus(i, ChronoUnit.HOURS)) });
		}
		jdbc.batchUpdate(
				"insert into portal_ideas (product_key, feedback_id, visitor_id, title, body, category, state, "
						+ "created_at) values ('PORTAL', ?, ?, ?, ?, ?, 'VISIBLE', ?)",
				rows);
		List<Long> ids = jdbc.queryForList("select id from portal_ideas where product_key = 'PORTAL' order by id",
				Long.class);
		Random random = new Random(7);
		rows.clear();
		int perIdea = voteCount / ids.size();
		for (int i = 0; i < ids.size(); i++) {
			int offset = random.nextInt(visitors);
			for (int k = 0; k < perIdea; k++) {
				rows.add(new Object[] { ids.get(i), firstVisitor + (offset + k) % visitors,
						Timestamp.from(now.minus(random.nextInt(30 * 24), ChronoUnit.HOURS)) });
				if (rows.size() == 5_000) {
					votes(jdbc, rows);
				}
			}
		}
		votes(jdbc, rows);
		jdbc.update("update portal_ideas set vote_count = (select count(*) from portal_votes v where v.idea_id = "
				+ "portal_ideas.id) where product_key = 'PORTAL'");
	}

	private static void votes(JdbcTemplate jdbc, List<Object[]> rows) {
		jdbc.batchUpdate("insert into portal_votes (idea_id, visitor_id, created_at) values (?, ?, ?)", rows);
		rows.clear();
	}

	private static PortalVisitor visitor(JdbcTemplate jdbc, int n) {
		return jdbc.queryForObject("select id, email from portal_visitors where email = ?",
				(rs, i) -> new PortalVisitor(rs.getLong(1), "PORTAL", rs.getString(2), null),
				"visitor" + n + "@bench.test");
	}

	private static PortalVisitor newVisitor(JdbcTemplate jdbc, String email) {
		Timestamp at = Timestamp.from(Instant.now());
		jdbc.update("insert into portal_visitors (product_key, email, created_at, last_seen_at) values "
				+ "('PORTAL', ?, ?, ?)", email, at, at);
		return jdbc.queryForObject("select id from portal_visitors where product_key = 'PORTAL' and email = ?",
				(rs, i) -> new PortalVisitor(rs.getLong(1), "PORTAL", email, null), email);
	}

	private static void measure(String name, int warmup, int runs, Supplier<?> call) {
		for (int i = 0; i < warmup; i++) {
			call.get();
		}
		long[] nanos = new long[runs];
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			call.get();
			nanos[i] = System.nanoTime() - start;
		}
		Arrays.sort(nanos);
		System.out.printf(Locale.ROOT, "%-55s p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms  (%d runs)%n", name,
				nanos[runs / 2] / 1e6, nanos[(int) (runs * 0.99)] / 1e6, nanos[runs - 1] / 1e6, runs);
	}

}
