package dev.priora.refinement.health;

/** The application's paths a finding links to. */
final class Links {

	private Links() {
	}

	static String item(String productKey, long number) {
		return "/p/" + productKey + "/items/" + productKey + "-" + number;
	}

	/** The item page with the focus on one of its fields (its id on the page). */
	static String field(String productKey, long number, String fieldId) {
		return item(productKey, number) + "#" + fieldId;
	}

	static String key(String productKey, long number) {
		return productKey + "-" + number;
	}

	static String feedback(String productKey, long id) {
		return "/p/" + productKey + "/feedback/" + id;
	}

	static String dependencies(String productKey) {
		return "/p/" + productKey + "/dependencies";
	}

}
