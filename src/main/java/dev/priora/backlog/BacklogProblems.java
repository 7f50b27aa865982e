package dev.priora.backlog;

import java.util.List;

import dev.priora.problem.DomainProblem;

import org.springframework.http.HttpStatus;

/**
 * The backlog's own refusals: dependency cycles, the Definition of Ready, the workflow.
 */
public final class BacklogProblems {

	private BacklogProblems() {
	}

	/**
	 * A dependency would close a cycle; the cycle is named, e.g.
	 * {@code PAY-3 → PAY-7 → PAY-3}.
	 */
	public static DomainProblem cycle(List<String> cycle) {
		return DomainProblem
			.of(HttpStatus.CONFLICT, "dependency-cycle", "Dependency cycle",
					"This dependency would close a cycle: " + String.join(" → ", cycle))
			.with("cycle", cycle);
	}

	/** The item fails its Definition of Ready. */
	public static DomainProblem notReady(ItemKey key, List<String> reasons) {
		return DomainProblem
			.of(HttpStatus.CONFLICT, "not-ready", "Not ready",
					key + " does not meet the Definition of Ready: " + String.join("; ", reasons))
			.with("reasons", reasons);
	}

	public static DomainProblem invalidTransition(ItemKey key, ItemStatus from, ItemStatus to) {
		return DomainProblem
			.of(HttpStatus.CONFLICT, "invalid-transition", "Invalid status change",
					key + " cannot go from " + from + " to " + to + "; allowed: " + from.next())
			.with("allowed", from.next());
	}

}
