/**
 * The release optimizer (CP-SAT) and its pin checks, and the Next Release Problem: its
 * reader, and its exact solver (CP-SAT after the budget relaxation, with rank-order
 * filling and local search for a first plan).
 */
package dev.priora.planning.engine;
