/**
 * Suggested estimates over HTTP: the JSON API, the parts the item page, the new-item form
 * and the settings page load.
 */
package dev.priora.refinement.estimates.web;
