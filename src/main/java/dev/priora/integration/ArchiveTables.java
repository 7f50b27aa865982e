package dev.priora.integration;

import java.util.List;
import java.util.Map;

/**
 * The tables a product export holds, in the order they are written back, each with the
 * query that picks the product's rows (alias {@code t}; {@code :pid} is the product's id,
 * {@code :key} its key), a stable order, its surrogate id column (null when it has none),
 * and the columns that refer to other tables' rows ("users" for people). Operational
 * tables (import jobs, draft plans, undo records, share links and form secrets) are left
 * out on purpose.
 */
final class ArchiveTables {

	static final String USERS = "users";

	/** One table of the export. */
	record Table(String name, String where, String order, String id, Map<String, String> refs) {

		String select() {
			return "select t.* from " + name + " t " + where + " order by " + order;
		}

	}

	static final List<Table> ALL = List.of(
			new Table("products", "where t.id = :pid", "t.id", "id", Map.of("created_by", USERS, "updated_by", USERS)),
			new Table("ready_rules", "where t.product_id = :pid", "t.rule_code", null,
					Map.of("product_id", "products")),
			new Table("product_roles", "where t.product_key = :key", "t.user_id", null,
					Map.of("user_id", USERS, "granted_by", USERS)),
			new Table("items", "where t.product_id = :pid", "t.id", "id",
					Map.of("product_id", "products", "parent_id", "items", "created_by", USERS, "updated_by", USERS)),
			new Table("item_labels", items(), "t.item_id, t.label", null, Map.of("item_id", "items")),
			new Table("acceptance_criteria", items(), "t.item_id, t.position", null, Map.of("item_id", "items")),
			new Table("item_dependencies", "where t.product_id = :pid", "t.id", "id",
					Map.of("product_id", "products", "item_id", "items", "target_id", "items", "created_by", USERS)),
			new Table("item_history", items(), "t.id", "id", Map.of("item_id", "items", "changed_by", USERS)),
			new Table("item_comments", items(), "t.id", "id", Map.of("item_id", "items", "author_id", USERS)),
			new Table("item_external_keys", items(), "t.item_id", null, Map.of("item_id", "items")),
			new Table("customers", "where t.product_key = :key", "t.id", "id",
					Map.of("created_by", USERS, "updated_by", USERS)),
			new Table("contacts", "join customers c on c.id = t.customer_id where c.product_key = :key", "t.id", "id",
					Map.of("customer_id", "customers")),
			new Table("feedback", "where t.product_key = :key", "t.id", "id",
					Map.of("customer_id", "customers", "contact_id", "contacts", "merged_into", "feedback",
							"submitted_by", USERS, "suggested_customer_id", "customers", "vote_of", "feedback")),
			new Table("feedback_tags", feedback(), "t.feedback_id, t.tag", null, Map.of("feedback_id", "feedback")),
			new Table("feedback_links", feedback(), "t.feedback_id, t.item_id", null,
					Map.of("feedback_id", "feedback", "item_id", "items", "created_by", USERS)),
			new Table("item_demand", items(), "t.item_id", null, Map.of("item_id", "items")),
			new Table("scoring_models", "where t.product_key = :key", "t.id", "id", Map.of("updated_by", USERS)),
			new Table("score_inputs", models(), "t.model_id, t.item_id, t.criterion", null,
					Map.of("model_id", "scoring_models", "item_id", "items", "updated_by", USERS)),
			new Table("score_history", models(), "t.id", "id",
					Map.of("model_id", "scoring_models", "item_id", "items", "changed_by", USERS)),
			new Table("pinned_items", items(), "t.item_id", null, Map.of("item_id", "items", "pinned_by", USERS)),
			new Table("releases", "where t.product_key = :key", "t.id", "id", Map.of()),
			new Table("sprints", "where t.product_key = :key", "t.id", "id", Map.of("release_id", "releases")),
			new Table("planned_items", items(), "t.item_id", null,
					Map.of("item_id", "items", "release_id", "releases", "sprint_id", "sprints", "updated_by", USERS)),
			new Table("assignment_log", items(), "t.id", "id",
					Map.of("item_id", "items", "release_id", "releases", "sprint_id", "sprints")),
			new Table("sprint_runs", sprints(), "t.sprint_id", null,
					Map.of("sprint_id", "sprints", "started_by", USERS, "closed_by", USERS)),
			new Table("sprint_spillover", sprints(), "t.sprint_id, t.item_id", null,
					Map.of("sprint_id", "sprints", "item_id", "items", "moved_to", "sprints")),
			new Table("sprint_reviews", sprints(), "t.sprint_id, t.item_id", null,
					Map.of("sprint_id", "sprints", "item_id", "items", "reviewed_by", USERS)),
			new Table("release_decisions", releases(), "t.id", "id",
					Map.of("release_id", "releases", "decided_by", USERS)),
			new Table("release_notes", releases(), "t.release_id", null,
					Map.of("release_id", "releases", "published_by", USERS)),
			new Table("team_members", "where t.product_key = :key", "t.id", "id", Map.of()),
			new Table("board_wip_limits", "where t.product_key = :key", "t.status", null, Map.of()),
			new Table("member_days_off", "join team_members m on m.id = t.member_id where m.product_key = :key",
					"t.member_id, t.sprint_id", null, Map.of("member_id", "team_members", "sprint_id", "sprints")),
			new Table("item_assignees", items(), "t.item_id", null,
					Map.of("item_id", "items", "member_id", "team_members")),
			new Table("product_goals", "where t.product_key = :key", "t.product_key", null, Map.of()),
			new Table("objectives", "where t.product_key = :key", "t.id", "id", Map.of()),
			new Table("item_objectives", items(), "t.item_id, t.objective_id", null,
					Map.of("item_id", "items", "objective_id", "objectives")),
			new Table("roadmap_comments", "where t.product_key = :key", "t.id", "id", Map.of("author", USERS)),
			new Table("followup_settings", "where t.product_key = :key", "t.product_key", null, Map.of()),
			new Table("estimate_settings", "where t.product_key = :key", "t.product_key", null, Map.of()),
			new Table("health_settings", "where t.product_key = :key", "t.product_key", null, Map.of()));

	/**
	 * Tables left out on purpose: the workspace's (users, tokens, passkeys, sessions,
	 * audit, settings, single sign-on providers, policy and group roles), operational
	 * records (background jobs and the scheduler's executions, draft plans and undo
	 * records, webhook deliveries), secrets (share links, public forms, webhooks), and
	 * derived data recomputed in the background (items' sentence vectors; the releases'
	 * last forecast flags and the requests to compute them again), and each person's own
	 * mail and notifications (the mail outbox, notifications, watches, notification
	 * preferences and digest records: they belong to users, who are not exported), the
	 * server's own keys (the unsubscribe-link HMAC key: a secret), and the messages
	 * drafted and sent to customers (followups and the feedback each answers: a log of
	 * mails sent, keyed by who asked and what shipped; a restored product drafts again
	 * only for what ships after the restore), the live updates' change table (minutes of
	 * what changed, for connected browsers), planning poker sessions with their items,
	 * participants and votes (a meeting's working record, of people who are not exported;
	 * what it decided is in the items' estimates and their history, which are), and the
	 * daily backlog health scores (derived from the backlog by the daily task, with its
	 * marks of weekly summaries sent; a restored product's history starts again), the
	 * customer portal (its settings with the logo, its visitors — people, not exported —
	 * with their sign-in links, and the ideas, votes, comments and follows they made, the
	 * team's replies to them, the items it shows on its public roadmap, its visitors'
	 * e-mail subscriptions and the record of changelogs mailed; the ideas' and votes'
	 * feedback is exported as feedback), and the check of the product's feedback-kind
	 * model (derived from the kinds set by hand, which are exported with the feedback;
	 * checked again when a kind is next set), and the feedback themes with their
	 * memberships, edits and announced spikes (derived from the feedback by clustering; a
	 * restored product's themes are recomputed after its import), and the plan scenarios
	 * with their changes and results (what-if plans like the optimizer's plans, also left
	 * out: their changes name team members, sprints and releases by the ids of the
	 * moment, and their results are the planner's and forecaster's answers on the board
	 * as it was; a restored product's scenarios are made and run again).
	 */
	static final List<String> LEFT_OUT = List.of("users", "api_tokens", "account_links", "security_events",
			"two_factor", "two_factor_recovery_codes", "account_policy", "user_entities", "user_credentials",
			"spring_session", "spring_session_attributes", "flyway_schema_history", "workspace_settings", "import_jobs",
			"backlog_import_jobs", "jobs", "job_inputs", "scheduled_tasks", "release_plans", "order_changes",
			"bulk_changes", "bulk_change_items", "roadmap_links", "public_forms", "webhooks", "webhook_deliveries",
			"rate_limits", "item_vectors", "item_vector_codes", "feedback_vector_codes", "mail_outbox", "notifications",
			"watches", "notification_preferences", "release_flags", "release_flag_requests", "notification_digests",
			"server_keys", "followups", "followup_feedback", "live_events", "poker_sessions", "poker_items",
			"poker_participants", "poker_votes", "health_scores", "portal_settings", "portal_visitors",
			"portal_sign_in_links", "portal_ideas", "portal_votes", "portal_comments", "portal_follows", "kind_models",
			"themes", "theme_feedback", "theme_edits", "theme_spikes", "portal_public_items", "portal_subscriptions",
			"portal_changelog_mailed", "portal_replies", "scenarios", "scenario_changes", "scenario_results",
			"scenario_result_releases", "scenario_result_items", "portal_sign_in_providers", "sso_providers",
			"sso_settings", "sso_group_roles");

	/** Columns that name the product itself: filled in with the new product on import. */
	static final List<String> PRODUCT_COLUMNS = List.of("product_id", "product_key");

	/**
	 * Columns never exported: derived data recomputed after an import (feedback
	 * embeddings with the name of the sentence model that computed them, customers'
	 * normalised names), and the public form a feedback came through (the forms are left
	 * out: their links are secrets of this server).
	 */
	static final List<String> DROPPED_COLUMNS = List.of("embedding", "embedding_model", "name_key", "public_form_id");

	private ArchiveTables() {
	}

	private static String items() {
		return "join items i on i.id = t.item_id where i.product_id = :pid";
	}

	private static String feedback() {
		return "join feedback f on f.id = t.feedback_id where f.product_key = :key";
	}

	private static String models() {
		return "join scoring_models m on m.id = t.model_id where m.product_key = :key";
	}

	private static String sprints() {
		return "join sprints s on s.id = t.sprint_id where s.product_key = :key";
	}

	private static String releases() {
		return "join releases r on r.id = t.release_id where r.product_key = :key";
	}

}
