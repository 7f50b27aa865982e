package dev.priora.backlog.web;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import dev.priora.backlog.BacklogService;
import dev.priora.backlog.ItemKey;
import dev.priora.backlog.ItemPlans;
import dev.priora.backlog.ProductService;
import dev.priora.backlog.ProductView;

/**
 * What the backlog's rows are rendered with ({@code backlog/backlog :: row}): on the page
 * for all of them at once, and for one row alone after an edit on it or for one of its
 * menus, which load when opened.
 */
@Component
class BacklogRows {

	private final ProductService products;

	private final BacklogService backlog;

	private final ItemPlans plans;

	BacklogRows(ProductService products, BacklogService backlog, ItemPlans plans) {
		this.products = products;
		this.backlog = backlog;
		this.plans = plans;
	}

	/**
	 * The product and what every row offers: its releases and sprints, its estimate
	 * scale.
	 */
	ProductView product(String productKey, Model model) {
		var product = products.get(productKey);
		model.addAttribute("product", product);
		model.addAttribute("choices", plans.choices(product.key()));
		model.addAttribute("estimates", EstimatePicker.of(product.estimateScale()));
		return product;
	}

	/** One row, as the backlog in its own order shows it. */
	void row(ItemKey item, Model model) {
		var product = product(item.productKey(), model);
		model.addAttribute("i", backlog.summary(item));
		model.addAttribute("plans", plans.plans(product.key(), List.of(item)));
		model.addAttribute("filter", BacklogPageController.FilterForm.NONE);
	}

}
