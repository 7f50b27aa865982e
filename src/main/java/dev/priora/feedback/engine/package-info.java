/**
 * Plain Java: text similarity over Lucene (BM25 and vector search combined), story drafts
 * from feedback, and the feedback importers' CSV and JSON readers.
 */
package dev.priora.feedback.engine;
