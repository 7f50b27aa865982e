package dev.priora.feedback;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.accounts.UserId;
import dev.priora.problem.DomainProblem;
import dev.priora.backlog.ItemKey;
import dev.priora.backlog.ProductService;
import dev.priora.feedback.engine.StoryDrafter;

/**
 * Customer feedback: intake, triage, links to backlog items (with importance and quote),
 * merging duplicates, similar feedback and items, and the demand per item that follows
 * from the links. The feature's entry point: it resolves the product and holds each
 * command's transaction; {@link FeedbackTriage}, {@link FeedbackSimilarity} and
 * {@link StoryConversion} do that part of the work.
 */
@Service
public class FeedbackService {

	public static final int MAX_TEXT = 20_000;

	public static final int MAX_PAGE_SIZE = 200;

	/** Largest batch of a bulk action. */
	public static final int MAX_BULK = 500;

	private final FeedbackRepository feedback;

	private final FeedbackReads reads;

	private final FeedbackTriage triage;

	private final FeedbackSimilarity similarity;

	private final StoryConversion stories;

	private final FeedbackDrafts drafts;

	private final CustomerService customers;

	private final ProductService products;

	private final FeedbackIndex index;

	private final KindClassifier classifier;

	private final FeedbackKinds kinds;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	FeedbackService(FeedbackRepository feedback, FeedbackReads reads, FeedbackTriage triage,
			FeedbackSimilarity similarity, StoryConversion stories, FeedbackDrafts drafts, CustomerService customers,
			ProductService products, FeedbackIndex index, KindClassifier classifier, FeedbackKinds kinds, Clock clock,
			ApplicationEventPublisher events) {
		this.feedback = feedback;
		this.reads = reads;
		this.triage = triage;
		this.similarity = similarity;
		this.stories = stories;
		this.drafts = drafts;
		this.customers = customers;
		this.products = products;
		this.index = index;
		this.classifier = classifier;
		this.kinds = kinds;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Records feedback (status NEW); {@code user} is null for anonymous channels such as
	 * the public form.
	 */
	@Transactional
	public FeedbackView create(String productKey, FeedbackDraft draft, UserId user) {
		String key = key(productKey);
		FeedbackDraft d = drafts.checked(key, draft);
		Instant now = clock.instant();
		Instant received = d.receivedAt() == null ? now : d.receivedAt();
		float[] vector = index.embed(d.title(), d.text());
		long id = feedback.insert(key, d, d.channel() == null ? Channel.MANUAL : d.channel(), received, vector,
				user == null ? null : user.value(), now);
		classifier.classifyAndStore(key, id, vector, d.title(), d.text());
		FeedbackView created = reads.get(key, id);
		events.publishEvent(new FeedbackReceived(key, id, created.title(), created.channel().name(), d.customerId()));
		return created;
	}

	/**
	 * Records feedback for a caller that cannot read the product's customers (an
	 * intake-only token): a customer or contact id that the product does not have is left
	 * out instead of refused, so that the answer, the same either way, tells nothing
	 * about which customers exist.
	 */
	@Transactional
	public IntakeReceipt intake(String productKey, FeedbackDraft draft, UserId user) {
		String key = key(productKey);
		CustomerView customer = draft.customerId() == null ? null
				: customers.find(key, draft.customerId()).orElse(null);
		Long contact = customer != null && draft.contactId() != null
				&& customer.contacts().stream().anyMatch(c -> c.id() == draft.contactId()) ? draft.contactId() : null;
		return IntakeReceipt
			.of(create(key, new FeedbackDraft(draft.title(), draft.text(), customer == null ? null : customer.id(),
					contact, draft.channel(), draft.receivedAt(), draft.tags(), draft.externalId()), user));
	}

	public FeedbackView get(String productKey, long id) {
		return reads.get(key(productKey), id);
	}

	/**
	 * Newest first; {@code cursor} is the id of the last feedback of the previous page.
	 */
	public List<FeedbackView> page(String productKey, FeedbackFilter filter, Long cursor, int limit) {
		if (limit < 1 || limit > MAX_PAGE_SIZE) {
			throw DomainProblem.invalid("limit", "must be from 1 to " + MAX_PAGE_SIZE);
		}
		String key = key(productKey);
		return reads.views(key, feedback.page(key, filter, cursor, limit));
	}

	/**
	 * Sets the feedback's kind by hand: it stays as set (confidence 1), and teaches the
	 * product's own model, which is checked again in the background.
	 */
	@Transactional
	public FeedbackView setKind(String productKey, long id, FeedbackKind kind) {
		if (kind == null) {
			throw DomainProblem.invalid("kind",
					"must be one of BUG, FEATURE_REQUEST, QUESTION, PRAISE, COMPLAINT, OTHER");
		}
		return kinds.setKind(key(productKey), id, kind);
	}

	/**
	 * The kind model the product uses, how many labels it learned from and how well it
	 * does.
	 */
	public KindModelView kindModel(String productKey) {
		return kinds.model(key(productKey));
	}

	/** Checks the product's kind model again in the background, now. */
	@Transactional
	public void retrainKinds(String productKey) {
		kinds.retrain(key(productKey));
	}

	/**
	 * Moves feedback along its triage (new, triaged, declined, archived) when the version
	 * is current.
	 */
	@Transactional
	public FeedbackView changeStatus(String productKey, long id, FeedbackStatus target, long expectedVersion) {
		return triage.changeStatus(key(productKey), id, target, expectedVersion);
	}

	/**
	 * Links the feedback to an item (replacing an earlier link to it); the feedback
	 * becomes LINKED.
	 */
	@Transactional
	public FeedbackView link(String productKey, long id, ItemKey item, Importance importance, String quote,
			UserId user) {
		return triage.link(key(productKey), id, item, importance, quote, user);
	}

	@Transactional
	public FeedbackView unlink(String productKey, long id, ItemKey item) {
		return triage.unlink(key(productKey), id, item);
	}

	/**
	 * Sets (or with null clears) who the feedback is from, which settles any customer
	 * suggestion; demand of the items it is linked to follows.
	 */
	@Transactional
	public FeedbackView assignCustomer(String productKey, long id, Long customerId, Long contactId) {
		return triage.assignCustomer(key(productKey), id, customerId, contactId);
	}

	/**
	 * Applies one triage action to many feedback at once: a status change (triage,
	 * decline, archive) or a link to an item. All or nothing: one feedback that cannot
	 * take the action changes none.
	 */
	@Transactional
	public List<FeedbackView> bulk(String productKey, List<Long> ids, FeedbackStatus status, ItemKey item,
			Importance importance, UserId user) {
		return triage.bulk(key(productKey), ids, status, item, importance, user);
	}

	/**
	 * Merges a duplicate into another feedback: both texts are kept, the duplicate's
	 * links move over (the higher importance wins), and the duplicate is archived, so its
	 * customer counts once in demand.
	 */
	@Transactional
	public FeedbackView merge(String productKey, long duplicateId, long intoId, UserId user) {
		return triage.merge(key(productKey), duplicateId, intoId, user);
	}

	/**
	 * Feedback and items most similar to the given feedback (possible duplicates, where
	 * it belongs).
	 */
	public List<SimilarView> similarTo(String productKey, long id, int limit) {
		return similarity.similarTo(key(productKey), id, limit);
	}

	/**
	 * Feedback and items most similar to a text, e.g. while writing a new item or
	 * feedback.
	 */
	public List<SimilarView> similarTo(String productKey, String title, String text, int limit) {
		return similarity.similarTo(key(productKey), title, text, limit);
	}

	/**
	 * A user-story draft for the feedback (role from the customer's segment, else
	 * "customer"; goal and benefit from the text), for the product owner to edit before
	 * saving.
	 */
	public StoryDrafter.Draft storyDraft(String productKey, long id) {
		return stories.storyDraft(key(productKey), id);
	}

	/**
	 * Creates the story as edited, at the bottom of the backlog, and links the feedback
	 * to it; one transaction.
	 */
	@Transactional
	public ItemKey convertToStory(String productKey, long id, String title, String description, List<String> criteria,
			UserId user) {
		return stories.convertToStory(key(productKey), id, title, description, criteria, user);
	}

	/**
	 * Creates the story from the form's parts: "As a role, I want goal, so that benefit."
	 * (no benefit clause when it is blank), then the details; 400 naming {@code want}
	 * when neither a goal nor details are given.
	 */
	@Transactional
	public ItemKey convertToStory(String productKey, long id, String title, StoryDrafter.Draft parts, String details,
			List<String> criteria, UserId user) {
		String description = StoryConversion.description(parts, details);
		return stories.convertToStory(key(productKey), id, title, description, criteria, user);
	}

	/**
	 * The customer demand for an item of the product, from the feedback linked to it; 404
	 * when the item is not one of the product's.
	 */
	public Demand demand(String productKey, ItemKey item) {
		String key = key(productKey);
		return DemandStore.compute(feedback.demand(reads.existingItemId(key, item)));
	}

	/** The product's key as stored; 404 when there is no such product. */
	private String key(String productKey) {
		return products.get(productKey).key();
	}

}
