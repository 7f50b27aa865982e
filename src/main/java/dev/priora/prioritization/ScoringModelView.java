package dev.priora.prioritization;

/**
 * A product's scoring model; {@code preset} names the built-in it started as (null for
 * custom).
 */
public record ScoringModelView(long id, String name, String preset, boolean active, ModelDefinition definition,
		long version) {
}
