package dev.priora.portal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.priora.feedback.FeedbackLinked;
import dev.priora.feedback.FeedbackService;
import dev.priora.feedback.FeedbackUnlinked;

/**
 * Keeps an idea's votes linked where the idea is: when the team links an idea's feedback
 * to an item (or unlinks it), the other voters' feedback follows in the same transaction,
 * so the item's demand counts each voter's customer once, at their vote's importance.
 */
@Component
class IdeaLinks {

	private final IdeaRepository ideas;

	private final FeedbackService feedback;

	IdeaLinks(IdeaRepository ideas, FeedbackService feedback) {
		this.ideas = ideas;
		this.feedback = feedback;
	}

	@EventListener
	void linked(FeedbackLinked event) {
		ideas.byFeedback(event.feedbackId()).ifPresent(idea -> {
			for (var vote : ideas.otherVotes(idea.id(), idea.feedbackId())) {
				feedback.link(event.productKey(), vote.feedbackId(), event.item(),
						vote.importance() == null ? event.importance() : vote.importance(), "", event.user());
			}
		});
	}

	@EventListener
	void unlinked(FeedbackUnlinked event) {
		ideas.byFeedback(event.feedbackId()).ifPresent(idea -> {
			for (var vote : ideas.otherVotes(idea.id(), idea.feedbackId())) {
				boolean linked = ideas.links(vote.feedbackId())
					.stream()
					.anyMatch(l -> l.itemNumber() == event.item().number()
							&& l.productKey().equals(event.item().productKey()));
				if (linked) {
					feedback.unlink(event.productKey(), vote.feedbackId(), event.item());
				}
			}
		});
	}

}
