/**
 * Running Priora: its own metrics for Prometheus, backups of the embedded database and
 * the start-up checks that stop a misconfigured start with one clear line.
 */
package dev.priora.operations;
