package dev.priora.portal;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.priora.accounts.RateLimiter;
import dev.priora.accounts.UserId;
import dev.priora.backlog.ItemKey;
import dev.priora.feedback.FeedbackService;
import dev.priora.feedback.FeedbackStatus;
import dev.priora.feedback.FeedbackView;
import dev.priora.feedback.Importance;
import dev.priora.feedback.PortalIntake;
import dev.priora.problem.DomainProblem;

/**
 * What visitors do to an idea: vote (once each, with an optional importance), take the
 * vote back, comment, follow. Another visitor's vote is PORTAL feedback of the voter's
 * customer, linked to every item the idea is linked to, so the voter's customer counts in
 * those items' demand; taking the vote back unlinks and archives it. One transaction per
 * command, holding the idea's row.
 */
@Service
public class IdeaVotes {

	private final IdeaRepository ideas;

	private final IdeaVoteRepository votes;

	private final IdeaTalkRepository talk;

	private final Ideas reads;

	private final PortalIntake intake;

	private final FeedbackService feedback;

	private final RateLimiter limiter;

	private final RateLimiter.Limit comments;

	private final TransactionTemplate transaction;

	private final Clock clock;

	IdeaVotes(IdeaRepository ideas, IdeaVoteRepository votes, IdeaTalkRepository talk, Ideas reads, PortalIntake intake,
			FeedbackService feedback, RateLimiter limiter, PlatformTransactionManager transactions, Clock clock,
			@Value("${priora.portal.comments.max-per-visitor-per-hour:30}") int perVisitor) {
		this.ideas = ideas;
		this.votes = votes;
		this.talk = talk;
		this.reads = reads;
		this.intake = intake;
		this.feedback = feedback;
		this.limiter = limiter;
		this.comments = new RateLimiter.Limit("portal-comment-visitor", perVisitor, Duration.ofHours(1));
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/**
	 * Votes (or changes the importance of the visitor's vote; null: none given). A new
	 * voter's vote (the common case) costs one read before its transaction and then holds
	 * the idea's row only for its writes; the rest goes through {@link #change}.
	 */
	public void vote(PortalSettings portal, PortalVisitor visitor, long id, Importance importance) {
		IdeaVoteRepository.Voting seen = votes.voting(portal.productKey(), id, visitor.id())
			.filter(v -> v.mergedInto() == null)
			.filter(v -> v.state() == IdeaState.VISIBLE || v.state() == IdeaState.HELD && v.visitorId() == visitor.id())
			.orElseThrow(() -> DomainProblem.notFound("Idea " + id));
		if (seen.voted() || seen.visitorId() == visitor.id()) {
			change(portal, visitor, id, importance);
			return;
		}
		PortalIntake.VoteText text = intake.voteText(seen.title(), importance);
		try {
			transaction.executeWithoutResult(tx -> {
				if (!votes.countVote(portal.productKey(), id)) {
					throw DomainProblem.notFound("Idea " + id);
				}
				long own = intake.vote(portal.productKey(), seen.feedbackId(), text, visitor.email());
				votes.insert(id, visitor.id(), importance, own, clock.instant());
				linkLikeIdea(portal.productKey(), seen.feedbackId(), own, importance);
			});
		}
		catch (DuplicateKeyException e) {
			// the visitor's vote from another tab came first: this one sets its
			// importance
			change(portal, visitor, id, importance);
		}
	}

	/** A vote by the idea's poster, or a change of the importance of a vote. */
	private void change(PortalSettings portal, PortalVisitor visitor, long id, Importance importance) {
		transaction.executeWithoutResult(tx -> {
			IdeaRepository.Row row = locked(portal, id, visitor);
			var existing = ideas.vote(row.id(), visitor.id());
			if (existing.isPresent()) {
				ideas.updateVote(row.id(), visitor.id(), importance);
				Long own = existing.get().feedbackId();
				if (own != null && own != row.feedbackId()) {
					linkLikeIdea(row.productKey(), row.feedbackId(), own, importance);
				}
				return;
			}
			if (row.visitorId() == visitor.id()) {
				ideas.insertVote(row.id(), visitor.id(), importance, row.feedbackId(), clock.instant());
				return;
			}
			long own = intake.vote(portal.productKey(), row.feedbackId(), intake.voteText(row.title(), importance),
					visitor.email());
			ideas.insertVote(row.id(), visitor.id(), importance, own, clock.instant());
			linkLikeIdea(row.productKey(), row.feedbackId(), own, importance);
		});
	}

	/** Takes the visitor's vote back (nothing happens when there is none). */
	public void unvote(PortalSettings portal, PortalVisitor visitor, long id) {
		transaction.executeWithoutResult(tx -> {
			IdeaRepository.Row row = locked(portal, id, visitor);
			var vote = ideas.vote(row.id(), visitor.id());
			if (vote.isEmpty()) {
				return;
			}
			ideas.deleteVote(row.id(), visitor.id());
			Long own = vote.get().feedbackId();
			if (own != null && own != row.feedbackId()) {
				String key = portal.productKey();
				for (var link : ideas.links(own)) {
					feedback.unlink(key, own, new ItemKey(link.productKey(), link.itemNumber()));
				}
				FeedbackView f = feedback.get(key, own);
				if (f.status() != FeedbackStatus.ARCHIVED) {
					feedback.changeStatus(key, own, FeedbackStatus.ARCHIVED, f.version());
				}
			}
		});
	}

	/**
	 * Adds a comment (Markdown), held for review when the portal holds new comments;
	 * answers whether it was held. Limited per visitor.
	 */
	public boolean comment(PortalSettings portal, PortalVisitor visitor, long id, String body) {
		String text = IdeaTexts.comment(body);
		var permit = limiter.tryAcquire(comments, "v" + visitor.id())
			.orElseThrow(() -> DomainProblem.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many comments",
					"You commented a lot within the hour; please wait a while."));
		try {
			return insertComment(portal, visitor, id, text);
		}
		catch (RuntimeException e) {
			limiter.release(permit);
			throw e;
		}
	}

	/**
	 * Comments without the visitors' limit, in the caller's transaction: the demo's
	 * comments, written on the first start.
	 */
	boolean commentWithoutLimit(PortalSettings portal, PortalVisitor visitor, long id, String body) {
		return insertComment(portal, visitor, id, IdeaTexts.comment(body));
	}

	private boolean insertComment(PortalSettings portal, PortalVisitor visitor, long id, String text) {
		CommentState state = portal.holdNewComments() ? CommentState.HELD : CommentState.VISIBLE;
		transaction.executeWithoutResult(tx -> {
			IdeaRepository.Row row = locked(portal, id, visitor);
			talk.insertComment(row.id(), visitor.id(), text, clock.instant(), state);
			talk.follow(row.id(), visitor.id());
		});
		return state == CommentState.HELD;
	}

	/** Follows the idea, or stops following it. */
	public void follow(PortalSettings portal, PortalVisitor visitor, long id, boolean follow) {
		transaction.executeWithoutResult(tx -> {
			IdeaRepository.Row row = reads.visible(portal, id, visitor);
			if (follow) {
				talk.follow(row.id(), visitor.id());
			}
			else {
				talk.unfollow(row.id(), visitor.id());
			}
		});
	}

	private IdeaRepository.Row locked(PortalSettings portal, long id, PortalVisitor visitor) {
		reads.visible(portal, id, visitor);
		return ideas.lock(portal.productKey(), id).orElseThrow(() -> DomainProblem.notFound("Idea " + id));
	}

	/**
	 * Links a vote's feedback to every item the idea's feedback is linked to, at the
	 * vote's importance (or the idea link's when the voter gave none), in the name of who
	 * linked the idea.
	 */
	private void linkLikeIdea(String productKey, long ideaFeedbackId, long voteFeedbackId, Importance importance) {
		for (var link : ideas.links(ideaFeedbackId)) {
			feedback.link(productKey, voteFeedbackId, new ItemKey(link.productKey(), link.itemNumber()),
					importance == null ? link.importance() : importance, "", new UserId(link.createdBy()));
		}
	}

}
