/** The scenarios page and the scenarios API. */
package dev.priora.scenarios.web;
