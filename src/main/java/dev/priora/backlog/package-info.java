/**
 * The product backlog: products, items, their order, dependencies, readiness and history.
 */
package dev.priora.backlog;
