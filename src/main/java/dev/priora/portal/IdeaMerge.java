package dev.priora.portal;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.accounts.UserId;
import dev.priora.backlog.ItemKey;
import dev.priora.backlog.ProductService;
import dev.priora.feedback.FeedbackService;
import dev.priora.feedback.FeedbackStatus;
import dev.priora.feedback.Importance;
import dev.priora.problem.DomainProblem;

/**
 * Merges a duplicate idea into the idea kept: its votes move over, a person who voted for
 * both counts once (at the higher importance; their second vote's feedback is unlinked
 * and archived), its followers follow the kept idea, its comments show there, and the
 * kept idea takes over the items the duplicate was linked to, so every voter's customer
 * counts once in those items' demand. The merged idea then redirects visitors to the kept
 * one. One transaction, holding both ideas' rows.
 */
@Service
public class IdeaMerge {

	private final IdeaRepository ideas;

	private final IdeaMergeRepository merges;

	private final FeedbackService feedback;

	private final ProductService products;

	private final IdeaModeration moderation;

	IdeaMerge(IdeaRepository ideas, IdeaMergeRepository merges, FeedbackService feedback, ProductService products,
			IdeaModeration moderation) {
		this.ideas = ideas;
		this.merges = merges;
		this.feedback = feedback;
		this.products = products;
		this.moderation = moderation;
	}

	/**
	 * Merges idea {@code fromId} into {@code intoId} and answers the kept idea; 404 when
	 * the merged idea is not the product's, 400 naming {@code into} for a kept idea that
	 * is the same, unknown or itself merged, 409 when the idea was merged already.
	 */
	@Transactional
	public TeamIdea merge(String productKey, long fromId, long intoId, UserId user) {
		String key = products.get(productKey).key();
		if (fromId == intoId) {
			throw DomainProblem.invalid("into", "is another idea than the one merged");
		}
		// both rows locked in id order, so two merges never wait for each other
		IdeaRepository.Row first = ideas.lock(key, Math.min(fromId, intoId)).orElse(null);
		IdeaRepository.Row second = ideas.lock(key, Math.max(fromId, intoId)).orElse(null);
		IdeaRepository.Row from = fromId < intoId ? first : second;
		IdeaRepository.Row into = fromId < intoId ? second : first;
		if (from == null) {
			throw DomainProblem.notFound("Idea " + fromId);
		}
		if (into == null || into.mergedInto() != null || into.state() == IdeaState.SPAM) {
			throw DomainProblem.invalid("into", "is not an idea of this product that is still open");
		}
		if (from.mergedInto() != null) {
			throw DomainProblem.conflict("already-merged", "Idea " + fromId + " is merged already.");
		}
		moveVotes(key, from, into);
		merges.moveFollows(from.id(), into.id());
		merges.moveComments(from.id(), into.id());
		merges.markMerged(from.id(), into.id());
		merges.recount(into.id());
		takeOverLinks(key, from, into, user);
		return moderation.get(key, into.id());
	}

	private void moveVotes(String key, IdeaRepository.Row from, IdeaRepository.Row into) {
		for (var vote : ideas.votes(from.id())) {
			var kept = ideas.vote(into.id(), vote.visitorId());
			if (kept.isEmpty()) {
				merges.moveVote(from.id(), into.id(), vote.visitorId());
				continue;
			}
			ideas.updateVote(into.id(), vote.visitorId(), higher(kept.get().importance(), vote.importance()));
			merges.dropVote(from.id(), vote.visitorId());
			Long dropped = vote.feedbackId();
			if (dropped != null && dropped != into.feedbackId()) {
				for (var link : ideas.links(dropped)) {
					feedback.unlink(key, dropped, new ItemKey(link.productKey(), link.itemNumber()));
				}
				var f = feedback.get(key, dropped);
				if (f.status() != FeedbackStatus.ARCHIVED) {
					feedback.changeStatus(key, dropped, FeedbackStatus.ARCHIVED, f.version());
				}
			}
		}
	}

	/**
	 * The kept idea is linked to every item either idea was linked to (the higher
	 * importance wins), and each of its votes is linked like it, at the vote's own
	 * importance when the voter gave one.
	 */
	private void takeOverLinks(String key, IdeaRepository.Row from, IdeaRepository.Row into, UserId user) {
		Map<ItemKey, Importance> links = new HashMap<>();
		for (var l : ideas.links(into.feedbackId())) {
			links.put(new ItemKey(l.productKey(), l.itemNumber()), l.importance());
		}
		for (var l : ideas.links(from.feedbackId())) {
			ItemKey item = new ItemKey(l.productKey(), l.itemNumber());
			Importance had = links.get(item);
			if (had == null || l.importance().weight() > had.weight()) {
				links.put(item, l.importance());
				feedback.link(key, into.feedbackId(), item, l.importance(), "", user);
			}
		}
		for (var vote : ideas.otherVotes(into.id(), into.feedbackId())) {
			var own = ideas.links(vote.feedbackId());
			links.forEach((item, importance) -> {
				boolean stale = own.stream()
					.noneMatch(o -> o.productKey().equals(item.productKey()) && o.itemNumber() == item.number()
							&& o.importance() == (vote.importance() == null ? importance : vote.importance()));
				if (stale) {
					feedback.link(key, vote.feedbackId(), item,
							vote.importance() == null ? importance : vote.importance(), "", user);
				}
			});
		}
	}

	private static Importance higher(Importance a, Importance b) {
		if (a == null) {
			return b;
		}
		return b == null || a.weight() >= b.weight() ? a : b;
	}

}
