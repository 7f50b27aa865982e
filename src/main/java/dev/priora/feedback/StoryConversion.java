package dev.priora.feedback;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.priora.accounts.UserId;
import dev.priora.backlog.AcceptanceCriterion;
import dev.priora.problem.DomainProblem;
import dev.priora.backlog.BacklogService;
import dev.priora.backlog.ItemDraft;
import dev.priora.backlog.ItemKey;
import dev.priora.backlog.ItemType;
import dev.priora.backlog.Placement;
import dev.priora.feedback.engine.StoryDrafter;

/**
 * Feedback turned into a user story, for {@link FeedbackService}: the draft to edit, and
 * the story created from it (template text left in is refused) and linked to the
 * feedback.
 */
@Component
class StoryConversion {

	private final FeedbackReads reads;

	private final FeedbackTriage triage;

	private final CustomerService customers;

	private final BacklogService backlog;

	StoryConversion(FeedbackReads reads, FeedbackTriage triage, CustomerService customers, BacklogService backlog) {
		this.reads = reads;
		this.triage = triage;
		this.customers = customers;
		this.backlog = backlog;
	}

	StoryDrafter.Draft storyDraft(String key, long id) {
		var row = reads.row(key, id);
		String role = row.customerId() == null ? null : customers.get(key, row.customerId()).segment();
		return StoryDrafter.draft(role == null || role.isBlank() ? null : role + " customer", row.title(), row.text());
	}

	ItemKey convertToStory(String key, long id, String title, String description, List<String> criteria, UserId user) {
		reads.row(key, id);
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
		triage.link(key, id, item, Importance.IMPORTANT, "", user);
		return item;
	}

	/**
	 * The story's description from the form's parts: "As a role, I want goal, so that
	 * benefit." (no benefit clause when it is blank), then the details; 400 naming
	 * {@code want} when neither a goal nor details are given.
	 */
	static String description(StoryDrafter.Draft parts, String details) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("role", text(parts.role()));
		fields.put("want", text(parts.goal()));
		fields.put("benefit", text(parts.benefit()));
		fields.put("details", text(details));
		refusePlaceholders(fields, List.of());
		String sentence = StoryDrafter.compose(parts.role(), parts.goal(), parts.benefit());
		String more = text(details).strip();
		if (sentence.isEmpty() && more.isEmpty()) {
			throw DomainProblem.invalid("want", "say what they want (the story's goal), or describe it in the details");
		}
		return sentence + (sentence.isEmpty() || more.isEmpty() ? "" : "\n\n") + more;
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
			throw DomainProblem.invalid(errors);
		}
	}

	private static String placeholder(String p) {
		return "still holds the placeholder " + p + "; write what it stands for, or leave it out";
	}

}
