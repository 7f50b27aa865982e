/** Prioritization pages and API. */
package dev.priora.prioritization.web;
