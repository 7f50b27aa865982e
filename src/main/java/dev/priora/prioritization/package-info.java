/**
 * Prioritization: scoring models, explainable scores, the priority map and a
 * dependency-respecting order.
 */
package dev.priora.prioritization;
