package dev.priora.refinement.poker;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import dev.priora.refinement.estimates.SuggestionView;
import dev.priora.refinement.poker.engine.Tally;

/**
 * A session as one reader sees it. Before the current item's votes are revealed nobody's
 * card is in it but the reader's own ({@code current.myCard}); {@code participants} then
 * say only who has voted.
 *
 * @param cards the deck: the product's scale, then {@code ?} and {@code coffee}
 * @param items every item of the session, in the order they are estimated
 * @param current the item being estimated (null: none left, or the session is closed)
 * @param participants who joined, with whether (and after the reveal, what) they voted in
 * the current round
 */
public record PokerSession(long id, String productKey, String name, SessionStatus status, String createdBy,
		Instant createdAt, Instant closedAt, List<String> cards, List<SessionItem> items, Current current,
		List<Participant> participants, Summary summary) {

	public PokerSession {
		cards = List.copyOf(cards);
		items = List.copyOf(items);
		participants = List.copyOf(participants);
	}

	public boolean open() {
		return status == SessionStatus.OPEN;
	}

	/**
	 * One item of the session: its key, title and estimate now; what became of it, the
	 * estimate it had when a value was accepted, and the value accepted.
	 */
	public record SessionItem(String key, String title, BigDecimal estimate, Outcome outcome, BigDecimal estimateBefore,
			BigDecimal accepted) {
	}

	/**
	 * The item being estimated, with what the room shows of it (its description as
	 * Markdown, its acceptance criteria), the round, whether its votes are revealed, the
	 * reader's own card (null: none yet) and, after the reveal only, the tally.
	 */
	public record Current(SessionItem item, String description, List<String> acceptanceCriteria, int round,
			boolean revealed, int votes, String myCard, Tally tally, SuggestionView suggestion) {

		public Current {
			acceptanceCriteria = List.copyOf(acceptanceCriteria);
		}

	}

	/**
	 * Someone who joined: whether they voted in the current round, and their card once
	 * the votes are revealed (null before).
	 */
	public record Participant(long userId, String name, boolean voted, String card) {
	}

	/**
	 * What the session did: items given their first estimate, items whose estimate
	 * changed, items whose estimate was confirmed as it was, items skipped, and items
	 * still to estimate (not reached, once the session is closed).
	 */
	public record Summary(int estimated, int changed, int confirmed, int skipped, int remaining) {
	}

}
