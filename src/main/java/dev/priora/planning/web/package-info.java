/** Planning board, optimizer pages and the release-planning API. */
package dev.priora.planning.web;
