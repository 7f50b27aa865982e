package dev.priora.progress.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class LeastLossTest {

	@Test
	void losesAsLittleValueAsEveryWayOfTakingItemsOutOnSmallRandomReleases() {
		SplittableRandom random = new SplittableRandom(23);
		for (int round = 0; round < 300; round++) {
			int n = 1 + random.nextInt(10);
			long[] weight = new long[n];
			long[] value = new long[n];
			long total = 0;
			for (int i = 0; i < n; i++) {
				weight[i] = 1 + random.nextInt(80);
				value[i] = random.nextInt(5) == 0 ? 0 : random.nextInt(1000);
				total += weight[i];
			}
			long need = 1 + random.nextLong(total + 20);
			long best = Long.MAX_VALUE;
			int fewest = Integer.MAX_VALUE;
			for (int mask = 1; mask < 1 << n; mask++) {
				long w = 0;
				long v = 0;
				for (int i = 0; i < n; i++) {
					if ((mask >> i & 1) == 1) {
						w += weight[i];
						v += value[i];
					}
				}
				if (w >= need && (v < best || v == best && Integer.bitCount(mask) < fewest)) {
					best = v;
					fewest = Integer.bitCount(mask);
				}
			}
			int[] chosen = LeastLoss.choose(weight, value, need);
			if (best == Long.MAX_VALUE) {
				assertThat(chosen).isNull();
				continue;
			}
			long w = 0;
			long v = 0;
			for (int i : chosen) {
				w += weight[i];
				v += value[i];
			}
			assertThat(w).as("round %d", round).isGreaterThanOrEqualTo(need);
			assertThat(v).as("round %d", round).isEqualTo(best);
			assertThat(chosen.length).as("round %d", round).isEqualTo(fewest);
		}
	}

	@Test
	void takesNothingWhenNothingNeedsToLeave() {
		assertThat(LeastLoss.choose(new long[] { 5 }, new long[] { 1 }, 0)).isEmpty();
	}

}
