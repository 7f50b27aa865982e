/**
 * Plain-Java Lucene plumbing shared by the text engines (feedback similarity, item
 * search): one index with near-real-time searchers, and tokens as an analyzer makes them.
 */
package dev.priora.text.engine;
