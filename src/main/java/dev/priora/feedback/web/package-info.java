/**
 * Customer-voice pages and API: the inbox, customers, feedback, links, similarity,
 * demand, imports and the public feedback form.
 */
package dev.priora.feedback.web;
