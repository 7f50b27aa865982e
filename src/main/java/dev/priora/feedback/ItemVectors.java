package dev.priora.feedback;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The sentence vectors of backlog items for other features (e.g. suggested estimates):
 * the stored ones ({@code item_vectors}, kept current in the background by
 * {@link ItemEmbedding}) and, for a text that has none yet, one computed now by the same
 * model ({@link SentenceEmbedder}). Vectors are unit length.
 */
@Component
public class ItemVectors {

	private static final int CHUNK = 1000;

	private final ItemVectorRepository vectors;

	private final SentenceEmbedder embedder;

	ItemVectors(ItemVectorRepository vectors, @Lazy SentenceEmbedder embedder) {
		this.vectors = vectors;
		this.embedder = embedder;
	}

	/**
	 * The stored vectors of these items computed from their current title and
	 * description, by item id; an item left out has none yet (new, or changed since its
	 * vector was computed: the background task catches up within seconds).
	 */
	public Map<Long, float[]> current(List<Long> itemIds) {
		Map<Long, float[]> result = new HashMap<>();
		for (int from = 0; from < itemIds.size(); from += CHUNK) {
			for (var item : vectors.findAll(itemIds.subList(from, Math.min(itemIds.size(), from + CHUNK)))) {
				float[] v = item.currentVector();
				if (v != null) {
					result.put(item.id(), v);
				}
			}
		}
		return result;
	}

	/**
	 * The vector of an item's current title and description: the stored one, or computed
	 * now when it has none yet; empty when there is no such item.
	 */
	public Optional<float[]> of(long itemId) {
		return vectors.find(itemId)
			.map(item -> item.currentVector() != null ? item.currentVector()
					: embedder.embed(item.title(), item.text()));
	}

	/** The vector of a titled text, computed now (a few milliseconds). */
	public float[] embed(String title, String text) {
		return embedder.embed(title, text);
	}

}
