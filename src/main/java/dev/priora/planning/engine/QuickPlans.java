package dev.priora.planning.engine;

import java.util.BitSet;
import java.util.function.BooleanSupplier;

import dev.priora.planning.engine.ReleaseOptimizer.Problem;

/**
 * The quick first plans of customer value over several releases ({@link CustomerChain}):
 * no relaxation and no solver, only rank-order filling improved by ruin and recreate
 * ({@link LocalSearch}) at each release's cumulative capacity, packed in prerequisite
 * order ({@link ReleasePacking}); built forward (what the capacity up to each release
 * buys, with what is planned free) and backward (the whole capacity first, then within
 * its customers each earlier release's).
 */
final class QuickPlans {

	private QuickPlans() {
	}

	/**
	 * The plan built release by release: what the capacity up to each release buys, with
	 * what is already planned free.
	 */
	static int[] forward(Problem p, long[] cumulative, double seconds, BooleanSupplier cancelled) {
		ReleasePacking packing = new ReleasePacking(p);
		for (int j = 0; j < cumulative.length && !cancelled.getAsBoolean(); j++) {
			long spent = packing.planned().stream().mapToLong(i -> p.cost()[i]).sum();
			long budget = cumulative[j] - spent;
			if (budget > 0) {
				packing.add(quickStep(CustomerChain.instance(p, packing.planned(), satisfied(p, packing.planned())),
						budget, (long) (seconds * 1000)), j);
			}
		}
		return packing.release();
	}

	/**
	 * The quick plan from the last release back: the customers the whole capacity buys
	 * (ruin and recreate), then within them those the capacity up to each earlier release
	 * buys (where the weight drops), packed release by release.
	 */
	static int[] backward(Problem p, long[] cumulative, long[] weight, double seconds, BooleanSupplier cancelled) {
		int r = cumulative.length;
		NrpInstance all = CustomerChain.instance(p, new BitSet(), new BitSet());
		BitSet[] closures = ReducedNrp.closures(all);
		BitSet[] sets = new BitSet[r];
		BitSet within = null;
		for (int j = r - 1; j >= 0 && !cancelled.getAsBoolean(); j--) {
			if (cumulative[j] > 0 && (j == r - 1 || CustomerChain.gain(weight, j) > 0)) {
				BitSet outside = new BitSet();
				if (within != null) {
					outside.set(0, all.customers());
					outside.andNot(within);
				}
				within = quickCustomers(CustomerChain.instance(p, new BitSet(), outside), cumulative[j],
						(long) (seconds * 1000));
				sets[j] = within;
			}
		}
		ReleasePacking packing = new ReleasePacking(p);
		for (int j = 0; j < r; j++) {
			if (sets[j] != null) {
				BitSet wanted = new BitSet();
				sets[j].stream().forEach(c -> wanted.or(closures[c]));
				packing.add(wanted, j);
			}
		}
		return packing.release();
	}

	/** The customers (original numbers) of a quick plan for one budget. */
	private static BitSet quickCustomers(NrpInstance in, long budget, long millis) {
		ReducedNrp r = ReducedNrp.of(in, budget);
		BitSet customers = new BitSet();
		if (r.customers().isEmpty()) {
			return customers;
		}
		Greedy greedy = Greedy.of(in, r.closures(), budget);
		boolean[] chosen = LocalSearch.improve(r, budget, r.hint(greedy.customers()), Math.max(20, millis), 1);
		for (int c = 0; c < chosen.length; c++) {
			if (chosen[c]) {
				for (int original : r.members().get(c)) {
					customers.set(original);
				}
			}
		}
		return customers;
	}

	/**
	 * The items of a quick plan for one budget: rank-order filling improved by ruin and
	 * recreate for {@code millis} (no relaxation, no solver: the first plan of three
	 * releases of the largest instance takes 0.2 s of CPU).
	 */
	private static BitSet quickStep(NrpInstance in, long budget, long millis) {
		BitSet[] closures = ReducedNrp.closures(in);
		BitSet wanted = new BitSet();
		quickCustomers(in, budget, millis).stream().forEach(c -> wanted.or(closures[c]));
		return wanted;
	}

	/** The customers whose every requested item (and prerequisite) is planned. */
	private static BitSet satisfied(Problem p, BitSet planned) {
		BitSet done = new BitSet();
		NrpInstance plain = CustomerChain.instance(p, new BitSet(), new BitSet());
		BitSet[] closures = ReducedNrp.closures(plain);
		for (int c = 0; c < closures.length; c++) {
			BitSet missing = (BitSet) closures[c].clone();
			missing.andNot(planned);
			if (missing.isEmpty()) {
				done.set(c);
			}
		}
		return done;
	}

}
