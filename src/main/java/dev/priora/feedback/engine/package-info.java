/**
 * Plain Java: text similarity over Lucene (BM25 and vector search combined), story drafts
 * from feedback, the feedback importers' CSV and JSON readers, and the kind classifiers
 * (prototypes for the general model, logistic regression over Tribuo for a product's own,
 * and the held-out check between them).
 */
package dev.priora.feedback.engine;
