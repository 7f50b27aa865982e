package dev.priora.planning.engine;

import java.util.ArrayList;
import java.util.List;

/** Explains pins that cannot all hold, before any solving. */
final class PinCheck {

	private PinCheck() {
	}

	static List<String> problems(ReleaseOptimizer.Problem p) {
		List<String> problems = new ArrayList<>();
		int r = p.capacity().length;
		long total = 0;
		for (long c : p.capacity()) {
			total += c;
		}
		long pinnedIn = 0;
		long[] fixed = new long[r];
		for (int i = 0; i < p.pin().length; i++) {
			int pin = p.pin()[i];
			if (pin >= r) {
				problems.add(p.itemNames()[i] + " is pinned to a release that is not planned");
				continue;
			}
			if (pin == ReleaseOptimizer.Problem.IN || pin >= 0) {
				pinnedIn += p.cost()[i];
			}
			if (pin >= 0) {
				fixed[pin] += p.cost()[i];
			}
		}
		for (int j = 0; j < r; j++) {
			if (fixed[j] > p.capacity()[j]) {
				problems.add("the items pinned to " + p.releaseNames()[j] + " need " + fixed[j] / 10.0
						+ " of capacity; it has " + p.capacity()[j] / 10.0);
			}
		}
		if (pinnedIn > total) {
			problems.add("the pinned items need " + pinnedIn / 10.0 + " of capacity; all releases together have "
					+ total / 10.0);
		}
		for (int k = 0; k < p.waitsOn().length; k++) {
			int w = p.waitsOn()[k];
			int q = p.prerequisite()[k];
			boolean in = p.pin()[w] == ReleaseOptimizer.Problem.IN || p.pin()[w] >= 0;
			if (in && p.pin()[q] == ReleaseOptimizer.Problem.OUT) {
				problems.add(
						p.itemNames()[w] + " is pinned in but its prerequisite " + p.itemNames()[q] + " is pinned out");
			}
			if (p.pin()[w] >= 0 && p.pin()[q] >= 0 && p.pin()[q] > p.pin()[w]) {
				problems.add(p.itemNames()[w] + " is pinned to an earlier release than its prerequisite "
						+ p.itemNames()[q]);
			}
		}
		return problems;
	}

}
