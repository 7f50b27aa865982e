package dev.priora.insights;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.accounts.UserId;
import dev.priora.backlog.BacklogService;
import dev.priora.backlog.ItemDraft;
import dev.priora.backlog.ItemKey;
import dev.priora.backlog.ItemType;
import dev.priora.backlog.Placement;
import dev.priora.feedback.FeedbackService;
import dev.priora.feedback.Importance;
import dev.priora.problem.DomainProblem;

/**
 * "Create an item from this theme": drafts a story or epic from the theme (its name, its
 * figures and its most representative quotes), creates it at the bottom of the backlog
 * and links all the theme's feedback to it through the feedback module's triage, in one
 * transaction (a feedback that cannot be linked refuses the whole change).
 */
@Service
public class ThemeItems {

	/** The draft shown before creating. */
	public record Draft(String title, String description) {
	}

	private final Themes themes;

	private final InsightsRepository reads;

	private final BacklogService backlog;

	private final FeedbackService feedback;

	ThemeItems(Themes themes, InsightsRepository reads, BacklogService backlog, FeedbackService feedback) {
		this.themes = themes;
		this.reads = reads;
		this.backlog = backlog;
		this.feedback = feedback;
	}

	/** The draft for the theme; 404 when it is not one of the product's. */
	public Draft draft(String productKey, long themeId) {
		return draft(themes.get(productKey, themeId));
	}

	/** The draft for a theme read already. */
	public static Draft draft(ThemeDetail d) {
		ThemeSummary t = d.theme();
		StringBuilder text = new StringBuilder();
		text.append("Customers keep asking about **")
			.append(t.name())
			.append("**: ")
			.append(t.feedback())
			.append(t.feedback() == 1 ? " feedback" : " feedback")
			.append(" from ")
			.append(t.customers())
			.append(t.customers() == 1 ? " customer" : " customers")
			.append(".\n\nWhat they wrote:\n");
		for (ThemeDetail.Quote q : d.quotes()) {
			String body = q.title() == null || q.title().isBlank() ? q.text() : q.title() + ": " + q.text();
			body = body.length() > 300 ? body.substring(0, 300) + "\u2026" : body;
			text.append("\n> ")
				.append(body.replace('\n', ' '))
				.append(q.customer() == null ? "" : " \u2014 " + q.customer())
				.append('\n');
		}
		String title = Character.toUpperCase(t.name().charAt(0)) + t.name().substring(1);
		return new Draft(title.length() > 300 ? title.substring(0, 300) : title, text.toString());
	}

	/**
	 * Creates the item ({@code STORY} or {@code EPIC}; 400 naming {@code type} otherwise,
	 * {@code title} when blank) and links all the theme's feedback to it.
	 */
	@Transactional
	public ItemKey create(String productKey, long themeId, String type, String title, String description, UserId user) {
		String key = themes.key(productKey);
		ItemType itemType = "EPIC".equals(type) ? ItemType.EPIC
				: "STORY".equals(type) || type == null ? ItemType.STORY : null;
		if (itemType == null) {
			throw DomainProblem.invalid("type", "choose STORY or EPIC");
		}
		if (title == null || title.isBlank()) {
			throw DomainProblem.invalid("title", "give the item a title");
		}
		if (themes.get(key, themeId).theme().empty()) {
			throw DomainProblem.invalid("theme",
					"the theme has no feedback left (all of it was moved or merged away): there is nothing to link");
		}
		List<Long> ids = new ArrayList<>(
				reads.quotes(themeId, Integer.MAX_VALUE).stream().map(ThemeDetail.Quote::feedbackId).toList());
		ItemKey item = backlog
			.create(key, new ItemDraft(itemType, title.strip(), description, null, List.of(), null, List.of()),
					new Placement.Bottom(), user)
			.key();
		for (int from = 0; from < ids.size(); from += FeedbackService.MAX_BULK) {
			feedback.bulk(key, ids.subList(from, Math.min(ids.size(), from + FeedbackService.MAX_BULK)), null, item,
					Importance.IMPORTANT, user);
		}
		return item;
	}

}
