/** Backlog pages (Thymeleaf + htmx) and the backlog's JSON API. */
package dev.priora.backlog.web;
