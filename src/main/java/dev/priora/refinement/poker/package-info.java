/**
 * Planning poker: a refinement session of a product whose facilitator (an owner or
 * manager) picks items, whose members vote in secret from the product's scale, see the
 * votes revealed together and live, and whose accepted values become the items' estimates
 * through the backlog, with their history.
 */
package dev.priora.refinement.poker;
