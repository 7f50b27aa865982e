/** The administrators' online backup of the embedded database. */
package dev.priora.operations.web;
