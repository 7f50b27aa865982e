/** Plain-Java text similarity over Lucene: BM25 and vector search combined. */
package dev.priora.feedback.engine;
