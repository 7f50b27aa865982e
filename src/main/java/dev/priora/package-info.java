/** Priora: a self-hosted workbench for the product owner. */
package dev.priora;
