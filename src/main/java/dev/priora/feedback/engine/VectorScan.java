package dev.priora.feedback.engine;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Exact nearest neighbours by a scan over every stored sentence vector, held compactly:
 * each vector as one byte per dimension (scaled by its largest component, so a 384-number
 * vector takes 384 bytes and a float) in one array. It answers while a node builds its
 * {@link SimilarityIndex} (whose vector graph takes minutes at 100,000 texts): loading
 * 200,000 stored vectors and scanning them takes milliseconds per query, without the
 * words (the ranking is by meaning alone) and without texts that have no vector yet.
 * Built once, then read only; thread-safe.
 */
public final class VectorScan {

	private final String[] ids;

	private final byte[] codes;

	private final float[] scales;

	private final int dimensions;

	private final int size;

	private VectorScan(String[] ids, byte[] codes, float[] scales, int dimensions, int size) {
		this.ids = ids;
		this.codes = codes;
		this.scales = scales;
		this.dimensions = dimensions;
		this.size = size;
	}

	/** Collects vectors of one dimension. */
	public static final class Builder {

		private String[] ids = new String[1024];

		private byte[] codes;

		private float[] scales = new float[1024];

		private int dimensions = -1;

		private int size;

		/** Adds a unit-length vector (a null one is skipped). */
		public Builder add(String id, float[] vector) {
			if (vector == null) {
				return this;
			}
			if (dimensions < 0) {
				dimensions = vector.length;
				codes = new byte[1024 * dimensions];
			}
			if (vector.length != dimensions) {
				throw new IllegalArgumentException("vectors of " + dimensions + " dimensions expected");
			}
			if (size == ids.length) {
				ids = Arrays.copyOf(ids, size * 2);
				scales = Arrays.copyOf(scales, size * 2);
				codes = Arrays.copyOf(codes, size * 2 * dimensions);
			}
			float max = 0;
			for (float x : vector) {
				max = Math.max(max, Math.abs(x));
			}
			float scale = max == 0 ? 0 : max / 127f;
			int at = size * dimensions;
			for (int i = 0; i < dimensions; i++) {
				codes[at + i] = (byte) (scale == 0 ? 0 : Math.round(vector[i] / scale));
			}
			ids[size] = id;
			scales[size] = scale;
			size++;
			return this;
		}

		public VectorScan build() {
			return new VectorScan(ids, codes, scales, Math.max(0, dimensions), size);
		}

	}

	public static Builder builder() {
		return new Builder();
	}

	/** How many vectors it holds. */
	public int size() {
		return size;
	}

	/**
	 * The entries nearest the query's vector, best first, as
	 * {@link SimilarityIndex#similar} answers them without words: {@code semantic} the
	 * cosine, {@code score} min-max normalised over the candidates, {@code lexical} 0.
	 * Empty without a query vector.
	 */
	public List<SimilarityIndex.Match> similar(SimilarityIndex.Query query) {
		float[] q = query.vector();
		if (q == null || size == 0 || q.length != dimensions) {
			return List.of();
		}
		int k = SimilarityIndex.VECTOR_CANDIDATES + query.exclude().size();
		PriorityQueue<double[]> best = new PriorityQueue<>(k + 1, (a, b) -> Double.compare(a[0], b[0]));
		for (int v = 0; v < size; v++) {
			int at = v * dimensions;
			float dot = 0;
			for (int i = 0; i < dimensions; i++) {
				dot += codes[at + i] * q[i];
			}
			double cosine = dot * scales[v];
			if (best.size() < k) {
				best.add(new double[] { cosine, v });
			}
			else if (cosine > best.peek()[0]) {
				best.poll();
				best.add(new double[] { cosine, v });
			}
		}
		Map<String, Double> semantic = new LinkedHashMap<>();
		best.stream().sorted((a, b) -> Double.compare(b[0], a[0])).forEach(e -> semantic.put(ids[(int) e[1]], e[0]));
		return HybridRanking.combine(Map.of(), semantic, query);
	}

}
