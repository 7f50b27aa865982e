package dev.priora.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import dev.priora.accounts.ProductRoles;
import dev.priora.accounts.SignedInUser;
import dev.priora.backlog.ProductService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;

/**
 * Sends a signed-in user to the first product's backlog, or to the product list when
 * there is none.
 */
@Controller
class HomeController {

	private final ProductService products;

	private final ProductRoles roles;

	HomeController(ProductService products, ProductRoles roles) {
		this.products = products;
		this.roles = roles;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal SignedInUser user) {
		return products.list()
			.stream()
			.filter(p -> roles.canSee(user, p.key()))
			.findFirst()
			.map(p -> "redirect:/p/" + p.key() + "/backlog")
			.orElse("redirect:/products");
	}

}
