package dev.priora.integration;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import dev.priora.accounts.ProductRole;
import dev.priora.backlog.DependencyKind;
import dev.priora.backlog.EstimateUnit;
import dev.priora.backlog.ItemStatus;
import dev.priora.backlog.ItemType;
import dev.priora.backlog.ReadyRule;
import dev.priora.feedback.Channel;
import dev.priora.feedback.FeedbackKind;
import dev.priora.feedback.FeedbackStatus;
import dev.priora.feedback.Sentiment;
import dev.priora.feedback.Importance;
import dev.priora.planning.ReleaseStatus;
import dev.priora.prioritization.ModelDefinition;

/**
 * What the application accepts in each exported column beyond its database type: the
 * enums, ranges and formats its services check when the value is typed in (see
 * {@code DraftValidator}, {@code CustomerService}, {@code FeedbackService},
 * {@code PlanningService}, {@code TeamService}, {@code RoadmapService}, …), and the rules
 * within one row. Values were already converted to their column's JDBC type. Estimates
 * are not held to the product's scale: a scale may change after items were estimated, so
 * a faithful export can hold estimates off the scale.
 */
final class ArchiveRules {

	/** A check of one value: the reason it is refused, or null. */
	interface Rule {

		String problem(Object value);

	}

	/** Receives a refused cell. */
	interface Problems {

		void add(String table, Integer row, String column, String reason);

	}

	private static final Pattern LABEL = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,49}");

	private static final Pattern RANK_KEY = Pattern.compile("[0-9]*[1-9]");

	private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

	private static final Pattern SCALE_VALUE = Pattern.compile("\\d{1,6}(\\.\\d{1,2})?");

	private static final Pattern NUMBERS = Pattern.compile("(\\d{1,9}(,\\d{1,9})*)?");

	private static final Rule NOT_BLANK = v -> ((String) v).isBlank() ? "must not be blank" : null;

	private static final Rule ONE_LINE = v -> ((String) v).isBlank() || ((String) v).contains("\n")
			? "must be one line, not blank" : null;

	private static final Rule NOT_NEGATIVE = v -> signum(v) < 0 ? "must not be negative" : null;

	private static final Rule POSITIVE = v -> signum(v) < 1 ? "must be 1 or more" : null;

	private static final Rule LOWER_LABEL = v -> LABEL.matcher((String) v).matches()
			&& v.equals(((String) v).toLowerCase(Locale.ROOT)) ? null
					: "must be 1 to 50 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit";

	private static final Map<String, Rule> COLUMNS = Map.ofEntries(Map.entry("products.name", NOT_BLANK),
			Map.entry("products.estimate_scale", ArchiveRules::scale), Map.entry("products.next_item_number", POSITIVE),
			Map.entry("products.estimate_unit", oneOf(EstimateUnit.values())),
			Map.entry("products.version", NOT_NEGATIVE), Map.entry("ready_rules.rule_code", oneOf(ReadyRule.values())),
			Map.entry("ready_rules.parameter", range(0, 999_999)),
			Map.entry("product_roles.role", oneOf(ProductRole.values())), Map.entry("items.item_number", POSITIVE),
			Map.entry("items.item_type", oneOf(ItemType.values())), Map.entry("items.title", ONE_LINE),
			Map.entry("items.estimate", NOT_NEGATIVE), Map.entry("items.status", oneOf(ItemStatus.values())),
			Map.entry("items.rank_key", matches(RANK_KEY, "digits only, not ending in 0")),
			Map.entry("items.version", NOT_NEGATIVE), Map.entry("item_labels.label", LOWER_LABEL),
			Map.entry("acceptance_criteria.position", range(0, 999)),
			Map.entry("item_dependencies.kind", oneOf(DependencyKind.values())),
			Map.entry("item_history.field", NOT_BLANK), Map.entry("item_comments.body", NOT_BLANK),
			Map.entry("item_external_keys.source", NOT_BLANK), Map.entry("item_external_keys.external_key", NOT_BLANK),
			Map.entry("customers.name", NOT_BLANK), Map.entry("customers.revenue_amount", range(0, 9_999_999_999_999L)),
			Map.entry("customers.revenue_currency", matches(CURRENCY, "a three-letter ISO 4217 code like EUR")),
			Map.entry("customers.weight", range(0, 1000)), Map.entry("customers.version", NOT_NEGATIVE),
			Map.entry("contacts.name", NOT_BLANK), Map.entry("feedback.body", NOT_BLANK),
			Map.entry("feedback.channel", oneOf(Channel.values())),
			Map.entry("feedback.status", oneOf(FeedbackStatus.values())),
			Map.entry("feedback.kind", oneOf(FeedbackKind.values())),
			Map.entry("feedback.sentiment", oneOf(Sentiment.values())),
			Map.entry("feedback.kind_confidence", range(0, 1)),
			Map.entry("feedback.kind_source", oneOf("predicted", "set")), Map.entry("feedback.version", NOT_NEGATIVE),
			Map.entry("feedback_tags.tag", LOWER_LABEL),
			Map.entry("feedback_links.importance", oneOf(Importance.values())),
			Map.entry("item_demand.customers", NOT_NEGATIVE), Map.entry("item_demand.importance", NOT_NEGATIVE),
			Map.entry("item_demand.revenue", NOT_NEGATIVE), Map.entry("item_demand.feedback", NOT_NEGATIVE),
			Map.entry("item_demand.currency", matches(CURRENCY, "a three-letter ISO 4217 code like EUR")),
			Map.entry("scoring_models.name", NOT_BLANK),
			Map.entry("scoring_models.preset", oneOf(ModelDefinition.presetKeys().toArray(String[]::new))),
			Map.entry("scoring_models.version", NOT_NEGATIVE), Map.entry("score_inputs.criterion", NOT_BLANK),
			Map.entry("score_inputs.input_value", NOT_BLANK), Map.entry("releases.name", NOT_BLANK),
			Map.entry("releases.capacity", range(0, 100_000)),
			Map.entry("releases.status", oneOf(ReleaseStatus.values())), Map.entry("releases.version", NOT_NEGATIVE),
			Map.entry("sprints.name", NOT_BLANK), Map.entry("sprints.capacity", range(0, 100_000)),
			Map.entry("sprints.version", NOT_NEGATIVE), Map.entry("sprint_runs.state", oneOf("ACTIVE", "CLOSED")),
			Map.entry("sprint_runs.committed", NOT_NEGATIVE), Map.entry("sprint_runs.completed", NOT_NEGATIVE),
			Map.entry("sprint_spillover.points", NOT_NEGATIVE),
			Map.entry("sprint_reviews.criteria_met", matches(NUMBERS, "criterion numbers separated by commas")),
			Map.entry("release_decisions.decision", oneOf("CONTINUE", "GO_BACK")),
			Map.entry("release_notes.markdown", NOT_BLANK), Map.entry("team_members.name", NOT_BLANK),
			Map.entry("team_members.email",
					v -> ((String) v).isEmpty() || ((String) v).contains("@") ? null
							: "must be empty or an e-mail address"),
			Map.entry("team_members.capacity", range(0, 1000)), Map.entry("team_members.skills", ArchiveRules::skills),
			Map.entry("team_members.version", NOT_NEGATIVE), Map.entry("member_days_off.days", range(0, 366)),
			// the board's columns are the workflow's statuses but Rejected, limited as
			// the board page limits them
			Map.entry("board_wip_limits.status", oneOf("NEW", "READY", "IN_PROGRESS", "DONE")),
			Map.entry("board_wip_limits.wip_limit", range(1, 999)), Map.entry("health_settings.top_n", range(1, 200)),
			Map.entry("health_settings.stale_days", range(7, 3650)), Map.entry("objectives.title", NOT_BLANK),
			Map.entry("objectives.version", NOT_NEGATIVE),
			Map.entry("roadmap_comments.kind", oneOf("COMMENT", "FEEDBACK")),
			Map.entry("roadmap_comments.body", NOT_BLANK));

	/**
	 * Columns whose values are unique within a product, per table (an empty list: the
	 * table holds at most one row per product).
	 */
	static final Map<String, List<List<String>>> UNIQUE = Map.ofEntries(
			Map.entry("ready_rules", List.of(List.of("rule_code"))),
			Map.entry("product_roles", List.of(List.of("user_id"))),
			Map.entry("items", List.of(List.of("item_number"), List.of("rank_key"))),
			Map.entry("item_labels", List.of(List.of("item_id", "label"))),
			Map.entry("acceptance_criteria", List.of(List.of("item_id", "position"))),
			Map.entry("item_dependencies", List.of(List.of("item_id", "target_id", "kind"))),
			Map.entry("item_external_keys", List.of(List.of("item_id"), List.of("source", "external_key"))),
			Map.entry("feedback_tags", List.of(List.of("feedback_id", "tag"))),
			Map.entry("feedback_links", List.of(List.of("feedback_id", "item_id"))),
			Map.entry("item_demand", List.of(List.of("item_id"))),
			Map.entry("scoring_models", List.of(List.of("name"))),
			Map.entry("score_inputs", List.of(List.of("model_id", "item_id", "criterion"))),
			Map.entry("pinned_items", List.of(List.of("item_id"))), Map.entry("releases", List.of(List.of("name"))),
			Map.entry("sprints", List.of(List.of("name"))), Map.entry("planned_items", List.of(List.of("item_id"))),
			Map.entry("sprint_runs", List.of(List.of("sprint_id"))),
			Map.entry("sprint_spillover", List.of(List.of("sprint_id", "item_id"))),
			Map.entry("sprint_reviews", List.of(List.of("sprint_id", "item_id"))),
			Map.entry("release_notes", List.of(List.of("release_id"))),
			Map.entry("team_members", List.of(List.of("name"))),
			Map.entry("member_days_off", List.of(List.of("member_id", "sprint_id"))),
			Map.entry("item_assignees", List.of(List.of("item_id"))), Map.entry("product_goals", List.of(List.of())),
			Map.entry("objectives", List.of(List.of("title"))),
			Map.entry("item_objectives", List.of(List.of("item_id", "objective_id"))),
			Map.entry("health_settings", List.of(List.of())));

	private ArchiveRules() {
	}

	/** The reason the column's value is refused, or null. */
	static String check(String table, String column, Object value) {
		Rule rule = COLUMNS.get(table + "." + column);
		return rule == null ? null : rule.problem(value);
	}

	/** Rules between the columns of one row. */
	static void checkRow(String table, int row, Map<String, Object> v, Problems problems) {
		switch (table) {
			case "ready_rules" -> {
				if ("SMALL_ENOUGH".equals(v.get("rule_code")) && Boolean.TRUE.equals(v.get("enabled"))
						&& (v.get("parameter") == null || (Integer) v.get("parameter") < 1)) {
					problems.add(table, row, "parameter", "the size rule needs a limit of 1 or more");
				}
			}
			case "items" -> {
				if ("EPIC".equals(v.get("item_type")) && v.get("parent_id") != null) {
					problems.add(table, row, "parent_id", "an epic cannot have a parent");
				}
			}
			case "item_comments" -> {
				if (v.get("author_id") == null && (!(v.get("source") instanceof String s) || s.isBlank())) {
					problems.add(table, row, "source",
							"a comment without an author_id was brought over from another tool: name it");
				}
			}
			case "customers" -> {
				if (v.get("revenue_amount") != null && v.get("revenue_currency") == null) {
					problems.add(table, row, "revenue_currency", "is required with a revenue");
				}
			}
			case "sprints" -> {
				if (v.get("start_date") instanceof java.time.LocalDate start
						&& v.get("end_date") instanceof java.time.LocalDate end && end.isBefore(start)) {
					problems.add(table, row, "end_date", "must not be before the start_date");
				}
			}
			case "sprint_runs" -> {
				if ("CLOSED".equals(v.get("state")) && (v.get("closed_at") == null || v.get("completed") == null)) {
					problems.add(table, row, "closed_at", "a closed run needs closed_at and completed");
				}
			}
			default -> {
			}
		}
	}

	private static Rule oneOf(Enum<?>[] values) {
		return oneOf(Arrays.stream(values).map(Enum::name).toArray(String[]::new));
	}

	private static Rule oneOf(String... values) {
		List<String> allowed = List.of(values);
		return v -> allowed.contains(v) ? null : "must be one of " + String.join(", ", allowed);
	}

	private static Rule range(long min, long max) {
		return v -> {
			BigDecimal d = new BigDecimal(v.toString());
			return d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0
					? "must be from " + min + " to " + max : null;
		};
	}

	private static Rule matches(Pattern pattern, String what) {
		return v -> pattern.matcher((String) v).matches() ? null : "must be " + what;
	}

	private static int signum(Object v) {
		return new BigDecimal(v.toString()).signum();
	}

	private static String scale(Object value) {
		String[] values = ((String) value).split(",", -1);
		if (values.length > 30 || Arrays.stream(values).anyMatch(s -> !SCALE_VALUE.matcher(s).matches())) {
			return "must be 1 to 30 numbers from 0 to 999999 with at most 2 decimals, separated by commas";
		}
		return null;
	}

	private static String skills(Object value) {
		String s = (String) value;
		if (s.isEmpty()) {
			return null;
		}
		for (String skill : s.split(",", -1)) {
			if (skill.isBlank() || !skill.equals(skill.strip().toLowerCase(Locale.ROOT))) {
				return "must be lower-case skills separated by commas";
			}
		}
		return null;
	}

}
