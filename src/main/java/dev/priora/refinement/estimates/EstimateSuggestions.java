package dev.priora.refinement.estimates;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.backlog.ItemIds;
import dev.priora.backlog.ItemKey;
import dev.priora.backlog.ProductService;
import dev.priora.backlog.ProductView;
import dev.priora.feedback.ItemVectors;
import dev.priora.problem.DomainProblem;
import dev.priora.refinement.estimates.engine.Accuracy;
import dev.priora.refinement.estimates.engine.EstimateSuggester;
import dev.priora.refinement.estimates.engine.Suggestion;

/**
 * Suggested estimates for an item or a text being written, from the product's finished,
 * estimated items ({@link EstimateHistory}, {@link EstimateSuggester}), and whether they
 * are shown: automatically when they beat the product's median on its own history
 * (leave-one-out), or as the product owner chose ({@code estimate_settings}). Nothing is
 * embedded here but the text asked about (an item's stored vector is used when current).
 */
@Service
public class EstimateSuggestions {

	/** The longest title asked about, as an item's. */
	public static final int MAX_TITLE = 300;

	/** The longest description asked about, as an item's. */
	public static final int MAX_DESCRIPTION = 50_000;

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]");

	private final ProductService products;

	private final ItemIds itemIds;

	private final ItemVectors vectors;

	private final EstimateHistory histories;

	private final EstimateRepository repository;

	private final EstimateSuggester suggester = new EstimateSuggester(EstimateSuggester.DEFAULTS);

	EstimateSuggestions(ProductService products, ItemIds itemIds, ItemVectors vectors, EstimateHistory histories,
			EstimateRepository repository) {
		this.products = products;
		this.itemIds = itemIds;
		this.vectors = vectors;
		this.histories = histories;
		this.repository = repository;
	}

	/**
	 * The suggestion for an item of the product, from the other finished items; 404 when
	 * the key names no item of this product.
	 */
	public SuggestionView forItem(String productKey, String itemKey) {
		ProductView product = products.get(productKey);
		long id = itemIds.inProduct(product.key(), ItemKey.inProduct(product.key(), itemKey)).value();
		return suggest(product, () -> vectors.of(id).orElseThrow(() -> DomainProblem.notFound("Item " + itemKey)), id);
	}

	/**
	 * The suggestion for a new item's title and description; 400 naming the field when
	 * both are blank, or one is too long or holds control characters.
	 */
	public SuggestionView forText(String productKey, String title, String description) {
		ProductView product = products.get(productKey);
		String t = title == null ? "" : title.strip();
		String d = description == null ? "" : description.strip();
		Map<String, String> errors = new LinkedHashMap<>();
		if (t.isEmpty() && d.isEmpty()) {
			errors.put("title", "a title or a description is required");
		}
		if (t.length() > MAX_TITLE || CONTROL.matcher(t).find() || t.contains("\n")) {
			errors.put("title", "must be one line of at most " + MAX_TITLE + " characters without control characters");
		}
		if (d.length() > MAX_DESCRIPTION || CONTROL.matcher(d).find()) {
			errors.put("description", "must be at most " + MAX_DESCRIPTION + " characters without control characters");
		}
		if (!errors.isEmpty()) {
			throw DomainProblem.invalid(errors);
		}
		return suggest(product, () -> vectors.embed(t, d), Long.MIN_VALUE);
	}

	/** Whether the product's estimates are suggested, and how well they would do. */
	public SettingsView settings(String productKey) {
		ProductView product = products.get(productKey);
		return settings(product, histories.of(product));
	}

	/** Sets whether the product's estimates are suggested (AUTO: by their accuracy). */
	@Transactional
	public SettingsView settings(String productKey, SuggestionMode mode) {
		ProductView product = products.get(productKey);
		if (mode == null) {
			throw DomainProblem.invalid("mode", "must be AUTO, ON or OFF");
		}
		repository.suggest(product.key(), mode == SuggestionMode.AUTO ? null : mode == SuggestionMode.ON);
		return settings(product, histories.of(product));
	}

	private SuggestionView suggest(ProductView product, Supplier<float[]> vector, long excluded) {
		EstimateHistory.Snapshot snapshot = histories.of(product);
		SettingsView state = settings(product, snapshot);
		if (!state.enabled()) {
			return SuggestionView.none(state.reason(), state.history());
		}
		Optional<Suggestion> found = suggester.suggest(snapshot.history, vector.get(), excluded);
		if (found.isEmpty()) {
			return SuggestionView.none(thin(snapshot.history.size() - 1, snapshot.finished - 1), state.history());
		}
		Suggestion s = found.get();
		var basis = s.basis().stream().map(n -> {
			EstimateRepository.Finished item = snapshot.items.get(n.id());
			return new SuggestionView.Basis(product.key() + "-" + item.number(), item.title(), n.estimate(),
					Math.round(n.similarity() * 1000) / 1000.0);
		}).toList();
		return new SuggestionView(s.estimate(), s.low(), s.high(), s.confidence(), level(s.confidence()), basis, null,
				state.history());
	}

	private SettingsView settings(ProductView product, EstimateHistory.Snapshot snapshot) {
		SuggestionMode mode = repository.suggest(product.key())
			.map(on -> on ? SuggestionMode.ON : SuggestionMode.OFF)
			.orElse(SuggestionMode.AUTO);
		int history = snapshot.history.size();
		Optional<Accuracy> accuracy = snapshot.accuracy(suggester);
		String reason;
		if (history < suggester.tuning().minHistory()) {
			reason = thin(history, snapshot.finished);
		}
		else if (mode == SuggestionMode.OFF) {
			reason = "Suggestions are switched off for this product in its settings.";
		}
		else if (mode == SuggestionMode.AUTO && !accuracy.get().beatsMedian()) {
			reason = notBetter(accuracy.get(), product);
		}
		else {
			reason = null;
		}
		return new SettingsView(mode, reason == null, reason, history, snapshot.finished,
				accuracy.map(EstimateSuggestions::view).orElse(null));
	}

	private String thin(int history, long finished) {
		String pending = finished > history && history < EstimateHistory.LIMIT
				? " (" + (finished - history) + " more are still being analysed)" : "";
		return "Too little history to suggest an estimate: " + items(history) + " with an estimate" + pending
				+ "; suggestions need " + suggester.tuning().minHistory() + ".";
	}

	private static String items(long n) {
		return n == 1 ? "1 finished item" : n + " finished items";
	}

	private static String notBetter(Accuracy a, ProductView product) {
		String unit = product.estimateUnit().label();
		return String.format(Locale.ROOT,
				"Suggestions are off: on this product's %d finished items they would have missed by %.2f %s on"
						+ " average, its median estimate (%s) by %.2f. A product owner can turn them on in the"
						+ " settings.",
				a.items(), a.mae(), unit, a.median().stripTrailingZeros().toPlainString(), a.medianMae());
	}

	private static SettingsView.AccuracyView view(Accuracy a) {
		return new SettingsView.AccuracyView(a.items(), round(a.mae()), round(a.mdae()), a.median(),
				round(a.medianMae()), round(a.medianMdae()), a.beatsMedian());
	}

	private static double round(double v) {
		return Math.round(v * 100) / 100.0;
	}

	private static String level(double confidence) {
		return confidence >= 0.6 ? "high" : confidence >= 0.3 ? "medium" : "low";
	}

}
