/**
 * Sprint runs and burndown, the sprint board, the team and its workload, flow charts,
 * release progress, forecasts and one's own work: pages and API.
 */
package dev.priora.progress.web;
