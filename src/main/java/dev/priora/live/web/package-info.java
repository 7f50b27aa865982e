/** The event-stream routes of live updates. */
package dev.priora.live.web;
