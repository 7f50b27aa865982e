package dev.priora.portal;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.accounts.UserId;
import dev.priora.backlog.ProductService;
import dev.priora.problem.DomainProblem;

/**
 * The team's replies to visitors on an idea (an "official response"): shown on the portal
 * among the comments with the team member's name and a "Team" badge, Markdown rendered
 * with HTML escaped. Posting one mails the idea's followers (through the outbox, with the
 * one-click link that stops the mails about the idea); editing (at the version read) and
 * deleting do not mail. A merged idea takes no replies; its replies moved to the idea
 * kept. One transaction per command, holding the idea's row.
 */
@Service
public class TeamReplies {

	private final IdeaRepository ideas;

	private final TeamReplyRepository replies;

	private final IdeaTalkRepository talk;

	private final IdeaModeration moderation;

	private final ProductService products;

	private final IdeaMails mails;

	private final Clock clock;

	TeamReplies(IdeaRepository ideas, TeamReplyRepository replies, IdeaTalkRepository talk, IdeaModeration moderation,
			ProductService products, IdeaMails mails, Clock clock) {
		this.ideas = ideas;
		this.replies = replies;
		this.talk = talk;
		this.moderation = moderation;
		this.products = products;
		this.mails = mails;
		this.clock = clock;
	}

	/** The idea's replies, oldest first; 404 when the idea is not the product's. */
	@Transactional(readOnly = true)
	public List<TeamReply> list(String productKey, long ideaId) {
		return replies.ofIdea(idea(productKey, ideaId).id());
	}

	/** One reply; 404 when it is not on this idea of the product. */
	@Transactional(readOnly = true)
	public TeamReply get(String productKey, long ideaId, long replyId) {
		return reply(idea(productKey, ideaId), replyId);
	}

	/** The idea with its comments and replies, for the team's idea page. */
	@Transactional(readOnly = true)
	public TeamThread thread(String productKey, long ideaId) {
		IdeaRepository.Row row = idea(productKey, ideaId);
		return new TeamThread(moderation.get(row.productKey(), row.id()), row.body(), row.declinedReason(),
				talk.forTeam(row.id()), replies.ofIdea(row.id()));
	}

	/**
	 * Replies as {@code author}; 400 naming {@code body}, 409 for a merged idea or one
	 * marked as spam. The idea's followers are mailed the reply.
	 */
	@Transactional
	public TeamReply post(String productKey, long ideaId, String body, UserId author) {
		String text = IdeaTexts.comment(body);
		IdeaRepository.Row row = locked(productKey, ideaId);
		if (row.mergedInto() != null) {
			throw DomainProblem.conflict("merged",
					"Idea " + ideaId + " is merged into #" + row.mergedInto() + "; reply on that idea.");
		}
		if (row.state() == IdeaState.SPAM) {
			throw DomainProblem.conflict("spam", "Idea " + ideaId + " is marked as spam; visitors do not see it.");
		}
		long id = replies.insert(row.id(), author.value(), text, clock.instant());
		TeamReply reply = reply(row, id);
		mails.replied(row, reply);
		return reply;
	}

	/** Replaces a reply's text; 412 when it changed since {@code version}. */
	@Transactional
	public TeamReply edit(String productKey, long ideaId, long replyId, String body, long version) {
		String text = IdeaTexts.comment(body);
		IdeaRepository.Row row = locked(productKey, ideaId);
		TeamReply current = reply(row, replyId);
		if (!replies.update(current.id(), text, version, clock.instant())) {
			throw DomainProblem.stale("Reply " + replyId, current.version(), "someone");
		}
		return reply(row, replyId);
	}

	/** Deletes a reply; 404 when it is not on this idea of the product. */
	@Transactional
	public void delete(String productKey, long ideaId, long replyId) {
		IdeaRepository.Row row = locked(productKey, ideaId);
		replies.delete(reply(row, replyId).id());
	}

	private IdeaRepository.Row idea(String productKey, long ideaId) {
		String key = products.get(productKey).key();
		return ideas.find(key, ideaId).orElseThrow(() -> DomainProblem.notFound("Idea " + ideaId));
	}

	private IdeaRepository.Row locked(String productKey, long ideaId) {
		String key = products.get(productKey).key();
		return ideas.lock(key, ideaId).orElseThrow(() -> DomainProblem.notFound("Idea " + ideaId));
	}

	private TeamReply reply(IdeaRepository.Row idea, long replyId) {
		return replies.find(idea.id(), replyId).orElseThrow(() -> DomainProblem.notFound("Reply " + replyId));
	}

}
