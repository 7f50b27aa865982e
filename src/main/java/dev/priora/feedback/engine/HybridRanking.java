package dev.priora.feedback.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mixes the similarity index's two rankings: each ranking's scores are min-max normalised
 * to 0–1 and weighted {@link SimilarityIndex#LEXICAL_WEIGHT} lexical to the rest semantic
 * (all lexical when there is no semantic ranking, and the reverse); ties go by id, so the
 * order is stable.
 */
final class HybridRanking {

	private HybridRanking() {
	}

	/** The best {@code query.limit()} ids of either ranking, leaving out the excluded. */
	static List<SimilarityIndex.Match> combine(Map<String, Double> lexical, Map<String, Double> semantic,
			SimilarityIndex.Query query) {
		Map<String, Double> lex = normalized(lexical);
		Map<String, Double> sem = normalized(semantic);
		double lexicalWeight = semantic.isEmpty() ? 1.0 : lexical.isEmpty() ? 0.0 : SimilarityIndex.LEXICAL_WEIGHT;
		List<SimilarityIndex.Match> matches = new ArrayList<>();
		for (String id : union(lexical, semantic)) {
			if (!query.exclude().contains(id)) {
				double score = lexicalWeight * lex.getOrDefault(id, 0.0)
						+ (1 - lexicalWeight) * sem.getOrDefault(id, 0.0);
				matches.add(new SimilarityIndex.Match(id, score, lexical.getOrDefault(id, 0.0),
						semantic.getOrDefault(id, 0.0)));
			}
		}
		matches.sort(Comparator.comparingDouble(SimilarityIndex.Match::score)
			.reversed()
			.thenComparing(SimilarityIndex.Match::id));
		return List.copyOf(matches.subList(0, Math.min(query.limit(), matches.size())));
	}

	private static List<String> union(Map<String, Double> a, Map<String, Double> b) {
		Map<String, Boolean> all = new LinkedHashMap<>();
		a.keySet().forEach(k -> all.put(k, true));
		b.keySet().forEach(k -> all.put(k, true));
		return new ArrayList<>(all.keySet());
	}

	private static Map<String, Double> normalized(Map<String, Double> scores) {
		if (scores.isEmpty()) {
			return Map.of();
		}
		double max = scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
		double min = scores.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
		Map<String, Double> out = new HashMap<>();
		scores.forEach((k, v) -> out.put(k, max == min ? 1.0 : (v - min) / (max - min)));
		return out;
	}

}
