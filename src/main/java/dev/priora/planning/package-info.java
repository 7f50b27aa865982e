/**
 * Release planning: releases, sprints, and the optimizer that picks the most valuable
 * plan.
 */
package dev.priora.planning;
