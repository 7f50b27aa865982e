/** The words of a drafted message to a customer: plain Java. */
package dev.priora.followups.engine;
