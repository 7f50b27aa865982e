/**
 * The command line: subcommands of {@code java -jar priora.jar} that run without the
 * server.
 */
package dev.priora.cli;
