/**
 * Plain-Java estimate suggestion: nearest neighbours by sentence-vector similarity, a
 * weighted median pulled towards the history's median, snapped to the product's scale;
 * and its leave-one-out accuracy against the median.
 */
package dev.priora.refinement.estimates.engine;
