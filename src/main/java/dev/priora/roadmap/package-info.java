/**
 * Roadmap: vision, product goal, objectives and alignment, now/next/later, timeline,
 * stakeholder links.
 */
package dev.priora.roadmap;
