package dev.priora.refinement.estimates.engine;

import java.math.BigDecimal;

/**
 * An example a suggestion is based on: its id, its estimate and its cosine similarity to
 * the query (-1 to 1; 1 is the same text).
 */
public record Neighbour(long id, BigDecimal estimate, double similarity) {
}
