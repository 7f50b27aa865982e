package dev.priora.feedback.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;
import dev.priora.accounts.SignedInUser;
import dev.priora.problem.DomainProblem;
import dev.priora.feedback.CustomerDraft;
import dev.priora.feedback.CustomerFollowups;
import dev.priora.feedback.CustomerService;
import dev.priora.feedback.FeedbackFilter;
import dev.priora.feedback.FeedbackService;

/**
 * The customers page (list, add) and each customer's page: their feedback and the items
 * it maps to, and what their people were told once it shipped.
 */
@Controller
class CustomerPageController {

	static final String CUSTOMERS_VIEW = "feedback/customers";

	static final String CUSTOMER_VIEW = "feedback/customer";

	private final CustomerService customers;

	private final FeedbackService feedback;

	private final CustomerFollowups followups;

	CustomerPageController(CustomerService customers, FeedbackService feedback, CustomerFollowups followups) {
		this.customers = customers;
		this.feedback = feedback;
		this.followups = followups;
	}

	@GetMapping("/p/{key}/customers")
	String list(@PathVariable String key, Model model) {
		model.addAttribute("customers", customers.list(key));
		return CUSTOMERS_VIEW;
	}

	@PostMapping("/p/{key}/customers")
	@Requires(Permission.EDIT_BACKLOG)
	String create(@AuthenticationPrincipal SignedInUser user, @PathVariable String key,
			@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String segment,
			@RequestParam(defaultValue = "") String revenue, @RequestParam(defaultValue = "") String currency,
			@RequestParam(defaultValue = "") String tier, @RequestParam(defaultValue = "") String contactName,
			@RequestParam(defaultValue = "") String contactEmail, Model model, RedirectAttributes redirect) {
		try {
			BigDecimal amount = revenue.isBlank() ? null : new BigDecimal(revenue.strip());
			List<CustomerDraft.ContactDraft> contacts = contactName.isBlank() ? List.of()
					: List.of(new CustomerDraft.ContactDraft(contactName.strip(), contactEmail.strip()));
			customers.create(key, new CustomerDraft(name, segment, amount, currency.isBlank() ? null : currency, tier,
					null, contacts), user.id());
			redirect.addFlashAttribute("toast", name.strip() + " added.");
			return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/customers";
		}
		catch (NumberFormatException e) {
			model.addAttribute("error", "revenue: must be a number like 120000 or 9500.50");
		}
		catch (DomainProblem e) {
			// the new-customer form again with what was typed
			model.addAttribute("error", e.getMessage());
		}
		model.addAttribute("draft", java.util.Map.of("name", name, "segment", segment, "revenue", revenue, "currency",
				currency, "tier", tier, "contactName", contactName, "contactEmail", contactEmail));
		return list(key, model);
	}

	@GetMapping("/p/{key}/customers/{id}")
	String customer(@PathVariable String key, @PathVariable long id, Model model) {
		model.addAttribute("customer", customers.get(key, id));
		var items = feedback.page(key, new FeedbackFilter(null, null, id, null, null, null, null), null, 200);
		model.addAttribute("feedback", items);
		model.addAttribute("links", items.stream().flatMap(f -> f.links().stream()).distinct().toList());
		model.addAttribute("messages", followups.toldCustomer(key, id));
		return CUSTOMER_VIEW;
	}

}
