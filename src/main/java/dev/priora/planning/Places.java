package dev.priora.planning;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A product's releases and sprints by name, and its closed sprints: read once for a
 * change of one item's plan or of many.
 */
record Places(Map<Long, String> releases, Map<Long, String> sprints, Set<Long> closed) {

	static Places of(PlanningRepository repository, String productKey) {
		Map<Long, String> releases = new HashMap<>();
		repository.releases(productKey).forEach(r -> releases.put(r.id(), r.name()));
		Map<Long, String> sprints = new HashMap<>();
		repository.sprints(productKey).forEach(s -> sprints.put(s.id(), s.name()));
		return new Places(releases, sprints, repository.closedSprints(productKey));
	}

	/** The release's name (null for none, or a release that is gone). */
	String release(Long id) {
		return id == null ? null : releases.get(id);
	}

	/** The sprint's name (null for none, or a sprint that is gone). */
	String sprint(Long id) {
		return id == null ? null : sprints.get(id);
	}

	boolean closed(Long sprintId) {
		return sprintId != null && closed.contains(sprintId);
	}

}
