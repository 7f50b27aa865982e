/**
 * Plain-Java algorithms of the backlog: fractional rank keys and the Definition of Ready
 * check.
 */
package dev.priora.backlog.engine;
