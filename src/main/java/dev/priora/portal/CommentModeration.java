package dev.priora.portal;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.backlog.ProductService;
import dev.priora.problem.DomainProblem;

/**
 * The team's review of comments: those waiting (when the portal holds new comments), and
 * approving (VISIBLE), rejecting or marking one as spam; the idea's comment count
 * follows.
 */
@Service
public class CommentModeration {

	private final IdeaTalkRepository talk;

	private final ProductService products;

	CommentModeration(IdeaTalkRepository talk, ProductService products) {
		this.talk = talk;
		this.products = products;
	}

	/** The product's comments in this state (HELD: waiting for review), newest first. */
	public List<HeldComment> list(String productKey, CommentState state) {
		return talk.inState(products.get(productKey).key(), state == null ? CommentState.HELD : state);
	}

	/** Sets a comment's state; 404 when it is not on one of the product's ideas. */
	@Transactional
	public void moderate(String productKey, long commentId, CommentState state) {
		String key = products.get(productKey).key();
		if (state == null) {
			throw DomainProblem.invalid("state", "is VISIBLE, HELD, REJECTED or SPAM");
		}
		long ideaId = talk.lockComment(key, commentId)
			.orElseThrow(() -> DomainProblem.notFound("Comment " + commentId));
		talk.setCommentState(commentId, state);
		talk.recountComments(ideaId);
	}

}
