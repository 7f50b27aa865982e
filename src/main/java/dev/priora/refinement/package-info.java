/**
 * Refinement: keeping the backlog sized and up to date. Three parts, each in its own
 * sub-package: {@code estimates} (estimates suggested from the product's own finished
 * items, with their accuracy on that history), {@code poker} (planning poker sessions
 * where the team estimates together) and {@code health} (where the backlog is not kept up
 * to date). Uses the backlog (items, products, scale), the feedback module's sentence
 * vectors of items, and accounts.
 */
package dev.priora.refinement;
