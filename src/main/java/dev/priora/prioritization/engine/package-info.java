/** Scoring models and the scorer: plain Java, no I/O. */
package dev.priora.prioritization.engine;
