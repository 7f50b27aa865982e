package dev.priora.backlog.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.priora.accounts.Permission;
import dev.priora.accounts.ProductRoles;
import dev.priora.accounts.Requires;
import dev.priora.accounts.SignedInUser;
import dev.priora.problem.DomainProblem;
import dev.priora.backlog.ProductService;
import dev.priora.backlog.ReadyRule;
import dev.priora.backlog.ReadyRuleSetting;

/**
 * The product list, product creation and product settings (estimate scale, Definition of
 * Ready).
 */
@Controller
class ProductPageController {

	static final String PRODUCTS_VIEW = "backlog/products";
	static final String SETTINGS_VIEW = "backlog/settings";

	private final ProductService products;

	private final ProductRoles roles;

	ProductPageController(ProductService products, ProductRoles roles) {
		this.products = products;
		this.roles = roles;
	}

	@GetMapping("/products")
	String list(@AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("products", products.list().stream().filter(p -> roles.canSee(user, p.key())).toList());
		return PRODUCTS_VIEW;
	}

	@PostMapping("/products")
	String create(@AuthenticationPrincipal SignedInUser user, @RequestParam String key, @RequestParam String name,
			@RequestParam(defaultValue = "") String vision, RedirectAttributes redirect) {
		// a refusal goes back to the new-product form with what was typed
		// (PageErrorAdvice)
		var p = products.create(key, name, vision, user.id());
		redirect.addFlashAttribute("toast", p.name() + " is ready: add its first items.");
		return "redirect:/p/" + p.key() + "/backlog";
	}

	@GetMapping("/p/{key}/settings")
	String settings(@PathVariable String key, Model model) {
		return settingsPage(key, model);
	}

	@PostMapping("/p/{key}/settings")
	@Requires(Permission.MANAGE_PRODUCT)
	String update(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @RequestParam String name,
			@RequestParam(defaultValue = "") String vision, @RequestParam(defaultValue = "") String estimateScale,
			@RequestParam(defaultValue = "POINTS") String unit, @RequestParam long version,
			RedirectAttributes redirect) {
		dev.priora.backlog.EstimateUnit u;
		try {
			u = dev.priora.backlog.EstimateUnit.valueOf(unit.toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw DomainProblem.invalid("unit", "must be points or hours");
		}
		products.update(key, name, vision, parseScale(estimateScale), u, version, user.id());
		return saved(key, "Product settings saved.", redirect);
	}

	@PostMapping("/p/{key}/settings/ready")
	@Requires(Permission.MANAGE_PRODUCT)
	String updateRules(@PathVariable String key, @RequestParam(defaultValue = "") List<String> enabled,
			@RequestParam(required = false) Integer sizeLimit, RedirectAttributes redirect) {
		List<ReadyRuleSetting> rules = new ArrayList<>();
		for (ReadyRule r : ReadyRule.values()) {
			boolean on = enabled.contains(r.name());
			if (r == ReadyRule.SMALL_ENOUGH && on && (sizeLimit == null || sizeLimit < 1)) {
				// refused back to the settings, the boxes as they were ticked
				// (RefusedForm)
				throw DomainProblem.invalid("sizeLimit", "the size rule needs a positive limit");
			}
			rules.add(new ReadyRuleSetting(r, on, r == ReadyRule.SMALL_ENOUGH ? sizeLimit : null));
		}
		products.updateReadyRules(key, rules);
		return saved(key, "Definition of Ready saved.", redirect);
	}

	private static String saved(String key, String toast, RedirectAttributes redirect) {
		redirect.addFlashAttribute("toast", toast);
		return "redirect:/p/" + key.toUpperCase(java.util.Locale.ROOT) + "/settings";
	}

	private String settingsPage(String key, Model model) {
		model.addAttribute("product", products.get(key));
		model.addAttribute("rules", products.readyRules(key));
		return SETTINGS_VIEW;
	}

	private static List<BigDecimal> parseScale(String text) {
		try {
			return Arrays.stream(text.split("[,;\\s]+")).filter(s -> !s.isBlank()).map(BigDecimal::new).toList();
		}
		catch (NumberFormatException e) {
			throw DomainProblem.invalid("estimateScale", "must be numbers separated by commas");
		}
	}

}
