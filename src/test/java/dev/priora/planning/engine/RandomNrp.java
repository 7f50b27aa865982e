package dev.priora.planning.engine;

import java.util.SplittableRandom;

/** Small random Next Release Problem instances, few enough customers to enumerate. */
final class RandomNrp {

	private RandomNrp() {
	}

	static NrpInstance next(SplittableRandom random, int maxCustomers) {
		int m = 4 + random.nextInt(8);
		int n = 3 + random.nextInt(maxCustomers - 2);
		int[] cost = random.ints(m, 1, 10).toArray();
		int edges = random.nextInt(m);
		int[] pre = new int[edges];
		int[] dep = new int[edges];
		for (int e = 0; e < edges; e++) {
			int a = random.nextInt(m - 1);
			pre[e] = a;
			dep[e] = a + 1 + random.nextInt(m - a - 1);
		}
		long[] profit = random.longs(n, 0, 30).toArray();
		int[][] requests = new int[n][];
		for (int c = 0; c < n; c++) {
			requests[c] = random.ints(1 + random.nextInt(3), 0, m).distinct().toArray();
		}
		return new NrpInstance(cost, pre, dep, profit, requests);
	}

}
