package dev.priora.progress.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.priora.progress.CustomerPromises;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Promise dates per customer in the API (a REST controller, so refusals are
 * problem+json).
 */
@RestController
@Tag(name = "Progress")
class CustomerPromisesApiController {

	private final CustomerPromises promises;

	CustomerPromisesApiController(CustomerPromises promises) {
		this.promises = promises;
	}

	@GetMapping("/api/v1/products/{productKey}/customer-promises")
	@Operation(summary = "For each customer with linked items: the dates by which everything it asked for is done,"
			+ " at 50 and 85 %, from the releases' forecasts in sequence")
	List<CustomerPromises.Promise> all(@PathVariable String productKey) {
		return promises.all(productKey);
	}

	@GetMapping("/api/v1/products/{productKey}/plans/{id}/customer-promises")
	@Operation(summary = "The customers' promise dates under an optimizer plan (its releases as it would leave them)")
	List<CustomerPromises.Promise> underPlan(@PathVariable String productKey, @PathVariable long id) {
		return promises.underPlan(productKey, id);
	}

}
