package dev.priora.backlog;

/**
 * One rule of a product's Definition of Ready; {@code limit} is used by
 * {@link ReadyRule#SMALL_ENOUGH}.
 */
public record ReadyRuleSetting(ReadyRule rule, boolean enabled, Integer limit) {
	public ReadyRuleSetting {
		if (rule == ReadyRule.SMALL_ENOUGH && enabled && (limit == null || limit < 1)) {
			throw new IllegalArgumentException("the size rule needs a positive limit");
		}
	}
}
