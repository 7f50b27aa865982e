/**
 * Suggested estimates: an item's estimate from the most similar finished, estimated items
 * of its product (their stored sentence vectors), with a range, the items used and a
 * confidence; the suggestions' accuracy on the product's own history, and whether they
 * are shown.
 */
package dev.priora.refinement.estimates;
