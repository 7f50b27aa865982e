package dev.priora.refinement.estimates;

/**
 * Whether a product's estimates are suggested: {@code AUTO} (the default) when the
 * suggestions beat the product's median on its own history, or always {@code ON}, or
 * {@code OFF}, as the product owner chose.
 */
public enum SuggestionMode {

	AUTO, ON, OFF

}
