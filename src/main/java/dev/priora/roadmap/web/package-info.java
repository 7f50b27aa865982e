/** Roadmap pages (also the read-only shared view) and API. */
package dev.priora.roadmap.web;
