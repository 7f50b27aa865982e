package dev.priora.roadmap;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.accounts.UserId;
import dev.priora.backlog.BacklogOrder;
import dev.priora.backlog.BacklogProblem;
import dev.priora.backlog.ItemKey;
import dev.priora.backlog.ItemStatus;
import dev.priora.backlog.ProductService;
import dev.priora.planning.PlanningService;
import dev.priora.planning.ReleaseStatus;
import dev.priora.planning.ReleaseView;
import dev.priora.progress.ProgressService;

/**
 * The roadmap: the product's vision and goal, objectives (with key results and a target)
 * and the items aligned to them, the alignment report, the now / next / later board, the
 * release timeline with forecast bands, and revocable read-only links for stakeholders.
 */
@Service
public class RoadmapService {

	private static final SecureRandom RANDOM = new SecureRandom();

	/** An objective and the items aligned to it. */
	public record Objective(long id, String title, String description, List<String> keyResults, String target,
			List<String> items) {
	}

	/** An objective's share of planned points and of delivered points. */
	public record Alignment(String objective, BigDecimal planned, BigDecimal delivered, double plannedShare,
			double deliveredShare) {
	}

	/** The alignment report, with the planned items aligned to no objective. */
	public record AlignmentReport(List<Alignment> objectives, List<String> unaligned) {
	}

	/** A roadmap entry: an item with its objectives. */
	public record Entry(String key, String title, String status, BigDecimal estimate, List<String> objectives) {
	}

	/** A column of the now / next / later board. */
	public record Column(String name, String release, List<Entry> entries) {
	}

	/**
	 * A release on the timeline: target date, the forecast's 50 / 85 / 95 % dates (null
	 * without one) and flag, and the releases whose work comes before it (the forecast is
	 * in sequence).
	 */
	public record TimelineRow(String release, String status, LocalDate target, LocalDate p50, LocalDate p85,
			LocalDate p95, String flag, List<String> after) {
	}

	/** The whole roadmap as shown to the team and to stakeholders. */
	public record Roadmap(String product, String vision, String goal, List<Objective> objectives, List<Column> board,
			List<TimelineRow> timeline) {
	}

	/** A shared link as listed (the secret is shown once, when it is made). */
	public record Link(long id, Instant createdAt, Instant expiresAt, Instant revokedAt) {

		public boolean active(Instant now) {
			return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
		}

	}

	private final JdbcClient jdbc;

	private final ProductService products;

	private final BacklogOrder backlog;

	private final PlanningService planning;

	private final ProgressService progress;

	private final Clock clock;

	RoadmapService(JdbcClient jdbc, ProductService products, BacklogOrder backlog, PlanningService planning,
			ProgressService progress, Clock clock) {
		this.jdbc = jdbc;
		this.products = products;
		this.backlog = backlog;
		this.planning = planning;
		this.progress = progress;
		this.clock = clock;
	}

	public String goal(String productKey) {
		return jdbc.sql("select goal from product_goals where product_key = ?")
			.param(products.get(productKey).key())
			.query(String.class)
			.optional()
			.orElse("");
	}

	@Transactional
	public void setGoal(String productKey, String goal) {
		String key = products.get(productKey).key();
		String g = goal == null ? "" : goal.strip();
		if (g.length() > 2000) {
			throw BacklogProblem.invalid("goal", "must be at most 2000 characters");
		}
		jdbc.sql("delete from product_goals where product_key = ?").param(key).update();
		jdbc.sql("insert into product_goals (product_key, goal) values (?, ?)").params(key, g).update();
	}

	public List<Objective> objectives(String productKey) {
		String key = products.get(productKey).key();
		Map<Long, List<String>> items = new HashMap<>();
		jdbc.sql("""
				select o.objective_id, p.product_key || '-' || cast(i.item_number as varchar(20)) from item_objectives o
				join items i on i.id = o.item_id join products p on p.id = i.product_id where p.product_key = ?
				order by i.item_number""")
			.param(key)
			.query((rs, n) -> items.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)))
			.list();
		return jdbc.sql("select * from objectives where product_key = ? order by id")
			.param(key)
			.query((rs, n) -> new Objective(rs.getLong("id"), rs.getString("title"), rs.getString("description"),
					lines(rs.getString("key_results")), rs.getString("target"),
					items.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}

	@Transactional
	public Objective createObjective(String productKey, String title, String description, List<String> keyResults,
			String target) {
		String key = products.get(productKey).key();
		Map<String, String> errors = new LinkedHashMap<>();
		String t = title == null ? "" : title.strip();
		if (t.isEmpty() || t.length() > 200) {
			errors.put("title", "is required, at most 200 characters");
		}
		String d = description == null ? "" : description.strip();
		String k = String.join("\n", keyResults == null ? List.of()
				: keyResults.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).toList());
		if (d.length() > 4000 || k.length() > 4000) {
			errors.put("description", "description and key results are at most 4000 characters each");
		}
		String g = target == null ? "" : target.strip();
		if (g.length() > 200) {
			errors.put("target", "must be at most 200 characters");
		}
		if (!errors.isEmpty()) {
			throw BacklogProblem.invalid(errors);
		}
		try {
			jdbc.sql(
					"insert into objectives (product_key, title, description, key_results, target) values (?, ?, ?, ?, ?)")
				.params(key, t, d, k, g)
				.update();
		}
		catch (DuplicateKeyException e) {
			throw BacklogProblem.invalid("title", "another objective is called '" + t + "'");
		}
		return objectives(key).stream().filter(o -> o.title().equals(t)).findFirst().orElseThrow();
	}

	@Transactional
	public void deleteObjective(String productKey, long id) {
		objective(productKey, id);
		jdbc.sql("delete from objectives where id = ?").param(id).update();
	}

	/**
	 * Aligns the item with one more objective, keeping the ones it has.
	 */
	@Transactional
	public void alignAlso(ItemKey item, long objectiveId) {
		List<Long> ids = new ArrayList<>();
		for (Objective o : objectives(item.productKey())) {
			if (o.items().contains(item.toString())) {
				ids.add(o.id());
			}
		}
		ids.add(objectiveId);
		align(item, ids);
	}

	/**
	 * Aligns the item with exactly these objectives (an empty list aligns it with none).
	 */
	@Transactional
	public void align(ItemKey item, List<Long> objectiveIds) {
		long itemId = backlog.snapshot(item.productKey())
			.items()
			.stream()
			.filter(e -> e.key().equals(item))
			.findFirst()
			.orElseThrow(() -> BacklogProblem.notFound("Item " + item))
			.id();
		for (long id : objectiveIds) {
			objective(item.productKey(), id);
		}
		jdbc.sql("delete from item_objectives where item_id = ?").param(itemId).update();
		for (long id : new TreeSet<>(objectiveIds)) {
			jdbc.sql("insert into item_objectives (item_id, objective_id) values (?, ?)").params(itemId, id).update();
		}
	}

	/**
	 * Each objective's share of the points planned in releases and of the points
	 * delivered; items planned in a release and aligned with none are listed.
	 */
	@Transactional(readOnly = true)
	public AlignmentReport alignment(String productKey) {
		var objectives = objectives(productKey);
		Map<String, List<String>> byItem = byItem(objectives);
		Map<String, BigDecimal> estimates = new HashMap<>();
		Map<String, Boolean> done = new HashMap<>();
		backlog.snapshot(productKey).items().forEach(e -> {
			estimates.put(e.key().toString(), e.estimate() == null ? BigDecimal.ZERO : e.estimate());
			done.put(e.key().toString(), e.status() == ItemStatus.DONE);
		});
		Set<String> planned = new TreeSet<>();
		planning.board(productKey).releases().forEach(r -> r.items().forEach(i -> planned.add(i.key())));
		BigDecimal totalPlanned = BigDecimal.ZERO;
		BigDecimal totalDone = BigDecimal.ZERO;
		for (String k : planned) {
			totalPlanned = totalPlanned.add(estimates.getOrDefault(k, BigDecimal.ZERO));
		}
		for (var e : done.entrySet()) {
			if (e.getValue()) {
				totalDone = totalDone.add(estimates.get(e.getKey()));
			}
		}
		List<Alignment> result = new ArrayList<>();
		for (Objective o : objectives) {
			BigDecimal p = BigDecimal.ZERO;
			BigDecimal d = BigDecimal.ZERO;
			for (String k : o.items()) {
				if (planned.contains(k)) {
					p = p.add(estimates.getOrDefault(k, BigDecimal.ZERO));
				}
				if (done.getOrDefault(k, false)) {
					d = d.add(estimates.getOrDefault(k, BigDecimal.ZERO));
				}
			}
			result.add(new Alignment(o.title(), p, d, share(p, totalPlanned), share(d, totalDone)));
		}
		List<String> unaligned = planned.stream().filter(k -> !byItem.containsKey(k)).toList();
		return new AlignmentReport(result, unaligned);
	}

	/**
	 * The roadmap: now = active releases, next = the first planned release, later = the
	 * other planned releases; only open items; optionally only those aligned with an
	 * objective. The timeline has every unreleased release with a target date and its
	 * forecast.
	 */
	@Transactional(readOnly = true)
	public Roadmap roadmap(String productKey, Long objectiveId) {
		var product = products.get(productKey);
		var objectives = objectives(productKey);
		Map<String, List<String>> byItem = byItem(objectives);
		String filter = objectiveId == null ? null : objective(productKey, objectiveId).title();
		List<ReleaseView> releases = planning.board(productKey)
			.releases()
			.stream()
			.filter(r -> r.status() != ReleaseStatus.RELEASED)
			.toList();
		List<ReleaseView> now = releases.stream().filter(r -> r.status() == ReleaseStatus.ACTIVE).toList();
		List<ReleaseView> planned = releases.stream().filter(r -> r.status() == ReleaseStatus.PLANNED).toList();
		List<Column> board = new ArrayList<>();
		board.add(column("Now", now, byItem, filter));
		board.add(column("Next", planned.isEmpty() ? List.of() : planned.subList(0, 1), byItem, filter));
		board
			.add(column("Later", planned.size() <= 1 ? List.of() : planned.subList(1, planned.size()), byItem, filter));
		List<TimelineRow> timeline = new ArrayList<>();
		Map<Long, ProgressService.ReleaseForecast> forecasts = new java.util.HashMap<>();
		progress.releaseForecasts(productKey).forEach(f -> forecasts.put(f.releaseId(), f));
		for (ReleaseView r : releases) {
			var p = forecasts.get(r.id());
			var f = p == null ? null : p.forecast();
			timeline.add(new TimelineRow(r.name(), r.status().name().toLowerCase(java.util.Locale.ROOT), r.targetDate(),
					f == null ? null : f.p50Date(), f == null ? null : f.p85Date(), f == null ? null : f.p95Date(),
					p == null ? null : p.flag(), p == null ? List.of() : p.after()));
		}
		return new Roadmap(product.name(), product.vision(), goal(productKey), objectives, board, timeline);
	}

	private Column column(String name, List<ReleaseView> releases, Map<String, List<String>> byItem, String filter) {
		List<Entry> entries = new ArrayList<>();
		List<String> names = new ArrayList<>();
		for (ReleaseView r : releases) {
			names.add(r.name());
			for (var i : r.items()) {
				List<String> objectives = byItem.getOrDefault(i.key(), List.of());
				if (ItemStatus.DONE.label().equals(i.status()) || filter != null && !objectives.contains(filter)) {
					continue;
				}
				entries.add(new Entry(i.key(), i.title(), i.status(), i.estimate(), objectives));
			}
		}
		return new Column(name, String.join(", ", names), entries);
	}

	/**
	 * A comment on a roadmap entry (or on the roadmap: entry ""), or the manager's
	 * feedback on the roadmap.
	 */
	public record Comment(long id, String entry, String kind, String body, String author, Instant at) {
	}

	/**
	 * Adds a comment on an entry (an item key, a release name, or "" for the roadmap), or
	 * — with {@code feedback} — the product manager's feedback on the roadmap.
	 */
	@Transactional
	public Comment comment(String productKey, String entry, String body, boolean feedback, UserId user) {
		String key = products.get(productKey).key();
		String b = body == null ? "" : body.strip();
		if (b.isEmpty() || b.length() > 4000) {
			throw BacklogProblem.invalid("body", "is required, at most 4000 characters");
		}
		String e = entry == null ? "" : entry.strip();
		if (e.length() > 120) {
			throw BacklogProblem.invalid("entry", "must be at most 120 characters");
		}
		jdbc.sql(
				"""
						insert into roadmap_comments (product_key, entry, kind, body, author, created_at) values (?, ?, ?, ?, ?, ?)""")
			.params(key, e, feedback ? "FEEDBACK" : "COMMENT", b, user.value(), utc(clock.instant()))
			.update();
		return comments(key).get(0);
	}

	/** Comments and feedback, newest first. */
	public List<Comment> comments(String productKey) {
		return jdbc.sql("""
				select c.id, c.entry, c.kind, c.body, u.display_name, c.created_at from roadmap_comments c
				join users u on u.id = c.author where c.product_key = ? order by c.id desc""")
			.param(products.get(productKey).key())
			.query((rs, n) -> new Comment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant()))
			.list();
	}

	/**
	 * A release's notes: a draft from its done items, and what was published (null
	 * before).
	 */
	public record ReleaseNotes(String release, String draft, String published, Instant publishedAt) {
	}

	/**
	 * Release notes: a Markdown draft of the release's done items grouped into new
	 * features (stories), fixes (bugs) and other changes, each with its objectives; and
	 * the published text.
	 */
	@Transactional(readOnly = true)
	public ReleaseNotes releaseNotes(String productKey, long releaseId) {
		ReleaseView release = planning.release(productKey, releaseId);
		Map<String, List<String>> byItem = byItem(objectives(productKey));
		Map<String, dev.priora.backlog.ItemType> types = new HashMap<>();
		backlog.snapshot(productKey).items().forEach(e -> types.put(e.key().toString(), e.type()));
		Map<String, List<String>> sections = new LinkedHashMap<>();
		sections.put("New", new ArrayList<>());
		sections.put("Fixed", new ArrayList<>());
		sections.put("Also changed", new ArrayList<>());
		for (var i : release.items()) {
			if (!ItemStatus.DONE.label().equals(i.status())) {
				continue;
			}
			var type = types.get(i.key());
			String section = type == dev.priora.backlog.ItemType.STORY ? "New"
					: type == dev.priora.backlog.ItemType.BUG ? "Fixed" : "Also changed";
			List<String> objectives = byItem.getOrDefault(i.key(), List.of());
			sections.get(section)
				.add("- " + i.title().replace('\n', ' ') + " (" + i.key() + ")"
						+ (objectives.isEmpty() ? "" : " — " + String.join(", ", objectives)));
		}
		StringBuilder md = new StringBuilder("# " + release.name() + "\n");
		if (release.targetDate() != null) {
			md.append("\n").append(release.targetDate()).append("\n");
		}
		sections.forEach((title, lines) -> {
			if (!lines.isEmpty()) {
				md.append("\n## ").append(title).append("\n\n").append(String.join("\n", lines)).append("\n");
			}
		});
		var published = jdbc.sql("select markdown, published_at from release_notes where release_id = ?")
			.param(releaseId)
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant() })
			.optional();
		return new ReleaseNotes(release.name(), md.toString(), published.map(p -> (String) p[0]).orElse(null),
				published.map(p -> (Instant) p[1]).orElse(null));
	}

	@Transactional
	public ReleaseNotes publishReleaseNotes(String productKey, long releaseId, String markdown, UserId user) {
		planning.release(productKey, releaseId);
		String md = markdown == null ? "" : markdown.strip();
		if (md.isEmpty() || md.length() > 100_000) {
			throw BacklogProblem.invalid("markdown", "is required, at most 100,000 characters");
		}
		jdbc.sql("delete from release_notes where release_id = ?").param(releaseId).update();
		jdbc.sql("insert into release_notes (release_id, markdown, published_at, published_by) values (?, ?, ?, ?)")
			.params(releaseId, md, utc(clock.instant()), user.value())
			.update();
		return releaseNotes(productKey, releaseId);
	}

	/**
	 * Makes a read-only link to the roadmap, expiring after {@code days} (null: never);
	 * the secret is shown once.
	 */
	@Transactional
	public String share(String productKey, Integer days, UserId user) {
		String key = products.get(productKey).key();
		if (days != null && (days < 1 || days > 365)) {
			throw BacklogProblem.invalid("days", "must be from 1 to 365");
		}
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = clock.instant();
		jdbc.sql(
				"insert into roadmap_links (product_key, token_hash, created_at, created_by, expires_at) values (?, ?, ?, ?, ?)")
			.params(key, sha256(secret), utc(now), user.value(),
					days == null ? null : utc(now.plus(Duration.ofDays(days))))
			.update();
		return secret;
	}

	public List<Link> links(String productKey) {
		return jdbc.sql(
				"select id, created_at, expires_at, revoked_at from roadmap_links where product_key = ? order by id desc")
			.param(products.get(productKey).key())
			.query((rs, n) -> new Link(rs.getLong(1), instant(rs.getObject(2, OffsetDateTime.class)),
					instant(rs.getObject(3, OffsetDateTime.class)), instant(rs.getObject(4, OffsetDateTime.class))))
			.list();
	}

	@Transactional
	public void revoke(String productKey, long id) {
		int n = jdbc
			.sql("update roadmap_links set revoked_at = ? where product_key = ? and id = ? and revoked_at is null")
			.params(utc(clock.instant()), products.get(productKey).key(), id)
			.update();
		if (n == 0) {
			throw BacklogProblem.notFound("Active roadmap link " + id);
		}
	}

	/** The product behind an active, unexpired link; empty otherwise. */
	public Optional<String> productOf(String secret) {
		return jdbc.sql("""
				select product_key from roadmap_links where token_hash = ? and revoked_at is null
				and (expires_at is null or expires_at > ?)""")
			.params(sha256(secret == null ? "" : secret), utc(clock.instant()))
			.query(String.class)
			.optional();
	}

	private Objective objective(String productKey, long id) {
		return objectives(productKey).stream()
			.filter(o -> o.id() == id)
			.findFirst()
			.orElseThrow(() -> BacklogProblem.notFound("Objective " + id));
	}

	private static Map<String, List<String>> byItem(List<Objective> objectives) {
		Map<String, List<String>> byItem = new HashMap<>();
		for (Objective o : objectives) {
			for (String k : o.items()) {
				byItem.computeIfAbsent(k, x -> new ArrayList<>()).add(o.title());
			}
		}
		return byItem;
	}

	private static double share(BigDecimal part, BigDecimal total) {
		return total.signum() == 0 ? 0 : Math.round(1000 * part.doubleValue() / total.doubleValue()) / 10.0;
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

	private static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
