package dev.priora.portal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.priora.accounts.RateLimiter;
import dev.priora.feedback.FeedbackService;
import dev.priora.feedback.FeedbackView;
import dev.priora.feedback.PortalIntake;
import dev.priora.feedback.SimilarView;
import dev.priora.problem.DomainProblem;

/**
 * A portal's ideas for its visitors: the list (trending, top, new; by category), the
 * ideas most like a text being typed, one idea with its comments, and posting one.
 * Posting is limited per visitor and per address; a filled honeypot is dropped. Every
 * idea is PORTAL feedback of its poster ({@link PortalIntake}), whose vote it carries.
 */
@Service
public class Ideas {

	/** Longest list shown at once. */
	public static final int MAX_LIST = 200;

	private final IdeaRepository ideas;

	private final IdeaTalkRepository talk;

	private final TeamReplyRepository replies;

	private final PortalIntake intake;

	private final FeedbackService feedback;

	private final RateLimiter limiter;

	private final RateLimiter.Limit perVisitor;

	private final RateLimiter.Limit perAddress;

	private final TransactionTemplate transaction;

	private final Clock clock;

	Ideas(IdeaRepository ideas, IdeaTalkRepository talk, TeamReplyRepository replies, PortalIntake intake,
			FeedbackService feedback, RateLimiter limiter, PlatformTransactionManager transactions, Clock clock,
			@Value("${priora.portal.ideas.max-per-visitor-per-hour:10}") int perVisitor,
			@Value("${priora.portal.ideas.max-per-address-per-hour:30}") int perAddress) {
		this.ideas = ideas;
		this.talk = talk;
		this.replies = replies;
		this.intake = intake;
		this.feedback = feedback;
		this.limiter = limiter;
		this.perVisitor = new RateLimiter.Limit("portal-post-visitor", perVisitor, Duration.ofHours(1));
		this.perAddress = new RateLimiter.Limit("portal-post-address", perAddress, Duration.ofHours(1));
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** The open portal's ideas as {@code visitor} (null: not signed in) sees them. */
	public List<IdeaSummary> list(PortalSettings portal, IdeaSort sort, String category, PortalVisitor visitor) {
		String c = category == null || !portal.categories().contains(category.strip()) ? "" : category.strip();
		return ideas.list(portal.productKey(), sort == null ? IdeaSort.TRENDING : sort, c, visitorId(visitor),
				clock.instant().minus(Duration.ofDays(7)), MAX_LIST);
	}

	/**
	 * The ideas whose title or text contains {@code query} (any case; all ideas for a
	 * blank one), for the visitors' JSON API; 400 naming {@code q} for a query over 200
	 * characters.
	 */
	public List<IdeaSummary> search(PortalSettings portal, String query, IdeaSort sort, String category,
			PortalVisitor visitor) {
		String q = query == null ? "" : query.strip();
		if (q.length() > 200) {
			throw DomainProblem.invalid("q", "is at most 200 characters");
		}
		String c = category == null || !portal.categories().contains(category.strip()) ? "" : category.strip();
		return ideas.list(portal.productKey(), sort == null ? IdeaSort.TRENDING : sort, c, q, visitorId(visitor),
				clock.instant().minus(Duration.ofDays(7)), MAX_LIST);
	}

	/**
	 * One idea; 404 for an idea the visitor may not see (held, spam, another portal's).
	 */
	public IdeaDetail get(PortalSettings portal, long id, PortalVisitor visitor) {
		IdeaRepository.Row row = visible(portal, id, visitor);
		long me = visitorId(visitor);
		var vote = ideas.vote(row.id(), me);
		List<IdeaDetail.Comment> comments = new ArrayList<>();
		talk.comments(row.id(), me)
			.forEach(c -> comments.add(new IdeaDetail.Comment(c.id(), c.body(), c.createdAt(), c.visitorId() == me,
					c.state() == CommentState.HELD, null, false)));
		replies.ofIdea(row.id())
			.forEach(r -> comments.add(new IdeaDetail.Comment(r.id(), r.body(), r.createdAt(), false, false, r.author(),
					r.editedAt() != null)));
		comments.sort(java.util.Comparator.comparing(IdeaDetail.Comment::createdAt));
		IdeaSummary summary = new IdeaSummary(row.id(), row.title(), row.category(), row.state(), row.status(),
				row.votes(), row.comments(), row.createdAt(), vote.isPresent());
		return new IdeaDetail(summary, row.body(), row.declinedReason(), row.visitorId() == me,
				vote.map(IdeaRepository.Vote::importance).orElse(null), vote.isPresent(),
				visitor != null && talk.follows(row.id(), me), comments);
	}

	/**
	 * The visible ideas most like what is being typed (by the feedback similarity
	 * engine), at most {@code limit}; none for a text under three characters.
	 */
	public List<IdeaSummary> similar(PortalSettings portal, String title, String text, PortalVisitor visitor,
			int limit) {
		String t = title == null ? "" : title.strip();
		String x = text == null ? "" : text.strip();
		if (t.length() + x.length() < 3 || t.length() > 300 || x.length() > FeedbackService.MAX_TEXT) {
			return List.of();
		}
		List<SimilarView> matches = feedback.similarTo(portal.productKey(), t, x, 50);
		List<Long> feedbackIds = matches.stream()
			.filter(m -> m.feedbackId() != null)
			.map(SimilarView::feedbackId)
			.toList();
		Map<Long, Long> byFeedback = ideas.ideasOfFeedback(portal.productKey(), feedbackIds);
		Set<Long> ids = new LinkedHashSet<>();
		feedbackIds.stream().map(byFeedback::get).filter(java.util.Objects::nonNull).forEach(ids::add);
		List<IdeaSummary> visible = ideas.list(portal.productKey(), IdeaSort.TOP, "", visitorId(visitor),
				clock.instant().minus(Duration.ofDays(7)), MAX_LIST);
		List<IdeaSummary> out = new ArrayList<>();
		for (long id : ids) {
			visible.stream().filter(s -> s.id() == id).findFirst().ifPresent(out::add);
			if (out.size() == limit) {
				break;
			}
		}
		return out;
	}

	/**
	 * Posts an idea and answers its id (0 when the honeypot was filled); held for review
	 * when the portal holds new ideas. 400 naming the field, 429 when this visitor or
	 * address posted too often.
	 */
	public long post(PortalSettings portal, PortalVisitor visitor, String title, String text, String category,
			String website, String clientIp) {
		List<String> checked = IdeaTexts.idea(title, text, category, portal.categories());
		if (website != null && !website.isBlank()) {
			return 0;
		}
		var byVisitor = limiter.tryAcquire(perVisitor, "v" + visitor.id());
		var byAddress = byVisitor.isEmpty() ? byVisitor : limiter.tryAcquire(perAddress, clientIp);
		if (byAddress.isEmpty()) {
			byVisitor.ifPresent(limiter::release);
			throw DomainProblem.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many ideas",
					"You posted many ideas within the hour; please wait a while before posting another.");
		}
		try {
			return transaction.execute(tx -> insert(portal, visitor, checked));
		}
		catch (RuntimeException e) {
			byVisitor.ifPresent(limiter::release);
			byAddress.ifPresent(limiter::release);
			throw e;
		}
	}

	/**
	 * Posts an idea without the visitors' limits, in the caller's transaction: the demo's
	 * ideas, written on the first start.
	 */
	long postWithoutLimit(PortalSettings portal, PortalVisitor visitor, String title, String text, String category) {
		return transaction
			.execute(tx -> insert(portal, visitor, IdeaTexts.idea(title, text, category, portal.categories())));
	}

	private long insert(PortalSettings portal, PortalVisitor visitor, List<String> checked) {
		FeedbackView f = intake.idea(portal.productKey(), checked.get(0), checked.get(1), visitor.email());
		IdeaState state = portal.holdNewIdeas() ? IdeaState.HELD : IdeaState.VISIBLE;
		long id = ideas.insert(portal.productKey(), f.id(), visitor.id(), checked.get(0), checked.get(1),
				checked.get(2), state, clock.instant());
		ideas.insertVote(id, visitor.id(), null, f.id(), clock.instant());
		talk.follow(id, visitor.id());
		return id;
	}

	/**
	 * The idea a merged idea was merged into (following later merges too), for the merged
	 * idea's address to redirect there; empty for an idea not merged.
	 */
	public java.util.Optional<Long> mergedInto(PortalSettings portal, long id) {
		Long at = null;
		long current = id;
		for (int hops = 0; hops < 20; hops++) {
			Long next = ideas.find(portal.productKey(), current).map(IdeaRepository.Row::mergedInto).orElse(null);
			if (next == null) {
				break;
			}
			at = next;
			current = next;
		}
		return java.util.Optional.ofNullable(at);
	}

	/** The idea when the visitor may see it; 404 otherwise. */
	IdeaRepository.Row visible(PortalSettings portal, long id, PortalVisitor visitor) {
		return ideas.find(portal.productKey(), id)
			.filter(r -> r.mergedInto() == null)
			.filter(r -> r.state() == IdeaState.VISIBLE
					|| r.state() == IdeaState.HELD && visitor != null && r.visitorId() == visitor.id())
			.orElseThrow(() -> DomainProblem.notFound("Idea " + id));
	}

	static long visitorId(PortalVisitor visitor) {
		return visitor == null ? -1 : visitor.id();
	}

}
