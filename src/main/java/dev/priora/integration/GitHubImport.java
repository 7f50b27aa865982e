package dev.priora.integration;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.accounts.UserId;
import dev.priora.backlog.BacklogProblem;
import dev.priora.backlog.BacklogService;
import dev.priora.backlog.ItemDraft;
import dev.priora.backlog.ItemKey;
import dev.priora.backlog.ItemStatus;
import dev.priora.backlog.ItemType;
import dev.priora.backlog.Placement;
import dev.priora.backlog.ProductService;
import dev.priora.planning.PlanningService;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports GitHub issues from the REST API's JSON (one page — an array of issues — or
 * several pages as an array of arrays): pull requests are skipped, issues labelled "bug"
 * become bugs and the others stories, labels stay labels, milestones become releases
 * (created when missing, with their due date), closed issues are done. Each issue keeps
 * its "owner/repo#number" key, so importing again adds nothing. A dry run reports what
 * would happen; the import itself is all or nothing.
 */
@Service
public class GitHubImport {

	/** Largest file accepted, in bytes. */
	public static final int MAX_BYTES = 32 * 1024 * 1024;

	/** What an import did, or would do: counts and every skipped row with its reason. */
	public record Report(boolean dryRun, int issues, int created, int alreadyImported, int pullRequests,
			int releasesCreated, List<String> createdItems, List<Skipped> skipped) {
	}

	/** A row (1-based position in the file) left out, and why. */
	public record Skipped(int row, String reason) {
	}

	private final ProductService products;

	private final BacklogService backlog;

	private final PlanningService planning;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	GitHubImport(ProductService products, BacklogService backlog, PlanningService planning, JdbcClient jdbc,
			JsonMapper json) {
		this.products = products;
		this.backlog = backlog;
		this.planning = planning;
		this.jdbc = jdbc;
		this.json = json;
	}

	@Transactional
	public Report importIssues(String productKey, byte[] file, boolean dryRun, UserId user) {
		String key = products.get(productKey).key();
		List<JsonNode> issues = issues(file);
		Set<String> known = new LinkedHashSet<>(
				jdbc.sql("select external_key from item_external_keys where product_key = ? and source = 'github'")
					.param(key)
					.query(String.class)
					.list());
		Map<String, Long> releases = new HashMap<>();
		planning.board(key).releases().forEach(r -> releases.put(r.name().toLowerCase(Locale.ROOT), r.id()));
		int created = 0;
		int already = 0;
		int pulls = 0;
		int releasesCreated = 0;
		List<String> createdKeys = new ArrayList<>();
		List<Skipped> skipped = new ArrayList<>();
		for (int i = 0; i < issues.size(); i++) {
			JsonNode issue = issues.get(i);
			int row = i + 1;
			if (!issue.isObject()) {
				skipped.add(new Skipped(row, "is not an issue object"));
				continue;
			}
			if (issue.has("pull_request")) {
				pulls++;
				continue;
			}
			String title = text(issue, "title");
			String external = externalKey(issue);
			if (title.isBlank() || external == null) {
				skipped.add(new Skipped(row, "has no title or no number"));
				continue;
			}
			if (!known.add(external)) {
				already++;
				continue;
			}
			List<String> labels = new ArrayList<>();
			boolean bug = false;
			for (JsonNode l : issue.path("labels")) {
				String name = l.isObject() ? text(l, "name") : l.asString();
				bug |= name.equalsIgnoreCase("bug");
				String clean = name.toLowerCase(Locale.ROOT)
					.replaceAll("[^\\p{L}\\p{N}._-]+", "-")
					.replaceAll("^[^\\p{L}\\p{N}]+", "");
				if (!clean.isEmpty() && labels.size() < 20) {
					labels.add(clean.length() > 50 ? clean.substring(0, 50) : clean);
				}
			}
			String milestone = issue.path("milestone").isObject() ? text(issue.path("milestone"), "title") : "";
			if (!milestone.isBlank() && !releases.containsKey(milestone.toLowerCase(Locale.ROOT))) {
				releasesCreated++;
				releases.put(milestone.toLowerCase(Locale.ROOT),
						dryRun ? -1L
								: planning
									.createRelease(key, clip(milestone, 100), due(issue.path("milestone")), null, false)
									.id());
			}
			created++;
			if (dryRun) {
				continue;
			}
			String body = text(issue, "body");
			String description = (body.length() > 45_000 ? body.substring(0, 45_000) + "…" : body)
					+ (issue.has("html_url") ? "\n\nImported from " + text(issue, "html_url") : "");
			ItemKey item;
			try {
				item = backlog
					.create(key,
							new ItemDraft(bug ? ItemType.BUG : ItemType.STORY, clip(title, 300), description.strip(),
									null, labels, null, List.of()),
							new Placement.Bottom(), user)
					.key();
			}
			catch (BacklogProblem e) {
				throw BacklogProblem.invalid("row " + row, e.getMessage());
			}
			createdKeys.add(item.toString());
			if ("closed".equals(text(issue, "state"))) {
				long version = backlog.item(item).version();
				for (ItemStatus s : List.of(ItemStatus.READY, ItemStatus.IN_PROGRESS, ItemStatus.DONE)) {
					version = backlog.changeStatus(item, s, version, true, user, "imported as closed from GitHub")
						.version();
				}
			}
			if (!milestone.isBlank()) {
				planning.assign(item, releases.get(milestone.toLowerCase(Locale.ROOT)), null, user);
			}
			jdbc.sql("""
					insert into item_external_keys (item_id, product_key, source, external_key)
					select i.id, ?, 'github', ? from items i join products p on p.id = i.product_id
					where p.product_key = ? and i.item_number = ?""")
				.params(key, external, key, item.number())
				.update();
		}
		if (created + already + pulls == 0) {
			throw BacklogProblem.invalid("file", "holds no GitHub issues"
					+ (skipped.isEmpty() ? "" : " (row " + skipped.get(0).row() + " " + skipped.get(0).reason() + ")"));
		}
		return new Report(dryRun, issues.size(), created, already, pulls, releasesCreated, createdKeys, skipped);
	}

	private List<JsonNode> issues(byte[] file) {
		if (file == null || file.length == 0) {
			throw BacklogProblem.invalid("file", "is empty");
		}
		if (file.length > MAX_BYTES) {
			throw BacklogProblem.invalid("file", "is larger than " + MAX_BYTES / 1024 / 1024 + " MB");
		}
		JsonNode root;
		try {
			root = json.readTree(file);
		}
		catch (JacksonException e) {
			throw BacklogProblem.invalid("file", "is not valid JSON: " + e.getOriginalMessage());
		}
		if (root == null || !root.isArray()) {
			if (root != null && root.isObject() && root.path("items").isArray()) {
				root = root.path("items");
			}
			else {
				throw BacklogProblem.invalid("file", "must be GitHub's issue list: an array of issues (or of pages)");
			}
		}
		List<JsonNode> issues = new ArrayList<>();
		for (JsonNode n : root) {
			if (n.isArray()) {
				n.forEach(issues::add);
			}
			else {
				issues.add(n);
			}
		}
		return issues;
	}

	private static String externalKey(JsonNode issue) {
		if (!issue.path("number").isNumber()) {
			return null;
		}
		String repo = text(issue, "repository_url");
		int at = repo.indexOf("/repos/");
		return (at >= 0 ? repo.substring(at + 7) : "") + "#" + issue.path("number").asLong();
	}

	private static LocalDate due(JsonNode milestone) {
		String due = text(milestone, "due_on");
		try {
			return due.isBlank() ? null : OffsetDateTime.parse(due).toLocalDate();
		}
		catch (java.time.format.DateTimeParseException e) {
			return null;
		}
	}

	private static String text(JsonNode node, String field) {
		JsonNode v = node.path(field);
		return v.isValueNode() && !v.isNull() ? v.asString() : "";
	}

	private static String clip(String s, int max) {
		return s.length() > max ? s.substring(0, max) : s;
	}

}
