/**
 * Plan scenarios: a plan with changed capacities (a member leaving, a sprint lost, days
 * off, a release's capacity), run by the same planner and forecaster as a plan, and up to
 * three compared with the board.
 */
package dev.priora.scenarios;
