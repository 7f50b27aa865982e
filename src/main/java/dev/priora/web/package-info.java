/** The layout shell, error answers and shared web helpers. */
package dev.priora.web;
