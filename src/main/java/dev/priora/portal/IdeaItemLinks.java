package dev.priora.portal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.priora.accounts.UserId;
import dev.priora.backlog.BacklogService;
import dev.priora.backlog.ItemFilter;
import dev.priora.backlog.ItemKey;
import dev.priora.backlog.ItemStatus;
import dev.priora.backlog.ItemSummary;
import dev.priora.feedback.FeedbackService;
import dev.priora.feedback.FeedbackView;
import dev.priora.feedback.Importance;
import dev.priora.problem.DomainProblem;

/**
 * The team links a portal idea to the backlog items it asks for from the idea's page: the
 * idea is feedback, so this is the feedback module's link (the other voters' feedback
 * follows, see {@link IdeaLinks}); the item is given by its key, its number or its title.
 */
@Service
public class IdeaItemLinks {

	/** How many of the product's items the picker offers. */
	static final int OFFERED = 200;

	private final IdeaModeration ideas;

	private final FeedbackService feedback;

	private final BacklogService backlog;

	IdeaItemLinks(IdeaModeration ideas, FeedbackService feedback, BacklogService backlog) {
		this.ideas = ideas;
		this.feedback = feedback;
		this.backlog = backlog;
	}

	/** The items the idea is linked to, with importance and quote. */
	public List<FeedbackView.Link> links(String productKey, TeamIdea idea) {
		return feedback.get(productKey, idea.feedbackId()).links();
	}

	/** The product's open items in backlog order, to pick from (at most 200). */
	public List<ItemSummary> offered(String productKey) {
		return backlog.page(productKey, ItemFilter.NONE, null, OFFERED)
			.items()
			.stream()
			.filter(i -> i.status() != ItemStatus.DONE && i.status() != ItemStatus.REJECTED)
			.toList();
	}

	/**
	 * Links the idea to the item typed as {@code SHOP-7}, {@code 7}, "SHOP-7 Title" (as
	 * the picker offers it) or its title (or a part of it that only one item's title
	 * has); 400 naming {@code item} when no single item matches.
	 */
	public ItemKey link(String productKey, long ideaId, String item, Importance importance, UserId user) {
		TeamIdea idea = ideas.get(productKey, ideaId);
		ItemKey key = resolve(productKey, item == null ? "" : item.strip());
		feedback.link(productKey, idea.feedbackId(), key, importance == null ? Importance.IMPORTANT : importance, "",
				user);
		return key;
	}

	/**
	 * Takes the link to the item back (the other voters' links follow); nothing happens
	 * when the idea is not linked to it (a second click, a page from before).
	 */
	public void unlink(String productKey, long ideaId, String item) {
		TeamIdea idea = ideas.get(productKey, ideaId);
		ItemKey key = ItemKey.inProduct(productKey, item);
		boolean linked = feedback.get(productKey, idea.feedbackId())
			.links()
			.stream()
			.anyMatch(l -> l.item().equalsIgnoreCase(key.toString()));
		if (linked) {
			feedback.unlink(productKey, idea.feedbackId(), key);
		}
	}

	private ItemKey resolve(String productKey, String typed) {
		if (typed.isEmpty()) {
			throw DomainProblem.invalid("item",
					"type an item's key (like " + productKey.toUpperCase(Locale.ROOT) + "-7) or its title");
		}
		String product = productKey.toUpperCase(Locale.ROOT);
		String first = typed.split("\\s+", 2)[0];
		Optional<ItemKey> key = typed.chars().allMatch(Character::isDigit) ? ItemKey.parse(product + "-" + typed)
				: ItemKey.parse(first);
		if (key.isPresent()) {
			if (!key.get().productKey().equals(product)) {
				throw DomainProblem.invalid("item", key.get() + " is an item of another product");
			}
			return key.get();
		}
		String wanted = typed.toLowerCase(Locale.ROOT);
		List<ItemSummary> items = backlog
			.page(productKey, new ItemFilter(null, null, null, null, null, typed), null, OFFERED)
			.items();
		List<ItemSummary> exact = items.stream()
			.filter(i -> i.title().strip().toLowerCase(Locale.ROOT).equals(wanted))
			.toList();
		List<ItemSummary> partial = items.stream()
			.filter(i -> i.title().toLowerCase(Locale.ROOT).contains(wanted))
			.toList();
		List<ItemSummary> found = exact.isEmpty() ? partial : exact;
		if (found.size() == 1) {
			return found.get(0).key();
		}
		throw DomainProblem.invalid("item", found.isEmpty()
				? "no item of " + product + " has the key or title \u201c" + clip(typed) + "\u201d"
				: found.size() + " items have \u201c" + clip(typed) + "\u201d in their title; pick one from the list");
	}

	private static String clip(String s) {
		return s.length() > 60 ? s.substring(0, 60) + "\u2026" : s;
	}

}
