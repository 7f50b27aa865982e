package dev.priora.progress.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

import dev.priora.feedback.CustomerService;
import dev.priora.progress.CustomerPromises;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Promise dates per customer: every customer's in the API, one customer's as a fragment
 * for the customer page.
 */
@Controller
@Tag(name = "Progress")
class CustomerPromisesController {

	private final CustomerPromises promises;

	private final CustomerService customers;

	CustomerPromisesController(CustomerPromises promises, CustomerService customers) {
		this.promises = promises;
		this.customers = customers;
	}

	@GetMapping("/api/v1/products/{productKey}/customer-promises")
	@ResponseBody
	@Operation(summary = "For each customer with linked items: the dates by which everything it asked for is done,"
			+ " at 50 and 85 %, from the releases' forecasts in sequence")
	List<CustomerPromises.Promise> all(@PathVariable String productKey) {
		return promises.all(productKey);
	}

	@GetMapping("/api/v1/products/{productKey}/plans/{id}/customer-promises")
	@ResponseBody
	@Operation(summary = "The customers' promise dates under an optimizer plan (its releases as it would leave them)")
	List<CustomerPromises.Promise> underPlan(@PathVariable String productKey, @PathVariable long id) {
		return promises.underPlan(productKey, id);
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
