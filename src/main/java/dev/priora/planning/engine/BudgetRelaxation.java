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
 * The cuts come from a small max-flow of its own ({@link ClosureNetwork}) rather than
 * OR-Tools' (which solves from scratch every time): forcing one customer changes one arc,
 * so the flow at λ is repaired and augmented instead of recomputed, about four times
 * faster per customer on nrp4, and customers whose bound cannot fall far enough at a
 * price (by convexity, from the slope at the last one) are not tried there.
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
	record Bounds(ReducedNrp reduced, long budget, long root, long[] with, long[] without) {

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

	private final ReducedNrp reduced;

	private final long budget;

	private final int customers;

	private final ClosureNetwork network;

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

	private BudgetRelaxation(ReducedNrp reduced, long budget) {
		this.reduced = reduced;
		this.budget = budget;
		this.customers = reduced.customers().size();
		this.network = new ClosureNetwork(reduced);
	}

	/**
	 * Bounds per customer against {@code known}, the value of a plan in hand; they are
	 * worked hardest for customers whose bound may fall below halfway between it and the
	 * LP bound, so a better plan found later still fixes more. Gives up (no bounds) when
	 * the numbers would overflow; stops early, with the bounds found so far, when
	 * cancelled.
	 */
	static Bounds bounds(ReducedNrp reduced, long budget, long known, BooleanSupplier cancelled) {
		BudgetRelaxation relaxation = new BudgetRelaxation(reduced, budget);
		try {
			return relaxation.compute(known, cancelled);
		}
		catch (ArithmeticException overflow) {
			return new Bounds(reduced, budget, Long.MAX_VALUE, unknown(reduced), unknown(reduced));
		}
	}

	private static long[] unknown(ReducedNrp reduced) {
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

}
