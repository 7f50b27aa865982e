/**
 * The product backlog: products, items, their order, dependencies, readiness, comments,
 * bulk changes and history.
 */
package dev.priora.backlog;
