package dev.priora.refinement.poker;

import org.springframework.modulith.NamedInterface;

/**
 * Something in a session changed, published in the changing transaction so that the
 * session's room is read again on every page showing it. {@code what}: created, joined,
 * voted, revealed, accepted, revoted, skipped or closed. Carries no card: who voted what
 * is read by each reader, who sees only what they may.
 */
@NamedInterface("poker")
public record PokerChanged(String productKey, long sessionId, String what) {
}
