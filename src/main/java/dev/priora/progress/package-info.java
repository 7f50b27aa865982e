/** Progress: delivery forecasts (and, later, sprints, reviews and charts). */
package dev.priora.progress;
