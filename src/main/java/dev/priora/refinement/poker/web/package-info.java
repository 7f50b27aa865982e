/**
 * Planning poker's pages (the session list, a new session, the room with its summary) and
 * its JSON API under {@code /api/v1/products/{key}/refinement}.
 */
package dev.priora.refinement.poker.web;
