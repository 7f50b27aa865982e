/** Benchmarks: run by hand (see docs/BENCHMARKS.md), never by {@code ./mvnw verify}. */
package dev.priora.bench;
