/** The customer-voice JSON API: customers, feedback, links, similarity and demand. */
package dev.priora.feedback.web;
