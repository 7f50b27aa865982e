package dev.priora.refinement.poker.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.priora.refinement.poker.engine.Tally.Count;

class TallyTest {

	private static final Deck FIBONACCI = new Deck(
			List.of(1, 2, 3, 5, 8, 13).stream().map(BigDecimal::valueOf).toList());

	@Test
	void countsEachCardInDeckOrderAndProposesTheMostChosenValue() {
		Tally t = Tally.of(FIBONACCI, List.of("8", "3", "5", "5", "coffee", "?"));
		assertThat(t.counts()).containsExactly(new Count("3", 1), new Count("5", 2), new Count("8", 1),
				new Count("?", 1), new Count("coffee", 1));
		assertThat(t.low()).isEqualByComparingTo("3");
		assertThat(t.high()).isEqualByComparingTo("8");
		assertThat(t.proposal()).isEqualByComparingTo("5");
		assertThat(t.consensus()).isFalse();
		assertThat(t.votes()).isEqualTo(6);
	}

	@Test
	void aTieGoesToTheHigherValue() {
		assertThat(Tally.of(FIBONACCI, List.of("3", "8", "8", "3")).proposal()).isEqualByComparingTo("8");
	}

	@Test
	void agreementIsConsensusWhateverTheUnsureSay() {
		Tally t = Tally.of(FIBONACCI, List.of("5", "5", "?"));
		assertThat(t.consensus()).isTrue();
		assertThat(t.proposal()).isEqualByComparingTo("5");
	}

	@Test
	void noValueVotedProposesNothing() {
		Tally t = Tally.of(FIBONACCI, List.of("?", "coffee"));
		assertThat(t.proposal()).isNull();
		assertThat(t.low()).isNull();
		assertThat(t.consensus()).isFalse();
		assertThat(t.votes()).isEqualTo(2);
	}

	@Test
	void cardsOffTheDeckAreNotCounted() {
		Tally t = Tally.of(FIBONACCI, List.of("4", "5"));
		assertThat(t.votes()).isEqualTo(1);
		assertThat(t.counts()).containsExactly(new Count("5", 1));
	}

}
