package dev.priora.planning.engine;

import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * Customers that every plan better than a known one must include, or must leave out,
 * proven with the Lagrangian relaxation of the budget.
 * <p>
 * Pricing the budget at λ per point turns the problem into a maximum-weight closure
 * (choose customers, pay λ × cost for the units they need), which a minimum cut solves
 * exactly; λ × budget plus the best closure bounds every plan, and the best λ gives the
 * LP bound. Forcing one customer in (or out) and cutting again bounds every plan with (or
 * without) that customer; when that bound cannot beat the known value, the customer is
 * fixed the other way. Forcing a customer in raises the price that suits it best, forcing
 * one out lowers it, so each is tried at λ* and at prices stepping away from it in its
 * direction. All arithmetic is exact: λ is a fraction p / q and the network's capacities
 * are scaled by q.
 * <p>
 * The cuts come from a small max-flow of its own rather than OR-Tools' (which solves from
 * scratch every time): forcing one customer changes one arc, so the flow at λ is repaired
 * and augmented instead of recomputed, about four times faster per customer on nrp4, and
 * customers whose bound cannot fall far enough at a price (by convexity, from the slope
 * at the last one) are not tried there.
 */
final class BudgetRelaxation {

	/**
	 * Relative steps away from λ* (in ten-thousandths) at which forced bounds are tried.
	 */
	private static final int[] STEPS = { 5, 10, 20, 30, 50, 100 };

	private static final long SCALE = 10_000;

	private static final int MAX_NEWTON_STEPS = 100;

	/**
	 * The LP bound and, per customer, a bound on every plan that includes it and on every
	 * plan that leaves it out ({@code Long.MAX_VALUE}: none worked out).
	 */
	record Bounds(NrpSolver.Reduced reduced, long budget, long root, long[] with, long[] without) {

		/**
		 * What every plan worth more than {@code known} must obey: customers without whom
		 * no such plan exists are fixed in, those with whom none exists are fixed out.
		 */
		Fixing against(long known) {
			int[] fixed = new int[this.with.length];
			boolean nothingBetter = this.root <= known;
			boolean[] needed = new boolean[this.reduced.unitCost().length];
			long cost = 0;
			for (int c = 0; c < fixed.length; c++) {
				boolean out = this.with[c] <= known;
				boolean in = this.without[c] <= known;
				nothingBetter |= out && in;
				fixed[c] = out ? -1 : (in ? 1 : 0);
				if (in && !out) {
					for (int u : this.reduced.customers().get(c)) {
						cost += needed[u] ? 0 : this.reduced.unitCost()[u];
						needed[u] = true;
					}
				}
			}
			// the customers every better plan needs do not fit: there is none
			nothingBetter |= cost > this.budget;
			return new Fixing(fixed, nothingBetter);
		}

	}

	/**
	 * Each customer's fixing (1 must be in, -1 must be out, 0 free), and whether no plan
	 * can beat the known one at all.
	 */
	record Fixing(int[] fixed, boolean nothingBetter) {

		int count() {
			int n = 0;
			for (int f : this.fixed) {
				n += (f != 0) ? 1 : 0;
			}
			return n;
		}

	}

	private final NrpSolver.Reduced reduced;

	private final long budget;

	private final int customers;

	private final Network network;

	private long p;

	private long q;

	/**
	 * Each customer's forced bound at the last price it was tried at, and its slope
	 * there: by convexity the line through them bounds the forced bound at every other
	 * price.
	 */
	private double[] lastLambda;

	private double[] lastBound;

	private double[] lastSlope;

	private BudgetRelaxation(NrpSolver.Reduced reduced, long budget) {
		this.reduced = reduced;
		this.budget = budget;
		this.customers = reduced.customers().size();
		this.network = new Network(reduced);
	}

	/**
	 * Bounds per customer against {@code known}, the value of a plan in hand; they are
	 * worked hardest for customers whose bound may fall below halfway between it and the
	 * LP bound, so a better plan found later still fixes more. Gives up (no bounds) when
	 * the numbers would overflow; stops early, with the bounds found so far, when
	 * cancelled.
	 */
	static Bounds bounds(NrpSolver.Reduced reduced, long budget, long known, BooleanSupplier cancelled) {
		BudgetRelaxation relaxation = new BudgetRelaxation(reduced, budget);
		try {
			return relaxation.compute(known, cancelled);
		}
		catch (ArithmeticException overflow) {
			return new Bounds(reduced, budget, Long.MAX_VALUE, unknown(reduced), unknown(reduced));
		}
	}

	private static long[] unknown(NrpSolver.Reduced reduced) {
		long[] bounds = new long[reduced.customers().size()];
		Arrays.fill(bounds, Long.MAX_VALUE);
		return bounds;
	}

	private Bounds compute(long known, BooleanSupplier cancelled) {
		long[] with = unknown(this.reduced);
		long[] without = unknown(this.reduced);
		if (!bestLambda()) {
			// every customer fits: nothing to price
			return new Bounds(this.reduced, this.budget, Arrays.stream(this.reduced.profit()).sum(), with, without);
		}
		long p0 = this.p;
		long q0 = this.q;
		long root = Math.floorDiv(scaledBound(), this.q);
		if (root <= known) {
			return new Bounds(this.reduced, this.budget, root, with, without);
		}
		long hope = known + (root - known) / 2;
		this.lastLambda = new double[this.customers];
		this.lastBound = new double[this.customers];
		this.lastSlope = new double[this.customers];
		tryAt(p0, q0, 0, known, hope, with, without, cancelled);
		for (int direction : new int[] { -1, 1 }) {
			int idle = 0;
			for (int i = 0; i < STEPS.length && idle < 2 && !cancelled.getAsBoolean(); i++) {
				long num = Math.multiplyExact(p0, SCALE + direction * STEPS[i]);
				long den = Math.multiplyExact(q0, SCALE);
				idle = (tryAt(num, den, direction, known, hope, with, without, cancelled) > 0) ? 0 : idle + 1;
			}
		}
		return new Bounds(this.reduced, this.budget, root, with, without);
	}

	/**
	 * Tries at λ = num / den, for each customer: forcing it in (direction 1), out (-1),
	 * or the way the relaxation did not choose it (0), unless its bound that way already
	 * fixes it against {@code known} or cannot get down to {@code hope} at this λ.
	 * Returns how many bounds went down, to {@code hope} or below.
	 */
	private int tryAt(long num, long den, int direction, long known, long hope, long[] with, long[] without,
			BooleanSupplier cancelled) {
		setLambda(num, den);
		this.network.maxFlow();
		boolean[] closure = this.network.sourceSide();
		this.network.save();
		int count = 0;
		double lambda = this.p / (double) this.q;
		for (int c = 0; c < this.customers && !cancelled.getAsBoolean(); c++) {
			int force = (direction != 0) ? direction : (closure[c] ? -1 : 1);
			long[] bounds = (force > 0) ? with : without;
			// forcing a customer the way the relaxation already chose it changes nothing
			if (bounds[c] <= known || (force < 0) != closure[c]) {
				continue;
			}
			if (direction != 0 && this.lastBound[c] + this.lastSlope[c] * (lambda - this.lastLambda[c]) > hope + 1.5) {
				continue;
			}
			long flow = this.network.force(c, force, capacity(c, force));
			long profit = this.network.freeProfit - ((force < 0) ? this.reduced.profit()[c] : 0);
			long bound = Math.floorDiv(Math.addExact(Math.multiplyExact(this.p, this.budget),
					Math.subtractExact(Math.multiplyExact(profit, this.q), flow)), this.q);
			if (bound <= hope && bound < bounds[c]) {
				count++;
			}
			bounds[c] = Math.min(bounds[c], bound);
			this.lastLambda[c] = lambda;
			this.lastBound[c] = bound;
			this.lastSlope[c] = this.budget - this.network.sourceSideCost();
			this.network.restore();
		}
		return count;
	}

	/**
	 * Sets λ = p / q to the minimizer of the Lagrangian bound: the bound is the upper
	 * envelope of one line per closure, so intersecting the lines of a closure over the
	 * budget and one within it homes in on the minimum in a few cuts. False when every
	 * customer fits the budget (nothing to price).
	 */
	private boolean bestLambda() {
		setLambda(0, 1);
		long[] low = closureValueAndCost();
		if (low[1] <= this.budget) {
			return false;
		}
		long[] high = { 0, 0 };
		for (int step = 0; step < MAX_NEWTON_STEPS; step++) {
			// low: v1 + λ (B − w1), high: v2 + λ (B − w2) meet at λ = (v1 − v2) / (w1 −
			// w2); any λ ≥ 0 gives a valid bound, the minimizer the tightest
			setLambda(Math.max(0, low[0] - high[0]), low[1] - high[1]);
			long[] mid = closureValueAndCost();
			long line = Math.addExact(Math.multiplyExact(low[0], this.q),
					Math.multiplyExact(this.p, this.budget - low[1]));
			long envelope = Math.addExact(Math.multiplyExact(mid[0], this.q),
					Math.multiplyExact(this.p, this.budget - mid[1]));
			if (envelope <= line) {
				return true;
			}
			if (mid[1] > this.budget) {
				low = mid;
			}
			else {
				high = mid;
			}
		}
		return true;
	}

	private void setLambda(long num, long den) {
		long gcd = gcd(num, den);
		this.p = num / gcd;
		this.q = den / gcd;
		long[] customerCapacity = new long[this.customers];
		for (int c = 0; c < this.customers; c++) {
			customerCapacity[c] = capacity(c, 0);
		}
		this.network.reset(this.p, customerCapacity);
		this.network.freeProfit = Arrays.stream(this.reduced.profit()).sum();
	}

	private long capacity(int c, int force) {
		if (force > 0) {
			// more than all its units cost: a customer forced in is never cut off
			return Math.addExact(Math.multiplyExact(this.p, this.network.closureCost[c]), 1);
		}
		return (force < 0) ? 0 : Math.multiplyExact(this.reduced.profit()[c], this.q);
	}

	/** q × the Lagrangian bound at the current λ with the current fixings. */
	private long scaledBound() {
		long cut = this.network.maxFlow();
		return Math.addExact(Math.multiplyExact(this.p, this.budget),
				Math.subtractExact(Math.multiplyExact(this.network.freeProfit, this.q), cut));
	}

	/** Profit and cost of the best closure at the current λ. */
	private long[] closureValueAndCost() {
		this.network.maxFlow();
		return valueAndCost(this.network.sourceSide());
	}

	private long[] valueAndCost(boolean[] chosen) {
		boolean[] needed = new boolean[this.reduced.unitCost().length];
		long value = 0;
		long cost = 0;
		for (int c = 0; c < this.customers; c++) {
			if (chosen[c]) {
				value += this.reduced.profit()[c];
				for (int u : this.reduced.customers().get(c)) {
					if (!needed[u]) {
						needed[u] = true;
						cost += this.reduced.unitCost()[u];
					}
				}
			}
		}
		return new long[] { value, cost };
	}

	private static long gcd(long a, long b) {
		return (b == 0) ? Math.max(1, a) : gcd(b, a % b);
	}

	/**
	 * Source → customer (its profit × q), customer → each unit it needs (never cut), unit
	 * → sink (its cost × p); Dinic's max-flow on residual capacities, which can be saved
	 * and restored so that one customer's arc can be changed and the flow repaired.
	 */
	private static final class Network {

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

		Network(NrpSolver.Reduced reduced) {
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
		 * Gives customer c's source arc a new capacity (forced out: 0, forced in: never
		 * cut) and returns the repaired maximum flow.
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

}
