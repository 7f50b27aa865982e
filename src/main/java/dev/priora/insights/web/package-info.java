/** The Themes and Insights pages and their JSON API under {@code /api/v1}. */
package dev.priora.insights.web;
