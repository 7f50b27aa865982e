/**
 * Insights: themes found in a product's feedback (clustered sentence vectors, named by
 * their distinctive words, editable and recomputed in the background) and what customers
 * want across them (top themes, unaddressed demand, segments, weekly volume, spikes).
 */
package dev.priora.insights;
