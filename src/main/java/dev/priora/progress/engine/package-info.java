/** The Monte Carlo delivery forecaster: plain Java, seeded. */
package dev.priora.progress.engine;
