package dev.priora.refinement.health;

import java.time.Instant;
import java.util.List;

/**
 * A product's backlog health now: the score (0 to 100, see {@code engine.HealthScore})
 * with its parts, and the findings by kind, each with its items and the links that fix
 * them. Links are paths of the application ({@code /p/SHOP/items/SHOP-12}).
 *
 * @param cycleTimeP85 days within which 85 % of the product's finished items were done,
 * or null before any was
 */
public record HealthReport(String productKey, int score, List<Part> parts, List<Finding> findings,
		HealthSettings settings, Double cycleTimeP85, Instant computedAt) {

	public HealthReport {
		parts = List.copyOf(parts);
		findings = List.copyOf(findings);
	}

	/** How many findings in all (items, chains or pairs). */
	public int total() {
		return findings.stream().mapToInt(Finding::count).sum();
	}

	/**
	 * One part of the score: {@code count} of {@code of} fall short, which loses
	 * {@code lost} of the kind's {@code weight} points.
	 */
	public record Part(FindingKind kind, int weight, int count, int of, double lost) {
	}

	/**
	 * The findings of one kind: how many in all, the first of them ({@code more}: not all
	 * are listed), and an overview link (the dependency graph for chains), or null.
	 */
	public record Finding(FindingKind kind, String title, String description, int count, List<FindingItem> items,
			boolean more, String link) {

		public Finding {
			items = List.copyOf(items);
		}

	}

	/**
	 * One finding: the item, what is wrong with it, its page ({@code link}) and the link
	 * that fixes it ({@code fixLink}: the field to fill, the feedback to link…) labelled
	 * {@code fix}; {@code related} are the other items it concerns (a chain's
	 * prerequisites, a duplicate's twin).
	 */
	public record FindingItem(String key, String title, String status, String detail, String link, String fix,
			String fixLink, List<String> related) {

		public FindingItem {
			related = List.copyOf(related);
		}

	}

}
