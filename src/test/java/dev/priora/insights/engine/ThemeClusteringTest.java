package dev.priora.insights.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ThemeClusteringTest {

	/**
	 * {@code groups} blobs of {@code each} unit vectors around random centres in 32
	 * dimensions.
	 */
	static float[][] blobs(int groups, int each, double spread, long seed) {
		Random random = new Random(seed);
		float[][] out = new float[groups * each][];
		for (int g = 0; g < groups; g++) {
			double[] centre = new double[32];
			for (int d = 0; d < 32; d++) {
				centre[d] = random.nextGaussian();
			}
			for (int i = 0; i < each; i++) {
				float[] v = new float[32];
				double norm = 0;
				for (int d = 0; d < 32; d++) {
					v[d] = (float) (centre[d] + spread * random.nextGaussian());
					norm += v[d] * v[d];
				}
				for (int d = 0; d < 32; d++) {
					v[d] /= (float) Math.sqrt(norm);
				}
				out[g * each + i] = v;
			}
		}
		return out;
	}

	@Test
	void findsTheNumberOfWellSeparatedGroupsAndKeepsEachWhole() {
		// 40 vectors: k is chosen among 3 to 9 (√n / 2 to 1.5·√n)
		var result = ThemeClustering.cluster(new ThemeClustering.Input(blobs(5, 8, 0.15, 7), 1.0, 42));
		assertThat(result.themes()).isEqualTo(5);
		for (int g = 0; g < 5; g++) {
			Set<Integer> themes = new HashSet<>();
			for (int i = 0; i < 8; i++) {
				themes.add(result.assignment()[g * 8 + i]);
			}
			assertThat(themes).as("group " + g).hasSize(1);
		}
		assertThat(result.silhouette()).isGreaterThan(0.5);
		assertThat(Arrays.stream(result.similarity()).min().orElseThrow()).isGreaterThan(0.8);
	}

	@Test
	void noCandidateNumberOfThemesIsAboveTheMaximum() {
		for (int n : new int[] { 5, 40, 150, 180, 190, 200, 201, 1_000, 100_000 }) {
			assertThat(ThemeCount.candidates(n, Math.min(n, ThemeClustering.CHOICE_SAMPLE))).as("n = " + n)
				.isNotEmpty()
				.allMatch(k -> k >= 2 && k <= ThemeClustering.MAX_K);
		}
		assertThat(ThemeCount.candidates(190, 190)).as("every k up to the maximum for a mid-size product")
			.contains(2, ThemeClustering.MAX_K);
	}

	@Test
	void aMidSizeProductGetsNoMoreThemesThanTheMaximum() {
		// 190 vectors in 95 tight pairs: the best silhouette would be one theme per pair
		var result = ThemeClustering.cluster(new ThemeClustering.Input(blobs(95, 2, 0.05, 11), 0.10, 3));
		assertThat(result.themes()).isBetween(2, ThemeClustering.MAX_K);
	}

	@Test
	void equalInputsAndSeedsGiveEqualThemes() {
		float[][] v = blobs(4, 30, 0.5, 3);
		var a = ThemeClustering.cluster(new ThemeClustering.Input(v, 0.5, 9));
		var b = ThemeClustering.cluster(new ThemeClustering.Input(v, 0.5, 9));
		assertThat(a.assignment()).isEqualTo(b.assignment());
	}

	@Test
	void splitsThemesHoldingMoreThanTheirShare() {
		float[][] v = blobs(1, 400, 0.4, 5);
		var result = ThemeClustering.cluster(new ThemeClustering.Input(v, 0.10, 1));
		int[] sizes = new int[result.themes()];
		for (int a : result.assignment()) {
			sizes[a]++;
		}
		assertThat(Arrays.stream(sizes).max().orElseThrow()).isLessThanOrEqualTo(40);
	}

	@Test
	void fewVectorsMakeOneThemeAndNoneMakeNone() {
		assertThat(ThemeClustering.cluster(new ThemeClustering.Input(blobs(1, 3, 0.1, 1), 0.1, 1)).themes())
			.isEqualTo(1);
		assertThat(ThemeClustering.cluster(new ThemeClustering.Input(new float[0][], 0.1, 1)).themes()).isZero();
	}

	@Test
	void aSplitMakesTwoThemesAlongTheGroups() {
		float[][] v = blobs(2, 10, 0.1, 11);
		int[] halves = ThemeClustering.split(v, 3).assignment();
		assertThat(halves[0]).isNotEqualTo(halves[10]);
		for (int i = 1; i < 10; i++) {
			assertThat(halves[i]).isEqualTo(halves[0]);
			assertThat(halves[10 + i]).isEqualTo(halves[10]);
		}
	}

	@Test
	void namesAThemeByItsDistinctiveWordsNotTheCommonOnes() {
		List<List<String>> words = ThemeWords
			.top(List.of(List.of("Export the report to CSV", "CSV export please", "The report export to CSV fails"),
					List.of("Dark mode for the report", "Dark colours please", "A dark theme for the report")), 2);
		assertThat(words.get(0)).contains("csv", "export");
		assertThat(words.get(1).get(0)).isEqualTo("dark");
		assertThat(words.get(1)).doesNotContain("the", "please", "for");
		assertThat(ThemeWords.name(words.get(1))).contains(" · ");
	}

	@Test
	void aSpikeNeedsFiveFeedbackAndTwiceTheWeeklyAverage() {
		assertThat(Spikes.spiking(4, 0)).isFalse();
		assertThat(Spikes.spiking(5, 0)).isTrue();
		assertThat(Spikes.spiking(9, 20)).as("average 5 a week").isFalse();
		assertThat(Spikes.spiking(10, 20)).isTrue();
		assertThat(Spikes.growth(3, 0)).isNull();
		assertThat(Spikes.growth(3, 2)).isEqualTo(0.5);
	}

}
