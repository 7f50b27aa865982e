/**
 * Planning poker's rules in plain Java: the deck a product's scale makes ({@link Deck})
 * and what a round of revealed votes says ({@link Tally}).
 */
package dev.priora.refinement.poker.engine;
