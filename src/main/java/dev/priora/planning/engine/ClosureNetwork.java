package dev.priora.planning.engine;

import java.util.Arrays;

/**
 * Source → customer (its profit × q), customer → each unit it needs (never cut), unit →
 * sink (its cost × p); Dinic's max-flow on residual capacities, which can be saved and
 * restored so that one customer's arc can be changed and the flow repaired.
 */
final class ClosureNetwork {

	final long[] closureCost;

	long freeProfit;

	private final int customers;

	private final int nodes;

	private final int source;

	private final int sink;

	private final int[] first;

	private final int[] next;

	private final int[] head;

	private final long[] residual;

	private final long[] saved;

	private final int[] unitOfArc;

	private final long[] unitCost;

	/** Each unit's arc to the sink. */
	private final int[] toSink;

	private final int[] level;

	private final int[] current;

	private final int[] queue;

	private long flow;

	private long savedFlow;

	private int[] touched = new int[1024];

	private int touchedCount;

	private boolean logging;

	private int arcs;

	ClosureNetwork(ReducedNrp reduced) {
		this.customers = reduced.customers().size();
		int units = reduced.unitCost().length;
		this.unitCost = Arrays.stream(reduced.unitCost()).asLongStream().toArray();
		this.nodes = this.customers + units + 2;
		this.source = this.customers + units;
		this.sink = this.source + 1;
		int edges = this.customers + units;
		for (int[] needs : reduced.customers()) {
			edges += needs.length;
		}
		this.first = new int[this.nodes];
		Arrays.fill(this.first, -1);
		this.next = new int[2 * edges];
		this.head = new int[2 * edges];
		this.residual = new long[2 * edges];
		this.saved = new long[2 * edges];
		this.unitOfArc = new int[2 * edges];
		this.closureCost = new long[this.customers];
		// arcs 2c: source → customer c; then each customer's arcs to its units; then
		// units → sink
		for (int c = 0; c < this.customers; c++) {
			add(this.source, c, -1);
		}
		for (int c = 0; c < this.customers; c++) {
			for (int u : reduced.customers().get(c)) {
				add(c, this.customers + u, u);
				this.closureCost[c] += reduced.unitCost()[u];
			}
		}
		this.toSink = new int[units];
		for (int u = 0; u < units; u++) {
			this.toSink[u] = this.arcs;
			add(this.customers + u, this.sink, -1);
		}
		this.level = new int[this.nodes];
		this.current = new int[this.nodes];
		this.queue = new int[this.nodes];
	}

	private void add(int from, int to, int unit) {
		this.head[this.arcs] = to;
		this.next[this.arcs] = this.first[from];
		this.first[from] = this.arcs;
		this.unitOfArc[this.arcs] = unit;
		this.arcs++;
		this.head[this.arcs] = from;
		this.next[this.arcs] = this.first[to];
		this.first[to] = this.arcs;
		this.unitOfArc[this.arcs] = -1;
		this.arcs++;
	}

	/** Zero flow with these capacities at price p. */
	void reset(long p, long[] customerCapacity) {
		this.logging = false;
		Arrays.fill(this.residual, 0);
		for (int c = 0; c < this.customers; c++) {
			this.residual[2 * c] = customerCapacity[c];
		}
		for (int a = 2 * this.customers; a < this.arcs; a += 2) {
			int unit = this.unitOfArc[a];
			if (unit >= 0) {
				// more than the unit's own arc: a minimum cut never cuts it
				this.residual[a] = Math.addExact(Math.multiplyExact(p, this.unitCost[unit]), 1);
			}
			else {
				int u = this.head[a + 1] - this.customers;
				this.residual[a] = Math.multiplyExact(p, this.unitCost[u]);
			}
		}
		this.flow = 0;
	}

	void save() {
		System.arraycopy(this.residual, 0, this.saved, 0, this.arcs);
		this.savedFlow = this.flow;
		this.touchedCount = 0;
		this.logging = true;
	}

	/** Back to the saved flow, undoing only the arcs changed since. */
	void restore() {
		for (int i = 0; i < this.touchedCount; i++) {
			int a = this.touched[i];
			this.residual[a] = this.saved[a];
			this.residual[a ^ 1] = this.saved[a ^ 1];
		}
		this.touchedCount = 0;
		this.flow = this.savedFlow;
	}

	private void touch(int arc) {
		if (!this.logging) {
			return;
		}
		if (this.touchedCount == this.touched.length) {
			this.touched = Arrays.copyOf(this.touched, 2 * this.touched.length);
		}
		this.touched[this.touchedCount++] = arc;
	}

	/** The cost of the units on the source side of the last cut. */
	long sourceSideCost() {
		long cost = 0;
		for (int u = 0; u < this.unitCost.length; u++) {
			cost += (this.level[this.customers + u] >= 0) ? this.unitCost[u] : 0;
		}
		return cost;
	}

	/**
	 * Gives customer c's source arc a new capacity (forced out: 0, forced in: never cut)
	 * and returns the repaired maximum flow.
	 */
	long force(int c, int force, long capacity) {
		int arc = 2 * c;
		if (force < 0) {
			// send the customer's flow back: off each of its unit arcs and the unit's
			// arc to the sink
			for (int a = this.first[c]; a >= 0; a = this.next[a]) {
				if ((a & 1) == 0 && this.residual[a + 1] > 0) {
					long g = this.residual[a + 1];
					touch(a);
					this.residual[a] += g;
					this.residual[a + 1] = 0;
					int sinkArc = this.toSink[this.head[a] - this.customers];
					this.residual[sinkArc] += g;
					this.residual[sinkArc + 1] -= g;
					touch(sinkArc);
					this.flow -= g;
				}
			}
			this.residual[arc] = 0;
			this.residual[arc + 1] = 0;
		}
		else {
			this.residual[arc] = capacity - this.residual[arc + 1];
		}
		touch(arc);
		return maxFlow();
	}

	/** Augments to a maximum flow and returns its value. */
	long maxFlow() {
		while (levels()) {
			System.arraycopy(this.first, 0, this.current, 0, this.nodes);
			long pushed;
			while ((pushed = push(this.source, Long.MAX_VALUE)) > 0) {
				this.flow = Math.addExact(this.flow, pushed);
			}
		}
		return this.flow;
	}

	private boolean levels() {
		Arrays.fill(this.level, -1);
		int tail = 0;
		this.queue[tail++] = this.source;
		this.level[this.source] = 0;
		for (int at = 0; at < tail; at++) {
			int v = this.queue[at];
			for (int a = this.first[v]; a >= 0; a = this.next[a]) {
				if (this.residual[a] > 0 && this.level[this.head[a]] < 0) {
					this.level[this.head[a]] = this.level[v] + 1;
					this.queue[tail++] = this.head[a];
				}
			}
		}
		return this.level[this.sink] >= 0;
	}

	private long push(int v, long limit) {
		if (v == this.sink) {
			return limit;
		}
		for (; this.current[v] >= 0; this.current[v] = this.next[this.current[v]]) {
			int a = this.current[v];
			int w = this.head[a];
			if (this.residual[a] > 0 && this.level[w] == this.level[v] + 1) {
				long pushed = push(w, Math.min(limit, this.residual[a]));
				if (pushed > 0) {
					touch(a);
					this.residual[a] -= pushed;
					this.residual[a ^ 1] += pushed;
					return pushed;
				}
			}
		}
		return 0;
	}

	/** The customers on the source side of the minimum cut. */
	boolean[] sourceSide() {
		levels();
		boolean[] side = new boolean[this.customers];
		for (int c = 0; c < this.customers; c++) {
			side[c] = this.level[c] >= 0;
		}
		return side;
	}

}
