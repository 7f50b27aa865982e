/**
 * The health engines, plain Java: the score from its parts, blocked chains in the
 * dependency graph, and probable duplicates among stored sentence vectors.
 */
package dev.priora.refinement.health.engine;
