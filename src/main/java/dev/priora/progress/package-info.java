/**
 * Progress: sprints and their runs, reviews, the sprint board, the team and its workload,
 * flow charts and calibrated delivery forecasts.
 */
package dev.priora.progress;
