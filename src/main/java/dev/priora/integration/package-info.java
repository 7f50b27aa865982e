/**
 * Integration: backlog imports (Jira CSV and JSON, Trello, GitHub), product archives
 * (export and restore) and outgoing webhooks.
 */
package dev.priora.integration;
