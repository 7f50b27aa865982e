package dev.priora.refinement.health;

import java.util.List;

import dev.priora.refinement.health.HealthReport.Finding;
import dev.priora.refinement.health.HealthReport.FindingItem;
import dev.priora.refinement.health.engine.HealthScore;

/**
 * The findings of one kind and the score's part they make: {@code count} of {@code of}
 * fall short.
 */
record Found(Finding finding, HealthScore.Part part) {

	/** Most items a finding lists (the count says how many there are). */
	static final int SHOWN = 50;

	static Found of(FindingKind kind, String title, String description, int count, int of, List<FindingItem> items,
			String link) {
		List<FindingItem> shown = items.size() > SHOWN ? items.subList(0, SHOWN) : items;
		return new Found(new Finding(kind, title, description, count, shown, count > shown.size(), link),
				new HealthScore.Part(kind.weight(), count, of));
	}

	static Found of(FindingKind kind, int count, int of, List<FindingItem> items) {
		return of(kind, kind.title(), kind.description(), count, of, items, null);
	}

	HealthReport.Part reportPart() {
		return new HealthReport.Part(finding.kind(), part.weight(), part.count(), part.of(),
				Math.round(part.lost() * 10) / 10.0);
	}

}
