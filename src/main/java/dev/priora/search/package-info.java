/** Search across the products a user may see: items by key or words, ranked by Lucene. */
package dev.priora.search;
