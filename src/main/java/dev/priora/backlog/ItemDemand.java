package dev.priora.backlog;

import java.math.BigDecimal;

/**
 * Customer demand for an item as the feedback module keeps it: distinct customers asking,
 * their importance score (each counted once at their highest importance), their yearly
 * revenue in {@code currency} (the currency most of it is reported in; null when none),
 * and the linked feedback.
 */
public record ItemDemand(int customers, int importance, BigDecimal revenue, String currency, int feedback) {

	public static final ItemDemand NONE = new ItemDemand(0, 0, null, null, 0);

	public boolean any() {
		return feedback > 0;
	}

}
