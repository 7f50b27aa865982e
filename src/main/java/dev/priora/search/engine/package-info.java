/**
 * The item text index: Lucene BM25 over keys, titles, labels and descriptions, with
 * highlighting.
 */
package dev.priora.search.engine;
