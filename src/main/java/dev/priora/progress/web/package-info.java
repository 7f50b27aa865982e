/** Sprint runs, burndown, release progress and forecasts: pages and API. */
package dev.priora.progress.web;
