package dev.priora.planning.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

import dev.priora.planning.engine.ReleaseOptimizer.Problem;

/**
 * Items put into releases in prerequisite order, each into the earliest with room.
 */
final class ReleasePacking {

	private final Problem p;

	private final int[] release;

	private final long[] left;

	private final BitSet planned = new BitSet();

	private final int[] order;

	private final List<List<Integer>> prerequisites;

	ReleasePacking(Problem p) {
		this.p = p;
		this.release = new int[p.cost().length];
		Arrays.fill(this.release, -1);
		this.left = p.capacity().clone();
		this.order = topological(p);
		this.prerequisites = prerequisites(p);
	}

	/** Places the wanted items not yet planned into releases up to {@code last}. */
	void add(BitSet wanted, int last) {
		for (int i : order) {
			if (wanted.get(i) && !planned.get(i)) {
				place(i, last);
			}
		}
	}

	/**
	 * Puts item i into the earliest release up to {@code last} with room that comes no
	 * sooner than its prerequisites; an item that does not fit stays out (and so do the
	 * items waiting on it) until a later release.
	 */
	private void place(int i, int last) {
		int earliest = 0;
		for (int q : prerequisites.get(i)) {
			if (release[q] < 0) {
				return;
			}
			earliest = Math.max(earliest, release[q]);
		}
		for (int j = earliest; j <= last; j++) {
			if (left[j] >= p.cost()[i]) {
				release[i] = j;
				left[j] -= p.cost()[i];
				planned.set(i);
				return;
			}
		}
	}

	int[] release() {
		return this.release;
	}

	BitSet planned() {
		return this.planned;
	}

	/** Items with their prerequisites first (items on a cycle, if any, last). */
	private static int[] topological(Problem p) {
		int n = p.cost().length;
		int[] waiting = new int[n];
		List<List<Integer>> dependents = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			dependents.add(new ArrayList<>());
		}
		for (int k = 0; k < p.waitsOn().length; k++) {
			waiting[p.waitsOn()[k]]++;
			dependents.get(p.prerequisite()[k]).add(p.waitsOn()[k]);
		}
		ArrayDeque<Integer> ready = new ArrayDeque<>();
		for (int i = 0; i < n; i++) {
			if (waiting[i] == 0) {
				ready.add(i);
			}
		}
		int[] order = new int[n];
		int k = 0;
		while (!ready.isEmpty()) {
			int i = ready.poll();
			order[k++] = i;
			for (int d : dependents.get(i)) {
				if (--waiting[d] == 0) {
					ready.add(d);
				}
			}
		}
		return Arrays.copyOf(order, k);
	}

	private static List<List<Integer>> prerequisites(Problem p) {
		List<List<Integer>> pre = new ArrayList<>();
		for (int i = 0; i < p.cost().length; i++) {
			pre.add(new ArrayList<>());
		}
		for (int k = 0; k < p.waitsOn().length; k++) {
			pre.get(p.waitsOn()[k]).add(p.prerequisite()[k]);
		}
		return pre;
	}

}
