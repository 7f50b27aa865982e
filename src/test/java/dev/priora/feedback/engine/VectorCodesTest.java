package dev.priora.feedback.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Vectors stored as {@link VectorScan#codes} (what {@code feedback_vector_codes} and
 * {@code item_vector_codes} hold) give a scan the very bytes it computes from the floats:
 * every answer is identical.
 */
class VectorCodesTest {

	private static final int DIMENSIONS = 384;

	@Test
	void aScanOfStoredCodesAnswersExactlyAsTheScanOfTheFloats() {
		Random random = new Random(11);
		VectorScan.Builder floats = VectorScan.builder();
		VectorScan.Builder codes = VectorScan.builder();
		List<float[]> vectors = new ArrayList<>();
		for (int i = 0; i < 2 * 4096 + 33; i++) {
			float[] v = unit(random);
			vectors.add(v);
			String prefix = i % 4 == 0 ? "I" : "F";
			floats.add(prefix + i, v);
			codes.addCodes(prefix, i, VectorScan.codes(v));
		}
		codes.addCodes("F", 123_456, null);
		VectorScan fromFloats = floats.build();
		VectorScan fromCodes = codes.build();
		assertThat(fromCodes.size()).isEqualTo(fromFloats.size()).isEqualTo(vectors.size());
		assertThat(fromCodes.bytes()).isEqualTo(fromFloats.bytes());
		for (int probe = 0; probe < 60; probe++) {
			// stored vectors and new texts alike, with and without exclusions
			float[] q = probe % 2 == 0 ? vectors.get(random.nextInt(vectors.size())) : unit(random);
			Set<String> exclude = probe % 3 == 0 ? Set.of("F1", "I4", "F" + probe) : Set.of();
			var query = new SimilarityIndex.Query("", "", q, 10, exclude);
			assertThat(fromCodes.similar(query)).hasSize(10).isEqualTo(fromFloats.similar(query));
		}
	}

	@Test
	void vectorsReadIntoTwoBuildersAnswerAsOne() {
		Random random = new Random(13);
		VectorScan.Builder one = VectorScan.builder();
		VectorScan.Builder first = VectorScan.builder();
		VectorScan.Builder second = VectorScan.builder();
		List<float[]> vectors = new ArrayList<>();
		for (int i = 0; i < 4096 + 100; i++) {
			float[] v = unit(random);
			vectors.add(v);
			one.addCodes("F", i, VectorScan.codes(v));
			first.addCodes("F", i, VectorScan.codes(v));
		}
		for (int i = 0; i < 4096 + 7; i++) {
			float[] v = unit(random);
			vectors.add(v);
			String id = i == 5 ? "odd id" : "I" + i;
			one.add(id, v);
			second.add(id, v);
		}
		VectorScan merged = first.addAll(second).build();
		VectorScan whole = one.build();
		assertThat(merged.size()).isEqualTo(whole.size());
		for (int probe : new int[] { 0, 4195, 4096 + 100 + 5, vectors.size() - 1 }) {
			var query = new SimilarityIndex.Query("", "", vectors.get(probe), 10, Set.of());
			assertThat(merged.similar(query)).isEqualTo(whole.similar(query));
		}
		assertThat(merged.similar(new SimilarityIndex.Query("", "", vectors.get(4096 + 100 + 5), 1, Set.of())))
			.extracting(SimilarityIndex.Match::id)
			.containsExactly("odd id");
	}

	@Test
	void codesAreTheScaleAndOneByteADimension() {
		float[] v = new float[DIMENSIONS];
		v[0] = 0.6f;
		v[1] = -0.8f;
		byte[] c = VectorScan.codes(v);
		assertThat(c).hasSize(VectorScan.SCALE_BYTES + DIMENSIONS);
		float scale = java.nio.ByteBuffer.wrap(c, 0, 4).getFloat();
		assertThat(scale).isEqualTo(0.8f / 127f);
		assertThat(c[VectorScan.SCALE_BYTES]).isEqualTo((byte) Math.round(0.6f / scale));
		assertThat(c[VectorScan.SCALE_BYTES + 1]).isEqualTo((byte) -127);
		assertThat(c[VectorScan.SCALE_BYTES + 2]).isZero();
		assertThat(VectorScan.codes(null)).isNull();
		// a zero vector is held, and matches nothing better than anything else
		byte[] zero = VectorScan.codes(new float[DIMENSIONS]);
		VectorScan scan = VectorScan.builder().addCodes("F", 1, zero).addCodes("F", 2, c).build();
		assertThat(scan.similar(new SimilarityIndex.Query("", "", v, 1, Set.of())))
			.extracting(SimilarityIndex.Match::id)
			.containsExactly("F2");
	}

	@Test
	void rejectsCodesWithoutDimensionsOrOfAnotherDimension() {
		assertThatThrownBy(() -> VectorScan.builder().addCodes("F", 1, new byte[VectorScan.SCALE_BYTES]))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> VectorScan.builder().addCodes("F", -1, VectorScan.codes(new float[3])))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> VectorScan.builder()
			.addCodes("F", 1, VectorScan.codes(new float[3]))
			.addCodes("F", 2, VectorScan.codes(new float[4]))).isInstanceOf(IllegalArgumentException.class);
	}

	private static float[] unit(Random random) {
		float[] v = new float[DIMENSIONS];
		double norm = 0;
		for (int i = 0; i < v.length; i++) {
			v[i] = (float) random.nextGaussian();
			norm += v[i] * v[i];
		}
		for (int i = 0; i < v.length; i++) {
			v[i] = (float) (v[i] / Math.sqrt(norm));
		}
		return v;
	}

}
