package dev.priora.backlog.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates a Definition of Ready: a list of checks, each failing with a reason a person
 * can act on. The same checks are expressed in SQL for filtering; a test keeps the two in
 * step.
 */
public final class DefinitionOfReady {

	/** The checks a Definition of Ready can contain. */
	public enum Check {

		DESCRIPTION, ACCEPTANCE_CRITERIA, ESTIMATE, PREREQUISITES, EPIC, SIZE

	}

	/**
	 * One enabled check; {@code limit} is the largest allowed estimate for
	 * {@link Check#SIZE}.
	 */
	public record Requirement(Check check, int limit) {
	}

	/**
	 * What is known of one item. {@code unfinishedPrerequisites} are the keys of items it
	 * depends on that are not done; {@code estimate} is null when unestimated.
	 */
	public record Facts(boolean epic, boolean hasDescription, int acceptanceCriteria, BigDecimal estimate,
			boolean hasParent, List<String> unfinishedPrerequisites) {
		public Facts {
			unfinishedPrerequisites = List.copyOf(unfinishedPrerequisites);
		}
	}

	/** The outcome: ready when {@code reasons} is empty. */
	public record Result(List<String> reasons) {
		public Result {
			reasons = List.copyOf(reasons);
		}

		public boolean ready() {
			return reasons.isEmpty();
		}
	}

	private final List<Requirement> requirements;

	public DefinitionOfReady(List<Requirement> requirements) {
		this.requirements = List.copyOf(requirements);
	}

	public Result evaluate(Facts facts) {
		List<String> reasons = new ArrayList<>();
		for (Requirement r : requirements) {
			String reason = failure(r, facts);
			if (reason != null) {
				reasons.add(reason);
			}
		}
		return new Result(reasons);
	}

	private static String failure(Requirement r, Facts f) {
		return switch (r.check()) {
			case DESCRIPTION -> f.hasDescription() ? null : "has no description";
			case ACCEPTANCE_CRITERIA -> f.acceptanceCriteria() > 0 ? null : "has no acceptance criterion";
			case ESTIMATE -> f.estimate() != null ? null : "is not estimated";
			case PREREQUISITES -> f.unfinishedPrerequisites().isEmpty() ? null
					: "waits on unfinished " + String.join(", ", f.unfinishedPrerequisites());
			case EPIC -> f.epic() || f.hasParent() ? null : "belongs to no epic";
			case SIZE ->
				f.estimate() == null || f.estimate().compareTo(BigDecimal.valueOf(r.limit())) <= 0 ? null : "estimate "
						+ f.estimate().stripTrailingZeros().toPlainString() + " is above the limit of " + r.limit();
		};
	}

}
