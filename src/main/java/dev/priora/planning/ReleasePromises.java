package dev.priora.planning;

import java.util.List;
import java.util.Set;

/**
 * What the team can promise in each release: the port through which "only what we can
 * promise" plans ask the forecaster ({@code progress}, which depends on planning, so the
 * arrow stays progress → planning) for each release's window: the points the team
 * finishes by the release's target date with the given probability, after the releases
 * before it.
 */
public interface ReleasePromises {

	/**
	 * The windows of the product's unreleased releases in {@code releaseIds}, in the
	 * order they are worked on, at {@code confidence} (0.5 to 0.99).
	 */
	List<PlanResult.Window> windows(String productKey, Set<Long> releaseIds, double confidence);

}
