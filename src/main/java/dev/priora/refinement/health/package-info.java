/**
 * Backlog health: where a product's backlog is not kept up to date (findings by kind,
 * each item with the link that fixes it), a score from 0 to 100 recorded per day, and a
 * weekly summary announced to the product's owners.
 */
package dev.priora.refinement.health;
