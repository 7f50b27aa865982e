package dev.priora.progress.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import dev.priora.feedback.CustomerService;
import dev.priora.progress.CustomerPromises;

/**
 * Promise dates per customer as fragments: one customer's for the customer page, every
 * customer's under a plan for the plan page (the API:
 * {@link CustomerPromisesApiController}).
 */
@Controller
class CustomerPromisesController {

	private final CustomerPromises promises;

	private final CustomerService customers;

	CustomerPromisesController(CustomerPromises promises, CustomerService customers) {
		this.promises = promises;
		this.customers = customers;
	}

	@GetMapping("/p/{key}/plans/{id}/customer-promises")
	String planFragment(@PathVariable String key, @PathVariable long id, Model m) {
		m.addAttribute("promises", promises.underPlan(key, id));
		return "progress/customer-promise :: plan-customer-promises";
	}

	@GetMapping("/p/{key}/customers/{id}/promise")
	String one(@PathVariable String key, @PathVariable long id, Model m) {
		customers.get(key, id);
		m.addAttribute("promise", promises.of(key, id));
		return "progress/customer-promise :: customer-promise";
	}

}
