/**
 * Background jobs on a cluster-safe database scheduler (db-scheduler): any node runs a
 * queued job, heartbeats show who runs it, and a dead node's jobs are failed; this module
 * adds progress, cancel, the result or problem, the after-commit start and the lookups
 * per product.
 */
package dev.priora.jobs;
