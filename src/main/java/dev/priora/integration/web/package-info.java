/**
 * Import, export, archive and webhook pages and their API.
 */
package dev.priora.integration.web;
