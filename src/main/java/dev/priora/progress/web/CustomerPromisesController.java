package dev.priora.progress.web;

import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

import dev.priora.feedback.CustomerService;
import dev.priora.planning.PlanRunner;
import dev.priora.progress.CustomerPromises;

/**
 * Promise dates per customer as fragments: one customer's for the customer page, every
 * customer's under a plan for the plan page (the API:
 * {@link CustomerPromisesApiController}); opened directly (not by htmx), the page that
 * holds the fragment.
 */
@Controller
class CustomerPromisesController {

	private final CustomerPromises promises;

	private final CustomerService customers;

	private final PlanRunner plans;

	CustomerPromisesController(CustomerPromises promises, CustomerService customers, PlanRunner plans) {
		this.promises = promises;
		this.customers = customers;
		this.plans = plans;
	}

	@GetMapping("/p/{key}/plans/{id}/customer-promises")
	String planFragment(@PathVariable String key, @PathVariable long id,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model m) {
		if (!"true".equals(htmx)) {
			plans.get(key, id);
			return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/plans/" + id + "#plan-customer-promises";
		}
		m.addAttribute("promises", promises.underPlan(key, id));
		return "progress/customer-promise :: plan-customer-promises";
	}

	@GetMapping("/p/{key}/customers/{id}/promise")
	String one(@PathVariable String key, @PathVariable long id,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model m) {
		customers.get(key, id);
		if (!"true".equals(htmx)) {
			return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/customers/" + id + "#customer-promise";
		}
		m.addAttribute("promise", promises.of(key, id));
		return "progress/customer-promise :: customer-promise";
	}

}
