/**
 * The customer portal: per product, a public or private site where customers sign in with
 * an e-mail link, post ideas, vote, comment and follow, and see what becomes of them;
 * every idea and vote is feedback of the visitor's customer.
 */
package dev.priora.portal;
