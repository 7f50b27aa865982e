package dev.priora.feedback.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Exact nearest neighbours by a scan over every stored sentence vector, held compactly:
 * each vector as one byte per dimension (scaled by its largest component, so a 384-number
 * vector takes 384 bytes and a float), in blocks of {@value #BLOCK} vectors (no copying
 * while it grows), with its id as a prefix ({@code F}, {@code I}) and a number (other ids
 * are kept as they are). It answers while a node builds its {@link SimilarityIndex}
 * (whose vector graph takes minutes at 100,000 texts): vectors are added from their
 * stored {@link #codes} as they are, without an object per row (so the answers are those
 * of the float vectors), and a query scans 200,000 of them in tens of milliseconds,
 * without the words (the ranking is by meaning alone) and without texts that have no
 * vector yet. Built once, then read only; thread-safe.
 */
public final class VectorScan {

	/** Vectors per block. */
	static final int BLOCK = 4096;

	/** Bytes of the scale in front of a vector's {@link #codes}. */
	public static final int SCALE_BYTES = 4;

	private final List<byte[]> codes;

	private final List<float[]> scales;

	private final List<long[]> numbers;

	private final List<byte[]> prefixOf;

	private final String[] prefixes;

	private final List<String> names;

	private final int dimensions;

	private final int size;

	private VectorScan(Builder b) {
		this.codes = b.codes;
		this.scales = b.scales;
		this.numbers = b.numbers;
		this.prefixOf = b.prefixOf;
		this.prefixes = b.prefixes.toArray(String[]::new);
		this.names = b.names;
		this.dimensions = Math.max(0, b.dimensions);
		this.size = b.size;
	}

	/** Collects vectors of one dimension. Not thread-safe. */
	public static final class Builder {

		private final List<byte[]> codes = new ArrayList<>();

		private final List<float[]> scales = new ArrayList<>();

		private final List<long[]> numbers = new ArrayList<>();

		private final List<byte[]> prefixOf = new ArrayList<>();

		private final List<String> prefixes = new ArrayList<>();

		/** Ids that are not a prefix and a number, by -number - 1. */
		private final List<String> names = new ArrayList<>();

		private int dimensions = -1;

		private int size;

		/** Adds a unit-length vector under any id (a null vector is skipped). */
		public Builder add(String id, float[] vector) {
			if (vector != null) {
				int digits = id.length();
				while (digits > 0 && Character.isDigit(id.charAt(digits - 1)) && id.length() - digits < 18) {
					digits--;
				}
				boolean number = digits < id.length() && digits > 0
						&& (id.charAt(digits) != '0' || digits == id.length() - 1);
				if (number) {
					put(prefix(id.substring(0, digits)), Long.parseLong(id.substring(digits)), vector, vector.length);
				}
				else {
					names.add(id);
					put(prefix(""), -names.size(), vector, vector.length);
				}
			}
			return this;
		}

		private int prefix(String prefix) {
			int i = prefixes.indexOf(prefix);
			if (i < 0) {
				if (prefixes.size() == Byte.MAX_VALUE) {
					throw new IllegalArgumentException("too many prefixes");
				}
				prefixes.add(prefix);
				i = prefixes.size() - 1;
			}
			return i;
		}

		/**
		 * Adds a vector stored as {@link #codes} computed: the same bytes and scale the
		 * scan holds, copied as they are, so answers are those of the float vector. A
		 * null one is skipped.
		 */
		public Builder addCodes(String prefix, long number, byte[] codes) {
			if (codes == null) {
				return this;
			}
			if (number < 0 || codes.length <= SCALE_BYTES) {
				throw new IllegalArgumentException(
						"a number not negative and codes of at least one dimension expected");
			}
			int length = codes.length - SCALE_BYTES;
			int at = slot(prefix(prefix), number, length);
			int block = (size - 1) / BLOCK;
			System.arraycopy(codes, SCALE_BYTES, this.codes.get(block), at, length);
			scales.get(block)[(size - 1) % BLOCK] = Float.intBitsToFloat(
					(codes[0] & 0xff) << 24 | (codes[1] & 0xff) << 16 | (codes[2] & 0xff) << 8 | codes[3] & 0xff);
			return this;
		}

		/**
		 * Appends another builder's vectors as they are (e.g. read on another thread), in
		 * its order; {@code other} is left as it was.
		 */
		public Builder addAll(Builder other) {
			for (int v = 0; v < other.size; v++) {
				int block = v / BLOCK;
				int from = v % BLOCK;
				long number = other.numbers.get(block)[from];
				int prefix = prefix(other.prefixes.get(other.prefixOf.get(block)[from]));
				if (number < 0) {
					names.add(other.names.get((int) -number - 1));
					number = -names.size();
				}
				int at = slot(prefix, number, other.dimensions);
				int mine = (size - 1) / BLOCK;
				System.arraycopy(other.codes.get(block), from * other.dimensions, codes.get(mine), at,
						other.dimensions);
				scales.get(mine)[(size - 1) % BLOCK] = other.scales.get(block)[from];
			}
			return this;
		}

		private void put(int prefix, long number, float[] vector, int length) {
			int at = slot(prefix, number, length);
			int block = (size - 1) / BLOCK;
			scales.get(block)[(size - 1) % BLOCK] = quantise(vector, length, codes.get(block), at);
		}

		/** Takes the next slot for the vector; answers where its codes start. */
		private int slot(int prefix, long number, int length) {
			if (dimensions < 0) {
				dimensions = length;
			}
			if (length != dimensions) {
				throw new IllegalArgumentException("vectors of " + dimensions + " dimensions expected");
			}
			int slot = size % BLOCK;
			if (slot == 0) {
				codes.add(new byte[BLOCK * dimensions]);
				scales.add(new float[BLOCK]);
				numbers.add(new long[BLOCK]);
				prefixOf.add(new byte[BLOCK]);
			}
			int block = size / BLOCK;
			numbers.get(block)[slot] = number;
			prefixOf.get(block)[slot] = (byte) prefix;
			size++;
			return slot * dimensions;
		}

		public VectorScan build() {
			return new VectorScan(this);
		}

	}

	/**
	 * A unit-length vector as the scan holds it, for storing: its scale (a big-endian
	 * IEEE float, the largest component's magnitude / 127) and then one signed byte a
	 * dimension (the component / scale, rounded): {@value #SCALE_BYTES} + n bytes instead
	 * of 4n. Null for null.
	 */
	public static byte[] codes(float[] vector) {
		if (vector == null) {
			return null;
		}
		byte[] out = new byte[SCALE_BYTES + vector.length];
		int bits = Float.floatToIntBits(quantise(vector, vector.length, out, SCALE_BYTES));
		out[0] = (byte) (bits >>> 24);
		out[1] = (byte) (bits >>> 16);
		out[2] = (byte) (bits >>> 8);
		out[3] = (byte) bits;
		return out;
	}

	/**
	 * Writes the vector's codes at {@code at}: each component divided by the scale (the
	 * largest magnitude / 127) and rounded; answers the scale.
	 */
	private static float quantise(float[] vector, int length, byte[] target, int at) {
		float max = 0;
		for (int i = 0; i < length; i++) {
			max = Math.max(max, Math.abs(vector[i]));
		}
		float scale = max == 0 ? 0 : max / 127f;
		for (int i = 0; i < length; i++) {
			target[at + i] = (byte) (scale == 0 ? 0 : Math.round(vector[i] / scale));
		}
		return scale;
	}

	public static Builder builder() {
		return new Builder();
	}

	/** How many vectors it holds. */
	public int size() {
		return size;
	}

	/** Bytes held by the vectors (codes and scales), for the log. */
	public long bytes() {
		return (long) size * (dimensions + 4 + 8 + 1);
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
			int block = v / BLOCK;
			int slot = v % BLOCK;
			byte[] c = codes.get(block);
			int at = slot * dimensions;
			float dot = 0;
			for (int i = 0; i < dimensions; i++) {
				dot += c[at + i] * q[i];
			}
			double cosine = dot * scales.get(block)[slot];
			if (best.size() < k) {
				best.add(new double[] { cosine, v });
			}
			else if (cosine > best.peek()[0]) {
				best.poll();
				best.add(new double[] { cosine, v });
			}
		}
		Map<String, Double> semantic = new LinkedHashMap<>();
		best.stream().sorted((a, b) -> Double.compare(b[0], a[0])).forEach(e -> semantic.put(id((int) e[1]), e[0]));
		return HybridRanking.combine(Map.of(), semantic, query);
	}

	private String id(int v) {
		String prefix = prefixes[prefixOf.get(v / BLOCK)[v % BLOCK]];
		long number = numbers.get(v / BLOCK)[v % BLOCK];
		return number < 0 ? names.get((int) -number - 1) : prefix + number;
	}

}
