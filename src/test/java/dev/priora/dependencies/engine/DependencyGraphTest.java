package dev.priora.dependencies.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class DependencyGraphTest {

	// 1 → 2 → 3 → 4, and 1 → 4
	private final DependencyGraph graph = DependencyGraph.of(new long[] { 1, 2, 3, 1 }, new long[] { 2, 3, 4, 4 });

	@Test
	void namesTheShortestCycleANewEdgeWouldClose() {
		assertThat(graph.cycleClosedBy(4, 1)).contains(List.of(4L, 1L, 4L));
		assertThat(graph.cycleClosedBy(3, 2)).contains(List.of(3L, 2L, 3L));
		assertThat(graph.cycleClosedBy(4, 2)).contains(List.of(4L, 2L, 3L, 4L));
	}

	@Test
	void acceptsEdgesThatCloseNoCycle() {
		assertThat(graph.cycleClosedBy(1, 3)).isEmpty();
		assertThat(graph.cycleClosedBy(5, 1)).isEmpty();
		assertThat(graph.cycleClosedBy(2, 99)).isEmpty();
	}

	@Test
	void anItemCannotDependOnItself() {
		assertThat(graph.cycleClosedBy(7, 7)).contains(List.of(7L, 7L));
	}

	@Test
	void handlesALongChain() {
		int n = 200_000;
		long[] from = new long[n - 1];
		long[] to = new long[n - 1];
		for (int i = 0; i < n - 1; i++) {
			from[i] = i;
			to[i] = i + 1;
		}
		var chain = DependencyGraph.of(from, to);
		assertThat(chain.cycleClosedBy(n - 1, 0).orElseThrow()).hasSize(n + 1);
	}

}
