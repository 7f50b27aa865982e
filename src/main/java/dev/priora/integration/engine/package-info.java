/**
 * Importers' parsers: Jira CSV and JSON, Trello and GitHub JSON read into one neutral
 * batch of items, links, sprints and releases, with every skipped row and its reason.
 * Plain Java (and commons-csv).
 */
package dev.priora.integration.engine;
