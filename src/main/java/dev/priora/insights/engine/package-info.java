/**
 * The themes engine, plain Java over commons-math3's k-means++: clustering of sentence
 * vectors with the number of themes chosen from the data, theme names by class-based
 * TF-IDF, and the spike rule.
 */
package dev.priora.insights.engine;
