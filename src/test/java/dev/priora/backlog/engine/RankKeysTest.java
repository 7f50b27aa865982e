package dev.priora.backlog.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class RankKeysTest {

	@Test
	void makesAKeyStrictlyBetweenItsNeighbours() {
		assertThat(RankKeys.between(null, null)).isEqualTo("5");
		assertThat(RankKeys.between("1", "2")).isEqualTo("15");
		assertThat(RankKeys.between(null, "1")).isEqualTo("05");
		assertThat(RankKeys.between("9", null)).isEqualTo("95");
		assertThat(RankKeys.between("05", "051")).isEqualTo("0505");
	}

	@Test
	void keepsOrderUnderRandomInsertions() {
		Random random = new Random(42);
		List<String> keys = new ArrayList<>(List.of(RankKeys.between(null, null)));
		for (int i = 0; i < 5000; i++) {
			int at = random.nextInt(keys.size() + 1);
			String before = at == 0 ? null : keys.get(at - 1);
			String after = at == keys.size() ? null : keys.get(at);
			String key = RankKeys.between(before, after);
			assertThat(RankKeys.isValid(key)).isTrue();
			if (before != null) {
				assertThat(key).isGreaterThan(before);
			}
			if (after != null) {
				assertThat(key).isLessThan(after);
			}
			keys.add(at, key);
		}
		assertThat(keys).isSorted().doesNotHaveDuplicates();
	}

	@Test
	void growsAboutOneDigitPerThreeInsertsAtTheSameSpot() {
		String low = "1";
		String high = "2";
		for (int i = 0; i < 90; i++) {
			high = RankKeys.between(low, high);
		}
		assertThat(high.length()).isBetween(25, 40);
	}

	@Test
	void spreadsKeysEvenlyForARebalance() {
		String[] keys = RankKeys.evenlySpaced(100_000);
		assertThat(keys).isSorted().doesNotHaveDuplicates();
		assertThat(keys).allMatch(RankKeys::isValid).allMatch(k -> k.length() <= 7);
		assertThat(RankKeys.evenlySpaced(0)).isEmpty();
	}

	@Test
	void refusesMalformedOrMisorderedNeighbours() {
		assertThatThrownBy(() -> RankKeys.between("2", "1")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> RankKeys.between("10", null)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> RankKeys.between("a", null)).isInstanceOf(IllegalArgumentException.class);
	}

}
