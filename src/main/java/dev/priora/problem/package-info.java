/**
 * Refusals as RFC 9457 problems ({@code DomainProblem}) and the strong ETags of
 * optimistic locking ({@code Etags}); a shared module that depends on no feature, so
 * every feature may refuse a command the same way.
 */
package dev.priora.problem;
