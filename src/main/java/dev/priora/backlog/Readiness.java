package dev.priora.backlog;

import java.util.List;

/** Whether an item meets its product's Definition of Ready, and if not, why. */
public record Readiness(boolean ready, List<String> reasons) {
	public Readiness {
		reasons = List.copyOf(reasons);
	}
}
