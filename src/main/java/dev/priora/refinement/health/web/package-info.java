/** The backlog health page and its JSON API. */
package dev.priora.refinement.health.web;
