package dev.priora.refinement.poker.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The cards of a planning poker round: the product's estimate scale, ascending, written
 * as plain numbers ({@code 0.5}, {@code 1}, {@code 13}), then {@value #UNSURE} ("I cannot
 * tell") and {@value #COFFEE} ("I need a break"), which count as votes but carry no
 * value.
 *
 * @param scale the product's estimate values, ascending, at least one
 */
public record Deck(List<BigDecimal> scale) {

	/** The card of someone who cannot tell. */
	public static final String UNSURE = "?";

	/** The card of someone who needs a break. */
	public static final String COFFEE = "coffee";

	public Deck {
		if (scale == null || scale.isEmpty()) {
			throw new IllegalArgumentException("a deck needs at least one value");
		}
		scale = scale.stream().map(v -> v.stripTrailingZeros()).sorted().toList();
	}

	/** Every card in the order the room shows them. */
	public List<String> cards() {
		List<String> cards = new ArrayList<>(scale.stream().map(Deck::text).toList());
		cards.add(UNSURE);
		cards.add(COFFEE);
		return List.copyOf(cards);
	}

	/**
	 * The card {@code typed} names, as the deck writes it ({@code "5.0"} is {@code "5"},
	 * {@code "Coffee"} is {@code "coffee"}); empty when it is no card of this deck.
	 */
	public Optional<String> card(String typed) {
		if (typed == null) {
			return Optional.empty();
		}
		String t = typed.strip().toLowerCase(Locale.ROOT);
		if (t.equals(UNSURE) || t.equals(COFFEE)) {
			return Optional.of(t);
		}
		return number(t).filter(this::has).map(Deck::text);
	}

	/** Whether the value is on the scale. */
	public boolean has(BigDecimal value) {
		return value != null && scale.stream().anyMatch(s -> s.compareTo(value) == 0);
	}

	/**
	 * The value a card stands for; empty for {@value #UNSURE}, {@value #COFFEE} and
	 * non-cards.
	 */
	public Optional<BigDecimal> value(String card) {
		return card(card).flatMap(Deck::number);
	}

	/** A value as the deck writes it: plain, without trailing zeros. */
	public static String text(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}

	private static Optional<BigDecimal> number(String t) {
		if (t.isEmpty() || t.length() > 12 || !t.matches("\\d+(\\.\\d+)?")) {
			return Optional.empty();
		}
		return Optional.of(new BigDecimal(t));
	}

}
