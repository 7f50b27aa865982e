/** Plain-Java graph algorithms over item ids. */
package dev.priora.dependencies.engine;
