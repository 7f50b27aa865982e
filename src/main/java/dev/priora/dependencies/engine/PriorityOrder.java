package dev.priora.dependencies.engine;

import java.util.Arrays;

/**
 * A dependency-respecting order: highest score first, but never above an unfinished
 * prerequisite. Kahn's topological sort where the ready item taken next is the one with
 * the highest score (ties and unscored items keep their current order; unscored items go
 * after scored ones). Pinned items keep their position: one is taken as soon as the
 * output reaches its position and it is ready; if a prerequisite is not placed yet, it
 * slides down to just after it. O((n + e) log n) with two binary heaps over int arrays,
 * so a million items and three million edges take well under a second.
 */
public final class PriorityOrder {

	private PriorityOrder() {
	}

	/**
	 * The input, indices 0..n-1 in the current order. {@code score[i]} is NaN when item i
	 * is not scorable; {@code pinned[i]} keeps item i at position i; {@code waitsOn[k]} →
	 * {@code prerequisite[k]} are the edges that still bind (both items unfinished).
	 */
	public record Input(double[] score, boolean[] pinned, int[] waitsOn, int[] prerequisite) {

		public Input {
			if (score.length != pinned.length || waitsOn.length != prerequisite.length) {
				throw new IllegalArgumentException("array lengths differ");
			}
		}

	}

	/**
	 * The order as item indices by position; {@code complete} is false when a cycle left
	 * items out, and {@code cycle} then lists the items that could not be placed.
	 */
	public record Result(int[] order, boolean complete, int[] cycle) {
	}

	public static Result order(Input in) {
		int n = in.score().length;
		int[] offsets = new int[n + 1];
		int[] indegree = new int[n];
		for (int k = 0; k < in.waitsOn().length; k++) {
			offsets[in.prerequisite()[k] + 1]++;
			indegree[in.waitsOn()[k]]++;
		}
		for (int i = 0; i < n; i++) {
			offsets[i + 1] += offsets[i];
		}
		int[] dependents = new int[in.waitsOn().length];
		int[] fill = Arrays.copyOf(offsets, n);
		for (int k = 0; k < in.waitsOn().length; k++) {
			dependents[fill[in.prerequisite()[k]]++] = in.waitsOn()[k];
		}
		double[] key = new double[n];
		for (int i = 0; i < n; i++) {
			key[i] = Double.isNaN(in.score()[i]) ? Double.NEGATIVE_INFINITY : in.score()[i];
		}
		IntHeap free = new IntHeap(n, (a, b) -> key[a] != key[b] ? key[a] > key[b] : a < b);
		IntHeap pinned = new IntHeap(n, (a, b) -> a < b);
		for (int i = 0; i < n; i++) {
			if (indegree[i] == 0) {
				(in.pinned()[i] ? pinned : free).push(i);
			}
		}
		int[] order = new int[n];
		int placed = 0;
		while (placed < n) {
			int next;
			if (!pinned.isEmpty() && (pinned.peek() <= placed || free.isEmpty())) {
				next = pinned.pop();
			}
			else if (!free.isEmpty()) {
				next = free.pop();
			}
			else {
				break;
			}
			order[placed++] = next;
			for (int k = offsets[next]; k < offsets[next + 1]; k++) {
				int d = dependents[k];
				if (--indegree[d] == 0) {
					(in.pinned()[d] ? pinned : free).push(d);
				}
			}
		}
		if (placed == n) {
			return new Result(order, true, new int[0]);
		}
		int[] left = new int[n - placed];
		int j = 0;
		for (int i = 0; i < n; i++) {
			if (indegree[i] > 0) {
				left[j++] = i;
			}
		}
		return new Result(Arrays.copyOf(order, placed), false, Arrays.copyOf(left, j));
	}

	/** "a comes before b". */
	interface Before {

		boolean test(int a, int b);

	}

	/** A binary min-heap of ints under {@link Before}. */
	static final class IntHeap {

		private final int[] heap;

		private final Before before;

		private int size;

		IntHeap(int capacity, Before before) {
			this.heap = new int[Math.max(1, capacity)];
			this.before = before;
		}

		boolean isEmpty() {
			return size == 0;
		}

		int peek() {
			return heap[0];
		}

		void push(int v) {
			int i = size++;
			while (i > 0) {
				int parent = (i - 1) >>> 1;
				if (!before.test(v, heap[parent])) {
					break;
				}
				heap[i] = heap[parent];
				i = parent;
			}
			heap[i] = v;
		}

		int pop() {
			int top = heap[0];
			int last = heap[--size];
			int i = 0;
			while (true) {
				int child = 2 * i + 1;
				if (child >= size) {
					break;
				}
				if (child + 1 < size && before.test(heap[child + 1], heap[child])) {
					child++;
				}
				if (!before.test(heap[child], last)) {
					break;
				}
				heap[i] = heap[child];
				i = child;
			}
			if (size > 0) {
				heap[i] = last;
			}
			return top;
		}

	}

}
