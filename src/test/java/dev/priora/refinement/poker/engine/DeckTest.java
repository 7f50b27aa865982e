package dev.priora.refinement.poker.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class DeckTest {

	private static final Deck DECK = new Deck(List.of(new BigDecimal("0.50"), BigDecimal.ONE, new BigDecimal("2"),
			new BigDecimal("3.00"), new BigDecimal("5"), new BigDecimal("8"), new BigDecimal("13"), BigDecimal.TEN));

	@Test
	void showsTheScaleAsPlainNumbersThenUnsureAndCoffee() {
		assertThat(DECK.cards()).containsExactly("0.5", "1", "2", "3", "5", "8", "10", "13", "?", "coffee");
	}

	@Test
	void readsACardHoweverItIsWritten() {
		assertThat(DECK.card("5.00")).contains("5");
		assertThat(DECK.card(" 0.5 ")).contains("0.5");
		assertThat(DECK.card("10")).contains("10");
		assertThat(DECK.card("Coffee")).contains("coffee");
		assertThat(DECK.card("?")).contains("?");
	}

	@Test
	void refusesWhatIsNotOnTheScale() {
		assertThat(DECK.card("4")).isEmpty();
		assertThat(DECK.card("-5")).isEmpty();
		assertThat(DECK.card("1e1")).isEmpty();
		assertThat(DECK.card("")).isEmpty();
		assertThat(DECK.card(null)).isEmpty();
		assertThat(DECK.card("tea")).isEmpty();
		assertThat(DECK.has(new BigDecimal("1E+999999"))).isFalse();
		assertThat(DECK.has(new BigDecimal("13.0"))).isTrue();
	}

	@Test
	void unsureAndCoffeeCarryNoValue() {
		assertThat(DECK.value("?")).isEmpty();
		assertThat(DECK.value("coffee")).isEmpty();
		assertThat(DECK.value("8")).contains(new BigDecimal("8"));
	}

	@Test
	void needsAtLeastOneValue() {
		assertThatThrownBy(() -> new Deck(List.of())).isInstanceOf(IllegalArgumentException.class);
	}

}
