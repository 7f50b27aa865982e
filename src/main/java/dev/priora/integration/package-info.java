/** Integration: importing backlogs from other tools (GitHub issues so far). */
package dev.priora.integration;
