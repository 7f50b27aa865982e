package dev.priora.prioritization;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.problem.DomainProblem;
import dev.priora.prioritization.engine.ModelSpec;

/**
 * The priority map: value (the benefit side of a model) against effort (its cost side)
 * for the unfinished scorable items, split into quadrants at the median value and effort
 * of the items shown: quick wins (high value, low effort), big bets (high, high),
 * fill-ins (low, low) and money pits (low value, high effort).
 */
@Service
public class PriorityMap {

	/** One item on the map. */
	public record Point(String key, String title, String epic, double value, double effort, double score,
			String quadrant) {
	}

	/** The points, where the quadrants split, and how many items could not be placed. */
	public record MapView(ScoringModelView model, List<Point> points, double valueSplit, double effortSplit,
			double maxValue, double maxEffort, int notScorable) {
	}

	private final PrioritizationService scores;

	private final ScoringModels models;

	private final AlignmentRepository alignments;

	PriorityMap(PrioritizationService scores, ScoringModels models, AlignmentRepository alignments) {
		this.scores = scores;
		this.models = models;
		this.alignments = alignments;
	}

	@Transactional(readOnly = true)
	public MapView map(String productKey, Long modelId, String epic, String label) {
		return map(productKey, modelId, epic, label, null);
	}

	/** An objective a map can be narrowed to (from the roadmap's objectives). */
	public record ObjectiveOption(long id, String title) {
	}

	/** The product's objectives, for the map's filter. */
	public List<ObjectiveOption> objectives(String productKey) {
		return alignments.objectives(productKey.toUpperCase(java.util.Locale.ROOT));
	}

	/**
	 * As above, narrowed to the items aligned with an objective when {@code objective} is
	 * given.
	 */
	@Transactional(readOnly = true)
	public MapView map(String productKey, Long modelId, String epic, String label, Long objective) {
		java.util.Set<String> aligned = objective == null ? null : new java.util.HashSet<>(
				alignments.alignedItems(productKey.toUpperCase(java.util.Locale.ROOT), objective));
		ScoringModelView model = models.model(productKey, modelId);
		if (model.definition().formula() == ModelSpec.Formula.CATEGORY) {
			throw DomainProblem.invalid("model", model.name() + " sorts into categories; the map needs a model with"
					+ " value and effort, such as RICE, WSJF or value ÷ effort");
		}
		List<ItemScore> items = scores.scores(productKey, model.id())
			.stream()
			.filter(ItemScore::open)
			.filter(i -> epic == null || epic.isBlank() || epic.equalsIgnoreCase(i.epic()))
			.filter(i -> label == null || label.isBlank() || i.labels().contains(label.strip().toLowerCase()))
			.filter(i -> aligned == null || aligned.contains(i.key()))
			.toList();
		List<ItemScore> scorable = items.stream().filter(i -> i.score().scorable()).toList();
		double valueSplit = median(scorable.stream().mapToDouble(i -> i.score().benefit()).toArray());
		double effortSplit = median(scorable.stream().mapToDouble(i -> i.score().cost()).toArray());
		List<Point> points = new ArrayList<>();
		double maxValue = 0;
		double maxEffort = 0;
		for (ItemScore i : scorable) {
			double v = i.score().benefit();
			double e = i.score().cost();
			maxValue = Math.max(maxValue, v);
			maxEffort = Math.max(maxEffort, e);
			String quadrant = v >= valueSplit ? (e <= effortSplit ? "quick win" : "big bet")
					: (e <= effortSplit ? "fill-in" : "money pit");
			points.add(new Point(i.key(), i.title(), i.epic(), v, e, i.score().value(), quadrant));
		}
		return new MapView(model, points, valueSplit, effortSplit, maxValue, maxEffort, items.size() - scorable.size());
	}

	static double median(double[] values) {
		if (values.length == 0) {
			return 0;
		}
		double[] v = values.clone();
		Arrays.sort(v);
		return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
	}

}
