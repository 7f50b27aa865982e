package dev.priora.feedback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.accounts.UserId;
import dev.priora.backlog.AcceptanceCriterion;
import dev.priora.backlog.BacklogProblem;
import dev.priora.backlog.BacklogService;
import dev.priora.backlog.ItemDraft;
import dev.priora.backlog.ItemType;
import dev.priora.backlog.Placement;
import dev.priora.backlog.ItemKey;
import dev.priora.backlog.ProductService;
import dev.priora.feedback.engine.SimilarityIndex;
import dev.priora.feedback.engine.StoryDrafter;

/**
 * Customer feedback: intake, triage, links to backlog items (with importance and quote),
 * merging duplicates, similar feedback and items, and the demand per item that follows
 * from the links.
 */
@Service
public class FeedbackService {

	public static final int MAX_TEXT = 20_000;

	public static final int MAX_PAGE_SIZE = 200;

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\r\\n\\t]]");

	private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,49}");

	private final FeedbackRepository feedback;

	private final CustomerService customers;

	private final ProductService products;

	private final FeedbackIndex index;

	private final BacklogService backlog;

	private final DemandStore demandStore;

	private final Clock clock;

	private final org.springframework.context.ApplicationEventPublisher events;

	FeedbackService(FeedbackRepository feedback, CustomerService customers, ProductService products,
			FeedbackIndex index, BacklogService backlog, DemandStore demand, Clock clock,
			org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.backlog = backlog;
		this.demandStore = demand;
		this.feedback = feedback;
		this.customers = customers;
		this.products = products;
		this.index = index;
		this.clock = clock;
	}

	/**
	 * Records feedback (status NEW); {@code user} is null for anonymous channels such as
	 * the public form.
	 */
	@Transactional
	public FeedbackView create(String productKey, FeedbackDraft draft, UserId user) {
		String key = products.get(productKey).key();
		FeedbackDraft d = validate(key, draft);
		Instant now = clock.instant();
		Instant received = d.receivedAt() == null ? now : d.receivedAt();
		float[] vector = index.embed(d.title(), d.text());
		long id = feedback.insert(key, d, d.channel() == null ? Channel.MANUAL : d.channel(), received, vector,
				user == null ? null : user.value(), now);
		FeedbackView created = get(key, id);
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
		String key = products.get(productKey).key();
		CustomerView customer = draft.customerId() == null ? null
				: customers.find(key, draft.customerId()).orElse(null);
		Long contact = customer != null && draft.contactId() != null
				&& customer.contacts().stream().anyMatch(c -> c.id() == draft.contactId()) ? draft.contactId() : null;
		return IntakeReceipt
			.of(create(key, new FeedbackDraft(draft.title(), draft.text(), customer == null ? null : customer.id(),
					contact, draft.channel(), draft.receivedAt(), draft.tags(), draft.externalId()), user));
	}

	public FeedbackView get(String productKey, long id) {
		String key = products.get(productKey).key();
		return views(key, List.of(row(key, id))).get(0);
	}

	/**
	 * Newest first; {@code cursor} is the id of the last feedback of the previous page.
	 */
	public List<FeedbackView> page(String productKey, FeedbackFilter filter, Long cursor, int limit) {
		if (limit < 1 || limit > MAX_PAGE_SIZE) {
			throw BacklogProblem.invalid("limit", "must be from 1 to " + MAX_PAGE_SIZE);
		}
		String key = products.get(productKey).key();
		return views(key, feedback.page(key, filter, cursor, limit));
	}

	/**
	 * Moves feedback along its triage (new, triaged, declined, archived) when the version
	 * is current.
	 */
	@Transactional
	public FeedbackView changeStatus(String productKey, long id, FeedbackStatus target, long expectedVersion) {
		String key = products.get(productKey).key();
		var row = current(key, id, expectedVersion);
		if (target == null || target == FeedbackStatus.LINKED || !row.status().next().contains(target)) {
			throw BacklogProblem.conflict("invalid-transition", "Feedback " + id + " cannot go from " + row.status()
					+ " to " + target + "; link it to an item to make it LINKED.");
		}
		feedback.update(id, row.title(), row.text(), row.customerId(), target, row.mergedInto(), clock.instant());
		return get(key, id);
	}

	/**
	 * Links the feedback to an item (replacing an earlier link to it); the feedback
	 * becomes LINKED.
	 */
	@Transactional
	public FeedbackView link(String productKey, long id, ItemKey item, Importance importance, String quote,
			UserId user) {
		String key = products.get(productKey).key();
		var row = row(key, id);
		if (row.mergedInto() != null) {
			throw BacklogProblem.conflict("merged", "Feedback " + id + " was merged into " + row.mergedInto() + ".");
		}
		long itemId = itemId(key, item);
		String q = quote == null ? "" : quote.strip();
		if (q.length() > 2000 || CONTROL.matcher(q).find()) {
			throw BacklogProblem.invalid("quote", "must be at most 2000 characters without control characters");
		}
		if (importance == null) {
			throw BacklogProblem.invalid("importance", "is required: NICE_TO_HAVE, IMPORTANT or CRITICAL");
		}
		feedback.link(id, itemId, importance, q, user.value(), clock.instant());
		feedback.update(id, row.title(), row.text(), row.customerId(), FeedbackStatus.LINKED, null, clock.instant());
		demandStore.refresh(List.of(itemId));
		return get(key, id);
	}

	@Transactional
	public FeedbackView unlink(String productKey, long id, ItemKey item) {
		String key = products.get(productKey).key();
		var row = row(key, id);
		long itemId = itemId(key, item);
		if (!feedback.unlink(id, itemId)) {
			throw BacklogProblem.notFound("The link of feedback " + id + " to " + item);
		}
		demandStore.refresh(List.of(itemId));
		if (row.status() == FeedbackStatus.LINKED && feedback.linkCount(id) == 0) {
			feedback.update(id, row.title(), row.text(), row.customerId(), FeedbackStatus.TRIAGED, null,
					clock.instant());
		}
		return get(key, id);
	}

	/**
	 * Sets (or with null clears) who the feedback is from, which settles any customer
	 * suggestion; demand of the items it is linked to follows.
	 */
	@Transactional
	public FeedbackView assignCustomer(String productKey, long id, Long customerId, Long contactId) {
		String key = products.get(productKey).key();
		var row = row(key, id);
		if (customerId != null) {
			CustomerView c;
			try {
				c = customers.get(key, customerId);
			}
			catch (BacklogProblem e) {
				throw BacklogProblem.invalid("customerId", "no customer " + customerId + " in product " + key);
			}
			if (contactId != null && c.contacts().stream().noneMatch(x -> x.id() == contactId)) {
				throw BacklogProblem.invalid("contactId", "is not a contact of customer " + customerId);
			}
		}
		else if (contactId != null) {
			throw BacklogProblem.invalid("contactId", "needs a customerId");
		}
		feedback.update(id, row.title(), row.text(), customerId, row.status(), row.mergedInto(), clock.instant());
		feedback.setContact(id, contactId);
		feedback.suggestCustomer(id, null);
		demandStore.refresh(demandStore.itemsOfFeedback(List.of(id)));
		return get(key, id);
	}

	/** Largest batch of a bulk action. */
	public static final int MAX_BULK = 500;

	/**
	 * Applies one triage action to many feedback at once: a status change (triage,
	 * decline, archive) or a link to an item. All or nothing: one feedback that cannot
	 * take the action changes none.
	 */
	@Transactional
	public List<FeedbackView> bulk(String productKey, List<Long> ids, FeedbackStatus status, ItemKey item,
			Importance importance, UserId user) {
		String key = products.get(productKey).key();
		if (ids == null || ids.isEmpty() || ids.size() > MAX_BULK) {
			throw BacklogProblem.invalid("ids", "name 1 to " + MAX_BULK + " feedback");
		}
		if ((status == null) == (item == null)) {
			throw BacklogProblem.invalid("action", "give either a status or an item to link to");
		}
		List<Long> distinct = ids.stream().distinct().toList();
		List<String> refused = new ArrayList<>();
		for (long id : distinct) {
			var row = feedback.find(key, id).orElseThrow(() -> BacklogProblem.invalid("ids", "no feedback " + id));
			if (status != null && (status == FeedbackStatus.LINKED || !row.status().next().contains(status))) {
				refused.add(id + " (" + row.status().name().toLowerCase(Locale.ROOT) + ")");
			}
			if (item != null && row.mergedInto() != null) {
				refused.add(id + " (merged)");
			}
		}
		if (!refused.isEmpty()) {
			throw BacklogProblem.conflict("invalid-transition",
					"Nothing changed: feedback " + String.join(", ", refused) + " cannot be "
							+ (status != null ? "moved to " + status.name().toLowerCase(Locale.ROOT) : "linked") + ".");
		}
		for (long id : distinct) {
			if (status != null) {
				var row = row(key, id);
				feedback.update(id, row.title(), row.text(), row.customerId(), status, row.mergedInto(),
						clock.instant());
			}
			else {
				link(key, id, item, importance == null ? Importance.IMPORTANT : importance, "", user);
			}
		}
		return views(key, distinct.stream().map(id -> row(key, id)).toList());
	}

	/**
	 * Merges a duplicate into another feedback: both texts are kept, the duplicate's
	 * links move over (the higher importance wins), and the duplicate is archived, so its
	 * customer counts once in demand.
	 */
	@Transactional
	public FeedbackView merge(String productKey, long duplicateId, long intoId, UserId user) {
		String key = products.get(productKey).key();
		if (duplicateId == intoId) {
			throw BacklogProblem.invalid("into", "feedback cannot be merged into itself");
		}
		var duplicate = row(key, duplicateId);
		var into = row(key, intoId);
		if (duplicate.mergedInto() != null || into.mergedInto() != null) {
			throw BacklogProblem.conflict("merged", "Merged feedback cannot be merged again.");
		}
		feedback.copyLinks(duplicateId, intoId, user.value(), clock.instant());
		demandStore.refresh(demandStore.itemsOfFeedback(List.of(duplicateId, intoId)));
		feedback.update(duplicateId, duplicate.title(), duplicate.text(), duplicate.customerId(),
				FeedbackStatus.ARCHIVED, intoId, clock.instant());
		if (feedback.linkCount(intoId) > 0 && into.status() != FeedbackStatus.LINKED) {
			feedback.update(intoId, into.title(), into.text(), into.customerId(), FeedbackStatus.LINKED, null,
					clock.instant());
		}
		index.remove(key, duplicateId);
		return get(key, intoId);
	}

	/**
	 * Feedback and items most similar to the given feedback (possible duplicates, where
	 * it belongs).
	 */
	public List<SimilarView> similarTo(String productKey, long id, int limit) {
		String key = products.get(productKey).key();
		var row = row(key, id);
		float[] stored = feedback.vector(id);
		return similar(key, row.title(), row.text(), stored, Set.of(FeedbackIndex.FEEDBACK + id), limit);
	}

	/**
	 * Feedback and items most similar to a text, e.g. while writing a new item or
	 * feedback.
	 */
	public List<SimilarView> similarTo(String productKey, String title, String text, int limit) {
		String key = products.get(productKey).key();
		if ((title == null || title.isBlank()) && (text == null || text.isBlank())) {
			throw BacklogProblem.invalid("text", "a title or a text is required");
		}
		if ((text == null ? 0 : text.length()) > MAX_TEXT || text != null && CONTROL.matcher(text).find()) {
			throw BacklogProblem.invalid("text",
					"must be at most " + MAX_TEXT + " characters without control characters");
		}
		if (title != null && (title.length() > 300 || CONTROL.matcher(title).find())) {
			throw BacklogProblem.invalid("title", "must be at most 300 characters without control characters");
		}
		return similar(key, title, text, null, Set.of(), limit);
	}

	/**
	 * A user-story draft for the feedback (role from the customer's segment, else
	 * "customer"; goal and benefit from the text), for the product owner to edit before
	 * saving.
	 */
	public StoryDrafter.Draft storyDraft(String productKey, long id) {
		String key = products.get(productKey).key();
		var row = row(key, id);
		String role = row.customerId() == null ? null : customers.get(key, row.customerId()).segment();
		return StoryDrafter.draft(role == null || role.isBlank() ? null : role + " customer", row.title(), row.text());
	}

	/**
	 * Creates the story as edited, at the bottom of the backlog, and links the feedback
	 * to it; one transaction.
	 */
	@Transactional
	public ItemKey convertToStory(String productKey, long id, String title, String description, List<String> criteria,
			UserId user) {
		String key = products.get(productKey).key();
		row(key, id);
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("title", text(title));
		fields.put("description", text(description));
		refusePlaceholders(fields, criteria);
		List<AcceptanceCriterion> ac = criteria == null ? List.of()
				: criteria.stream()
					.filter(c -> c != null && !c.isBlank())
					.map(c -> new AcceptanceCriterion(c, false))
					.toList();
		ItemKey item = backlog
			.create(key, new ItemDraft(ItemType.STORY, title, description, null, List.of(), null, ac),
					new Placement.Bottom(), user)
			.key();
		link(key, id, item, Importance.IMPORTANT, "", user);
		return item;
	}

	/**
	 * Creates the story from the form's parts: "As a role, I want goal, so that benefit."
	 * (no benefit clause when it is blank), then the details; 400 naming {@code want}
	 * when neither a goal nor details are given.
	 */
	@Transactional
	public ItemKey convertToStory(String productKey, long id, String title, StoryDrafter.Draft parts, String details,
			List<String> criteria, UserId user) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("role", text(parts.role()));
		fields.put("want", text(parts.goal()));
		fields.put("benefit", text(parts.benefit()));
		fields.put("details", text(details));
		refusePlaceholders(fields, List.of());
		String sentence = StoryDrafter.compose(parts.role(), parts.goal(), parts.benefit());
		String more = text(details).strip();
		if (sentence.isEmpty() && more.isEmpty()) {
			throw BacklogProblem.invalid("want",
					"say what they want (the story's goal), or describe it in the details");
		}
		return convertToStory(productKey, id, title,
				sentence + (sentence.isEmpty() || more.isEmpty() ? "" : "\n\n") + more, criteria, user);
	}

	private static String text(String s) {
		return s == null ? "" : s;
	}

	/**
	 * Refuses template text left in a story ({@code <benefit: why it matters>}): 400
	 * naming each field that holds some, and the placeholder.
	 */
	private static void refusePlaceholders(Map<String, String> fields, List<String> criteria) {
		Map<String, String> errors = new LinkedHashMap<>();
		fields.forEach(
				(field, value) -> StoryDrafter.placeholderIn(value).ifPresent(p -> errors.put(field, placeholder(p))));
		for (int i = 0; criteria != null && i < criteria.size(); i++) {
			int n = i;
			StoryDrafter.placeholderIn(criteria.get(i))
				.ifPresent(p -> errors.put("acceptanceCriteria[" + n + "]", placeholder(p)));
		}
		if (!errors.isEmpty()) {
			throw BacklogProblem.invalid(errors);
		}
	}

	private static String placeholder(String p) {
		return "still holds the placeholder " + p + "; write what it stands for, or leave it out";
	}

	/**
	 * The customer demand for an item of the product, from the feedback linked to it; 404
	 * when the item is not one of the product's.
	 */
	public Demand demand(String productKey, ItemKey item) {
		String key = products.get(productKey).key();
		long itemId = Optional.of(item)
			.filter(i -> i.productKey().equals(key))
			.flatMap(i -> feedback.itemId(key, i.number()))
			.orElseThrow(() -> BacklogProblem.notFound("Item " + item));
		return DemandStore.compute(feedback.demand(itemId));
	}

	/** {@code vector} is the text's stored sentence vector, or null to compute it now. */
	private List<SimilarView> similar(String key, String title, String text, float[] vector, Set<String> exclude,
			int limit) {
		if (limit < 1 || limit > 50) {
			throw BacklogProblem.invalid("limit", "must be from 1 to 50");
		}
		SimilarityIndex similarity = index.upToDate(key);
		float[] v = vector != null ? vector : index.embed(title, text);
		List<SimilarityIndex.Match> matches = similarity
			.similar(new SimilarityIndex.Query(title, text, v, limit + 5, exclude));
		// the matches' titles in two queries, not one per match
		Map<Long, FeedbackRepository.Row> feedbackRows = feedback.findAll(key, ids(matches, FeedbackIndex.FEEDBACK));
		Map<Long, FeedbackRepository.ItemText> itemRows = feedback.itemTexts(ids(matches, FeedbackIndex.ITEM));
		List<SimilarView> result = new ArrayList<>();
		for (var m : matches) {
			SimilarView view = resolve(key, m, feedbackRows, itemRows);
			if (view != null && result.size() < limit) {
				result.add(view);
			}
		}
		return result;
	}

	private static List<Long> ids(List<SimilarityIndex.Match> matches, String kind) {
		return matches.stream()
			.filter(m -> m.id().startsWith(kind))
			.map(m -> Long.parseLong(m.id().substring(1)))
			.toList();
	}

	private SimilarView resolve(String key, SimilarityIndex.Match m, Map<Long, FeedbackRepository.Row> feedbackRows,
			Map<Long, FeedbackRepository.ItemText> itemRows) {
		long id = Long.parseLong(m.id().substring(1));
		if (m.id().startsWith(FeedbackIndex.FEEDBACK)) {
			return Optional.ofNullable(feedbackRows.get(id))
				.filter(r -> r.mergedInto() == null)
				.map(r -> new SimilarView("feedback", id, null, r.title().isEmpty() ? abbreviate(r.text()) : r.title(),
						m.score(), m.semantic()))
				.orElse(null);
		}
		return Optional.ofNullable(itemRows.get(id))
			.map(i -> new SimilarView("item", null, key + "-" + i.number(), i.title(), m.score(), m.semantic()))
			.orElse(null);
	}

	private List<FeedbackView> views(String key, List<FeedbackRepository.Row> rows) {
		List<Long> ids = rows.stream().map(FeedbackRepository.Row::id).toList();
		var tags = feedback.tags(ids);
		var links = feedback.links(key, ids);
		return rows.stream()
			.map(r -> new FeedbackView(r.id(), r.title(), r.text(), r.customerId(), r.customerName(), r.contactId(),
					r.channel(), r.receivedAt(), r.status(), tags.getOrDefault(r.id(), List.of()), r.externalId(),
					r.mergedInto(), links.getOrDefault(r.id(), List.of()), r.version(), r.submitterName(),
					r.submitterEmail(), r.suggestedCustomerId(), r.suggestedCustomerName()))
			.toList();
	}

	private FeedbackRepository.Row row(String key, long id) {
		return feedback.find(key, id).orElseThrow(() -> BacklogProblem.notFound("Feedback " + id));
	}

	private FeedbackRepository.Row current(String key, long id, long expectedVersion) {
		var row = row(key, id);
		if (row.version() != expectedVersion) {
			throw BacklogProblem.stale("Feedback " + id, row.version(), "someone");
		}
		return row;
	}

	private long itemId(String key, ItemKey item) {
		if (item == null || !item.productKey().equals(key)) {
			throw BacklogProblem.invalid("item", (item == null ? "an item" : item) + " is not in product " + key);
		}
		return feedback.itemId(key, item.number())
			.orElseThrow(() -> BacklogProblem.invalid("item", item + " does not exist"));
	}

	private FeedbackDraft validate(String key, FeedbackDraft d) {
		Map<String, String> errors = new LinkedHashMap<>();
		String text = d.text() == null ? "" : d.text().strip();
		if (text.isEmpty()) {
			errors.put("text", "is required");
		}
		else if (text.length() > MAX_TEXT) {
			errors.put("text", "must be at most " + MAX_TEXT + " characters, was " + text.length());
		}
		else if (CONTROL.matcher(text).find()) {
			errors.put("text", "must not contain control characters");
		}
		if (d.title().length() > 300 || CONTROL.matcher(d.title()).find() || d.title().contains("\n")) {
			errors.put("title", "must be one line of at most 300 characters");
		}
		Set<String> tags = new LinkedHashSet<>();
		for (String t : d.tags()) {
			String tag = t == null ? "" : t.strip().toLowerCase(Locale.ROOT);
			if (!TAG.matcher(tag).matches()) {
				errors.put("tags", "each tag is 1 to 50 letters, digits, '.', '_' or '-'");
			}
			tags.add(tag);
		}
		if (tags.size() > 20) {
			errors.put("tags", "at most 20 tags");
		}
		if (d.externalId() != null && d.externalId().length() > 100) {
			errors.put("externalId", "must be at most 100 characters");
		}
		if (d.receivedAt() != null && d.receivedAt().isAfter(clock.instant().plus(Duration.ofDays(1)))) {
			errors.put("receivedAt", "must not be in the future");
		}
		if (d.customerId() != null) {
			try {
				CustomerView c = customers.get(key, d.customerId());
				if (d.contactId() != null && c.contacts().stream().noneMatch(x -> x.id() == d.contactId())) {
					errors.put("contactId", "is not a contact of customer " + d.customerId());
				}
			}
			catch (BacklogProblem e) {
				errors.put("customerId", "no customer " + d.customerId() + " in product " + key);
			}
		}
		else if (d.contactId() != null) {
			errors.put("contactId", "needs a customerId");
		}
		if (!errors.isEmpty()) {
			throw BacklogProblem.invalid(errors);
		}
		return new FeedbackDraft(d.title(), text, d.customerId(), d.contactId(), d.channel(), d.receivedAt(),
				List.copyOf(tags), d.externalId());
	}

	private static String abbreviate(String s) {
		return s.length() > 80 ? s.substring(0, 80) + "…" : s;
	}

}
