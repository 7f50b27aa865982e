package dev.priora.backlog;

import java.util.ArrayList;
import java.util.List;

import dev.priora.backlog.engine.DefinitionOfReady;
import dev.priora.backlog.engine.DefinitionOfReady.Check;
import dev.priora.backlog.engine.DefinitionOfReady.Requirement;

/**
 * A product's Definition of Ready, both as the engine that explains it and as the SQL
 * that filters by it.
 */
final class ReadinessRules {

	private final List<Requirement> requirements;

	private final DefinitionOfReady definition;

	private ReadinessRules(List<Requirement> requirements) {
		this.requirements = List.copyOf(requirements);
		this.definition = new DefinitionOfReady(requirements);
	}

	static List<ReadyRuleSetting> defaults() {
		List<ReadyRuleSetting> settings = new ArrayList<>();
		for (ReadyRule rule : ReadyRule.values()) {
			settings
				.add(new ReadyRuleSetting(rule, rule.enabledByDefault(), rule == ReadyRule.SMALL_ENOUGH ? 13 : null));
		}
		return settings;
	}

	static ReadinessRules of(List<ReadyRuleSetting> settings) {
		List<Requirement> reqs = new ArrayList<>();
		for (ReadyRuleSetting s : settings) {
			if (s.enabled()) {
				reqs.add(new Requirement(check(s.rule()), s.limit() == null ? 0 : s.limit()));
			}
		}
		reqs.sort((a, b) -> a.check().compareTo(b.check()));
		return new ReadinessRules(reqs);
	}

	private static Check check(ReadyRule rule) {
		return switch (rule) {
			case HAS_DESCRIPTION -> Check.DESCRIPTION;
			case HAS_ACCEPTANCE_CRITERIA -> Check.ACCEPTANCE_CRITERIA;
			case IS_ESTIMATED -> Check.ESTIMATE;
			case PREREQUISITES_DONE -> Check.PREREQUISITES;
			case HAS_EPIC -> Check.EPIC;
			case SMALL_ENOUGH -> Check.SIZE;
		};
	}

	Readiness evaluate(DefinitionOfReady.Facts facts) {
		var result = definition.evaluate(facts);
		return new Readiness(result.ready(), result.reasons());
	}

	/**
	 * A boolean SQL expression over the item alias {@code i}: true exactly when the item
	 * is ready.
	 */
	String sql() {
		if (requirements.isEmpty()) {
			return "(1 = 1)";
		}
		List<String> parts = new ArrayList<>();
		for (Requirement r : requirements) {
			parts.add(switch (r.check()) {
				case DESCRIPTION -> "length(trim(i.description)) > 0";
				case ACCEPTANCE_CRITERIA -> "exists (select 1 from acceptance_criteria ac where ac.item_id = i.id)";
				case ESTIMATE -> "i.estimate is not null";
				case PREREQUISITES -> "not exists (select 1 from item_dependencies d join items t on t.id = d.target_id"
						+ " where d.item_id = i.id and d.kind = 'DEPENDS_ON' and t.status <> 'DONE')";
				case EPIC -> "(i.item_type = 'EPIC' or i.parent_id is not null)";
				case SIZE -> "(i.estimate is null or i.estimate <= " + r.limit() + ")";
			});
		}
		return "(" + String.join(" and ", parts) + ")";
	}

}
