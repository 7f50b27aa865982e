package dev.priora.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.priora.problem.DomainProblem;

/**
 * Two finished plans side by side: their values, the items only one of them plans, and
 * capacity use.
 */
public record PlanComparison(PlanView a, PlanView b, long valueA, long valueB, List<String> onlyInA,
		List<String> onlyInB, List<PlanResult.Use> capacityA, List<PlanResult.Use> capacityB) {

	public static PlanComparison of(PlanView a, PlanView b) {
		if (a.result() == null || b.result() == null) {
			throw DomainProblem.conflict("plan-not-ready", "Both plans need a result to be compared.");
		}
		Set<String> inA = new TreeSet<>();
		a.result().planned().forEach(p -> inA.add(p.key()));
		Set<String> inB = new TreeSet<>();
		b.result().planned().forEach(p -> inB.add(p.key()));
		List<String> onlyA = new ArrayList<>(inA);
		onlyA.removeAll(inB);
		List<String> onlyB = new ArrayList<>(inB);
		onlyB.removeAll(inA);
		return new PlanComparison(a, b, a.result().value(), b.result().value(), onlyA, onlyB, a.result().capacity(),
				b.result().capacity());
	}

}
