package dev.priora.feedback.web;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import dev.priora.feedback.CustomerFollowups;
import dev.priora.feedback.CustomerService;
import dev.priora.feedback.FeedbackService;
import dev.priora.feedback.Importance;

/**
 * What the feedback page shows: the feedback, similar feedback and items, importances and
 * the product's customers, and when its sender was told that what they asked for shipped.
 * Filled by the page's own actions and by triage from the page.
 */
@Component
class FeedbackPageModel {

	private final FeedbackService feedback;

	private final CustomerService customers;

	private final CustomerFollowups followups;

	FeedbackPageModel(FeedbackService feedback, CustomerService customers, CustomerFollowups followups) {
		this.feedback = feedback;
		this.customers = customers;
		this.followups = followups;
	}

	void fill(String key, long id, Model model) {
		model.addAttribute("f", feedback.get(key, id));
		model.addAttribute("similar", feedback.similarTo(key, id, 8));
		model.addAttribute("importances", Importance.values());
		model.addAttribute("kinds", dev.priora.feedback.FeedbackKind.values());
		model.addAttribute("customers", customers.list(key));
		model.addAttribute("toldAt", followups.toldAt(key, java.util.List.of(id)).get(id));
	}

}
