package dev.priora.refinement.poker.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one round's revealed votes say: how many chose each card (in deck order, cards
 * nobody chose left out), the lowest and highest value voted, whether everyone who voted
 * a value voted the same one, and the value to propose for acceptance. The proposal is
 * the most chosen value, the higher of a tie (the team's caution wins over its optimism,
 * as in the usual practice of discussing the outliers and leaning to the larger size);
 * null when nobody voted a value ({@code ?} and {@code coffee} carry none).
 *
 * @param counts the cards chosen, in deck order, with how many chose each
 * @param low the lowest value voted (null: none)
 * @param high the highest value voted (null: none)
 * @param proposal the value proposed for acceptance (null: none)
 * @param consensus true when at least one value was voted and every value vote is the
 * same
 * @param votes how many voted, value or not
 */
public record Tally(List<Count> counts, BigDecimal low, BigDecimal high, BigDecimal proposal, boolean consensus,
		int votes) {

	/** How many chose one card. */
	public record Count(String card, int votes) {
	}

	public Tally {
		counts = List.copyOf(counts);
	}

	/** The tally of {@code cards} (each a card of {@code deck}; others are ignored). */
	public static Tally of(Deck deck, List<String> cards) {
		Map<String, Integer> chosen = new LinkedHashMap<>();
		deck.cards().forEach(c -> chosen.put(c, 0));
		List<BigDecimal> values = new ArrayList<>();
		int votes = 0;
		for (String typed : cards) {
			Optional<String> card = deck.card(typed);
			if (card.isEmpty()) {
				continue;
			}
			votes++;
			chosen.merge(card.get(), 1, Integer::sum);
			deck.value(card.get()).ifPresent(values::add);
		}
		List<Count> counts = chosen.entrySet()
			.stream()
			.filter(e -> e.getValue() > 0)
			.map(e -> new Count(e.getKey(), e.getValue()))
			.toList();
		if (values.isEmpty()) {
			return new Tally(counts, null, null, null, false, votes);
		}
		BigDecimal low = values.stream().min(Comparator.naturalOrder()).orElseThrow();
		BigDecimal high = values.stream().max(Comparator.naturalOrder()).orElseThrow();
		return new Tally(counts, low, high, mostChosen(deck, counts), low.compareTo(high) == 0, votes);
	}

	private static BigDecimal mostChosen(Deck deck, List<Count> counts) {
		BigDecimal best = null;
		int most = 0;
		for (Count c : counts) {
			Optional<BigDecimal> value = deck.value(c.card());
			// counts run in ascending deck order: a tie goes to the higher value
			if (value.isPresent() && c.votes() >= most) {
				best = value.get();
				most = c.votes();
			}
		}
		return best;
	}

}
