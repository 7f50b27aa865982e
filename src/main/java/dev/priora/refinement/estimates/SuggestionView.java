package dev.priora.refinement.estimates;

import java.math.BigDecimal;
import java.util.List;

/**
 * A suggested estimate on the product's scale, with its range, a confidence from 0 to 1
 * ({@code confidenceLevel}: low, medium or high) and the finished items it is based on,
 * most similar first. When nothing is suggested, {@code estimate}, {@code low},
 * {@code high} and {@code confidence} are null, {@code basis} is empty and {@code reason}
 * says why (too little history, switched off, or not better than the median).
 * {@code history} is how many finished items it could draw on.
 */
public record SuggestionView(BigDecimal estimate, BigDecimal low, BigDecimal high, Double confidence,
		String confidenceLevel, List<Basis> basis, String reason, int history) {

	/** A finished item used: its key, title, estimate and cosine similarity (-1 to 1). */
	public record Basis(String key, String title, BigDecimal estimate, double similarity) {
	}

	static SuggestionView none(String reason, int history) {
		return new SuggestionView(null, null, null, null, null, List.of(), reason, history);
	}

	/** Whether an estimate is suggested. */
	public boolean suggested() {
		return estimate != null;
	}

}
