/**
 * The release optimizer (CP-SAT), the Next Release Problem reader and rank-order filling.
 */
package dev.priora.planning.engine;
