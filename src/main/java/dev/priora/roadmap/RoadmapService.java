package dev.priora.roadmap;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.accounts.UserId;
import dev.priora.problem.DomainProblem;
import dev.priora.backlog.ItemKey;
import dev.priora.backlog.ProductService;

/**
 * The roadmap: the product's vision and goal, objectives (with key results and a target)
 * and the items aligned to them, the alignment report, the now / next / later board, the
 * release timeline with forecast bands, and revocable read-only links for stakeholders.
 * The module's one entry point (transactions start here): objectives and alignment are
 * {@link Objectives}, the board and timeline {@link RoadmapBoard}, release notes
 * {@link ReleaseNotesWriter}, links {@link ShareLinks}; the goal and comments are kept
 * here, and all SQL is in {@link RoadmapRepository}.
 */
@Service
public class RoadmapService {

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

	/**
	 * A shared link as listed (the secret is shown once, when it is made): its
	 * {@code name} (with whom it was shared; null when none was given), who made it, and
	 * how often it was opened, the last time when.
	 */
	public record Link(long id, String name, Instant createdAt, String createdBy, Instant expiresAt, Instant revokedAt,
			int opened, Instant lastOpened) {

		public boolean active(Instant now) {
			return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
		}

		/** What the link is called on pages and in messages. */
		public String label() {
			return name == null ? "Unnamed link" : name;
		}

	}

	private final RoadmapRepository repository;

	private final Objectives objectives;

	private final RoadmapBoard board;

	private final ReleaseNotesWriter notes;

	private final ShareLinks shareLinks;

	private final ProductService products;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	RoadmapService(RoadmapRepository repository, Objectives objectives, RoadmapBoard board, ReleaseNotesWriter notes,
			ShareLinks shareLinks, ProductService products, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.repository = repository;
		this.objectives = objectives;
		this.board = board;
		this.notes = notes;
		this.shareLinks = shareLinks;
		this.products = products;
		this.clock = clock;
	}

	public String goal(String productKey) {
		return repository.goal(products.get(productKey).key()).orElse("");
	}

	@Transactional
	public void setGoal(String productKey, String goal) {
		String key = products.get(productKey).key();
		String g = goal == null ? "" : goal.strip();
		if (g.length() > 2000) {
			throw DomainProblem.invalid("goal", "must be at most 2000 characters");
		}
		repository.setGoal(key, g);
	}

	public List<Objective> objectives(String productKey) {
		return objectives.objectives(productKey);
	}

	@Transactional
	public Objective createObjective(String productKey, String title, String description, List<String> keyResults,
			String target) {
		return objectives.create(productKey, title, description, keyResults, target);
	}

	@Transactional
	public void deleteObjective(String productKey, long id) {
		objectives.delete(productKey, id);
	}

	/**
	 * Aligns the item with one more objective, keeping the ones it has.
	 */
	@Transactional
	public void alignAlso(ItemKey item, long objectiveId) {
		objectives.alignAlso(item, objectiveId);
	}

	/**
	 * Aligns the item with exactly these objectives (an empty list aligns it with none).
	 */
	@Transactional
	public void align(ItemKey item, List<Long> objectiveIds) {
		objectives.align(item, objectiveIds);
	}

	/**
	 * Each objective's share of the points planned in releases and of the points
	 * delivered; items planned in a release and aligned with none are listed.
	 */
	@Transactional(readOnly = true)
	public AlignmentReport alignment(String productKey) {
		return objectives.alignment(productKey);
	}

	/**
	 * The roadmap: now = active releases, next = the first planned release, later = the
	 * other planned releases; only open items; optionally only those aligned with an
	 * objective. The timeline has every unreleased release with a target date and its
	 * forecast.
	 */
	@Transactional(readOnly = true)
	public Roadmap roadmap(String productKey, Long objectiveId) {
		return board.roadmap(productKey, objectiveId);
	}

	/**
	 * A comment on a roadmap entry (or on the roadmap: entry ""), or the manager's
	 * feedback on the roadmap.
	 */
	public record Comment(long id, String entry, String kind, String body, String author, Instant at) {
	}

	/**
	 * Adds a comment on an entry (an item key, a release name, or "" for the roadmap), or
	 * — with {@code feedback} — the product manager's feedback on the roadmap; announced
	 * as {@link RoadmapCommented} (its mentions notify).
	 */
	@Transactional
	public Comment comment(String productKey, String entry, String body, boolean feedback, UserId user) {
		String key = products.get(productKey).key();
		String b = body == null ? "" : body.strip();
		if (b.isEmpty() || b.length() > 4000) {
			throw DomainProblem.invalid("body", "is required, at most 4000 characters");
		}
		String e = entry == null ? "" : entry.strip();
		if (e.length() > 120) {
			throw DomainProblem.invalid("entry", "must be at most 120 characters");
		}
		repository.insertComment(key, e, feedback ? "FEEDBACK" : "COMMENT", b, user.value(), clock.instant());
		events.publishEvent(new RoadmapCommented(key, e, b, feedback, user));
		return comments(key).get(0);
	}

	/** Comments and feedback, newest first. */
	public List<Comment> comments(String productKey) {
		return repository.comments(products.get(productKey).key());
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
		return notes.releaseNotes(productKey, releaseId);
	}

	@Transactional
	public ReleaseNotes publishReleaseNotes(String productKey, long releaseId, String markdown, UserId user) {
		return notes.publish(productKey, releaseId, markdown, user);
	}

	/**
	 * Makes a read-only link to the roadmap, expiring after {@code days} (null: never);
	 * the secret is shown once.
	 */
	public String share(String productKey, Integer days, UserId user) {
		return share(productKey, null, days, user);
	}

	/**
	 * Like {@link #share(String, Integer, UserId)}, the link named {@code name} (with
	 * whom it is shared; blank: no name).
	 */
	@Transactional
	public String share(String productKey, String name, Integer days, UserId user) {
		return shareLinks.share(productKey, name, days, user);
	}

	public List<Link> links(String productKey) {
		return shareLinks.links(productKey);
	}

	/** Revokes the product's active link and answers it as it was listed. */
	@Transactional
	public Link revoke(String productKey, long id) {
		return shareLinks.revoke(productKey, id);
	}

	/** The product behind an active, unexpired link; empty otherwise. */
	public Optional<String> productOf(String secret) {
		return shareLinks.productOf(secret);
	}

	/**
	 * Like {@link #productOf}, for someone opening the link: the opening is counted, so
	 * the team sees whether a stakeholder looked.
	 */
	@Transactional
	public Optional<String> open(String secret) {
		return shareLinks.open(secret);
	}

}
