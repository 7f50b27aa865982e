/** The command palette's results fragment and the search API. */
package dev.priora.search.web;
