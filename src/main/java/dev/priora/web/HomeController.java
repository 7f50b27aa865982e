package dev.priora.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import dev.priora.backlog.ProductService;

/**
 * Sends a signed-in user to the first product's backlog, or to the product list when
 * there is none.
 */
@Controller
class HomeController {

	private final ProductService products;

	HomeController(ProductService products) {
		this.products = products;
	}

	@GetMapping("/")
	String home() {
		return products.list()
			.stream()
			.findFirst()
			.map(p -> "redirect:/p/" + p.key() + "/backlog")
			.orElse("redirect:/products");
	}

}
