/** Import page and API. */
package dev.priora.integration.web;
