package dev.priora.refinement.health.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class BlockedChainsTest {

	@Test
	void oneWaitIsNoChainTwoInARowAre() {
		// 1 waits on 2; 3 waits on 4, which waits on 5
		var r = BlockedChains.of(new long[] { 1, 3, 4 }, new long[] { 2, 4, 5 }, 10);
		assertThat(r.blocked()).isEqualTo(1);
		assertThat(r.chains()).extracting(BlockedChains.Chain::items).containsExactly(List.of(3L, 4L, 5L));
	}

	@Test
	void aChainFollowsTheDeepestPrerequisiteAndCountsEveryBlockedItem() {
		// 10 waits on 11 (free) and on 12, which waits on 13, which waits on 14; 20 waits
		// on 12 too
		var r = BlockedChains.of(new long[] { 10, 10, 12, 13, 20 }, new long[] { 11, 12, 13, 14, 12 }, 10);
		// depths: 14 → 0, 13 → 1, 12 → 2, 10 → 3, 20 → 3
		assertThat(r.blocked()).isEqualTo(3);
		assertThat(r.chains()).extracting(BlockedChains.Chain::items)
			.containsExactly(List.of(10L, 12L, 13L, 14L), List.of(20L, 12L, 13L, 14L));
	}

	@Test
	void longestChainsFirstUpToTheLimit() {
		var r = BlockedChains.of(new long[] { 1, 2, 5, 6, 7 }, new long[] { 2, 3, 6, 7, 8 }, 1);
		assertThat(r.blocked()).isEqualTo(3);
		assertThat(r.chains()).extracting(BlockedChains.Chain::items).containsExactly(List.of(5L, 6L, 7L, 8L));
	}

	@Test
	void aCycleIsLeftOutAndNoLinksAreNoChains() {
		var cycle = BlockedChains.of(new long[] { 1, 2, 3 }, new long[] { 2, 3, 1 }, 10);
		assertThat(cycle.blocked()).isZero();
		assertThat(cycle.chains()).isEmpty();
		assertThat(BlockedChains.of(new long[0], new long[0], 10).chains()).isEmpty();
	}

}
