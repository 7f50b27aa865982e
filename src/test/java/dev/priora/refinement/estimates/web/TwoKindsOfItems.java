package dev.priora.refinement.estimates.web;

import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.aStory;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import dev.priora.support.ApiClient;
import dev.priora.support.Eventually;
import dev.priora.support.TestProduct;

/**
 * A product whose history has a known answer: twelve finished items of two kinds, six
 * small exports estimated 2 and six large payment reworks estimated 13 (items 1–12, the
 * kinds alternating), on the scale 1, 2, 3, 5, 8, 13, 20, 40, 100; made once their
 * sentence vectors are stored.
 */
final class TwoKindsOfItems {

	static final List<String> EXPORTS = List.of("Export invoices to CSV", "Export orders to CSV",
			"Export the customer list to CSV", "Export refunds to a CSV file", "Export the product catalogue to CSV",
			"Export shipping labels to CSV");

	static final List<String> PAYMENTS = List.of("Rebuild the payment engine for multiple currencies",
			"Move card payments to a new payment provider", "Rewrite payment settlement for multi-currency accounts",
			"Replace the payment gateway integration", "Support recurring card payments in every currency",
			"Migrate stored payment methods to the new provider");

	private TwoKindsOfItems() {
	}

	static TestProduct in(ApiClient api, String key) {
		TestProduct product = aProduct(key).named("Estimates " + key).createdBy(api);
		var scale = api.put(product.base(),
				"{\"name\":\"Estimates " + key + "\",\"estimateScale\":[1,2,3,5,8,13,20,40,100]}",
				api.get(product.base()).etag());
		assertThat(scale.status()).as(scale.text()).isEqualTo(200);
		for (int i = 0; i < EXPORTS.size(); i++) {
			product.finish(aStory(EXPORTS.get(i)).estimate(2).ready().in(product));
			product.finish(aStory(PAYMENTS.get(i)).estimate(13).ready().in(product));
		}
		// the sentence model loads and embeds 24 texts: slow on a busy machine
		Eventually.within(Duration.ofMinutes(5))
			.alias("the twelve finished items of " + key + " have their sentence vectors")
			.until(() -> api.get(product.path("/estimate-suggestion/settings")).json(),
					j -> j.get("history").asInt() == 12);
		return product;
	}

}
