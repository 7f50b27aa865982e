package dev.priora.integration.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.priora.integration.engine.ImportBatch.Item;
import dev.priora.integration.engine.ImportBatch.Kind;
import dev.priora.integration.engine.ImportBatch.LinkKind;
import dev.priora.integration.engine.ImportBatch.Note;
import dev.priora.integration.engine.ImportBatch.State;

/**
 * Reads Jira's REST JSON: {@code /search} result pages and Agile sprint-issue pages (one
 * page, a list of pages, or one issue), optionally wrapped as {@code {"fields": [...],
 * "sprints": [...], "issues": ...}} where {@code fields} is {@code GET /rest/api/2/field}
 * (custom field ids to names) and {@code sprints} a board's sprints (their dates). Custom
 * fields are found by name (Story Points, Story point estimate, Epic Link, Sprint) from
 * the fields list or the page's {@code names}; without either, story points are looked
 * for in {@code customfield_10016} and {@code customfield_10002} (Jira Cloud's and
 * Server's usual ids) unless {@link Options} names the field.
 */
public final class JiraJson {

	/** Field ids to use when the export does not say (null: find by name). */
	public record Options(String storyPointsField, String epicLinkField) {
	}

	private JiraJson() {
	}

	/**
	 * Reads the parsed document.
	 * @throws IllegalArgumentException when it holds no Jira issues
	 */
	public static ImportBatch parse(Object root, Mapping mapping, Options options) {
		List<Object> issues = new ArrayList<>();
		Map<String, String> names = new HashMap<>();
		Map<String, ImportBatch.Sprint> sprintInfo = new HashMap<>();
		JiraPages.collect(root, issues, names, sprintInfo);
		if (issues.isEmpty()) {
			if (!Tree.list(root, "values").isEmpty()) {
				throw new IllegalArgumentException("holds a board's sprints, not issues; give it as \"sprints\" next to"
						+ " the issues ({\"sprints\": …, \"issues\": …}) or import the issue pages");
			}
			throw new IllegalArgumentException("holds no Jira issues: expected a /search or Agile result page"
					+ " ({\"issues\": [...]}), a list of pages, or one issue");
		}
		List<String> points = new ArrayList<>();
		String epicLink = options.epicLinkField();
		String sprintField = null;
		if (options.storyPointsField() != null && !options.storyPointsField().isBlank()) {
			points.add(options.storyPointsField().strip());
		}
		for (var e : names.entrySet()) {
			String n = Mapping.norm(e.getValue());
			if (n.contains("story point") || n.contains("puntos de historia") || n.contains("points d'histoire")) {
				points.add(e.getKey());
			}
			else if (epicLink == null && (n.equals("epic link") || n.equals("enlace de epica"))) {
				epicLink = e.getKey();
			}
			else if (n.equals("sprint") && e.getKey().startsWith("customfield_")) {
				sprintField = e.getKey();
			}
		}
		if (points.isEmpty()) {
			points.addAll(List.of("customfield_10016", "customfield_10002"));
		}
		return new Reader(mapping, points, epicLink, sprintField, sprintInfo).read(issues);
	}

	/** Reads the issues in order. */
	private static final class Reader {

		private final Mapping mapping;

		private final List<String> pointFields;

		private final String epicLink;

		private final String sprintField;

		private final Map<String, ImportBatch.Sprint> sprintInfo;

		private final Map<String, ImportBatch.Sprint> sprints = new LinkedHashMap<>();

		private final Map<String, ImportBatch.Release> releases = new LinkedHashMap<>();

		private final LinkSet links = new LinkSet();

		private final List<Note> skipped = new ArrayList<>();

		private final List<Note> warnings = new ArrayList<>();

		Reader(Mapping mapping, List<String> pointFields, String epicLink, String sprintField,
				Map<String, ImportBatch.Sprint> sprintInfo) {
			this.mapping = mapping;
			this.pointFields = pointFields;
			this.epicLink = epicLink;
			this.sprintField = sprintField;
			this.sprintInfo = sprintInfo;
		}

		ImportBatch read(List<Object> issues) {
			List<Item> items = new ArrayList<>();
			Map<String, Integer> seen = new HashMap<>();
			Map<String, Boolean> epics = new HashMap<>();
			for (Object issue : issues) {
				epics.put(Tree.text(issue, "key"),
						"epic".equals(Mapping.norm(Tree.text(issue, "fields", "issuetype", "name"))));
			}
			for (int i = 0; i < issues.size(); i++) {
				int row = i + 1;
				Object issue = issues.get(i);
				String key = Tree.text(issue, "key").strip();
				Object f = Tree.at(issue, "fields");
				if (key.isEmpty() || !Tree.isMap(f)) {
					skipped.add(new Note(row, "has no key or no fields"));
					continue;
				}
				if (seen.containsKey(key)) {
					skipped.add(new Note(row, key + " appears again (first as issue " + seen.get(key) + ")"));
					continue;
				}
				seen.put(key, row);
				items.add(item(row, key, f, epics));
			}
			return new ImportBatch("jira", issues.size(), items, links.list(), List.copyOf(sprints.values()),
					List.copyOf(releases.values()), Map.of(), skipped, warnings, List.of());
		}

		private Item item(int row, String key, Object f, Map<String, Boolean> epics) {
			String typeName = Tree.text(f, "issuetype", "name");
			Kind kind = mapping.kind(typeName, row, warnings);
			State state = mapping.state(Tree.text(f, "status", "name"), Tree.text(f, "status", "statusCategory", "key"),
					row, warnings);
			String parent = Tree.text(f, "parent", "key");
			String epic = null;
			boolean subTask = "true".equals(Tree.text(f, "issuetype", "subtask")) || Mapping.subTask(typeName);
			if (!parent.isEmpty() && (subTask || Boolean.FALSE.equals(epics.get(parent)))) {
				links.add(row, parent, LinkKind.DEPENDS_ON, key);
			}
			else if (!parent.isEmpty()) {
				epic = parent;
			}
			if (epic == null && epicLink != null && !Tree.text(f, epicLink).isBlank()) {
				epic = Tree.text(f, epicLink).strip();
			}
			if (epic == null && !Tree.text(f, "epic", "key").isBlank()) {
				epic = Tree.text(f, "epic", "key");
			}
			for (Object sub : Tree.list(f, "subtasks")) {
				if (!Tree.text(sub, "key").isBlank()) {
					links.add(row, key, LinkKind.DEPENDS_ON, Tree.text(sub, "key"));
				}
			}
			for (Object l : Tree.list(f, "issuelinks")) {
				issueLink(row, key, l);
			}
			List<String> labels = Fields.labels(Tree.list(f, "labels").stream().map(String::valueOf).toList());
			String release = null;
			for (Object v : Tree.list(f, "fixVersions")) {
				String name = Fields.line(Tree.text(v, "name"), 100);
				if (!name.isEmpty()) {
					release = name;
					releases.putIfAbsent(Mapping.norm(name),
							new ImportBatch.Release(name, Fields.date(Tree.text(v, "releaseDate"))));
				}
			}
			State resolved = Mapping.resolved(state, Tree.text(f, "resolution", "name"));
			String assignee = Tree.text(f, "assignee", "displayName");
			String title = Fields.line(Tree.text(f, "summary"), 300);
			if (title.isEmpty()) {
				// Agile pages fetched with a short field list leave the summary out
				title = key;
				warnings.add(new Note(row, key + " has no summary in the export; titled by its key"));
			}
			return new Item(row, key, kind, title, Fields.text(Tree.plain(Tree.at(f, "description")), 45_000), resolved,
					points(row, f), labels, epic, List.of(), comments(f), Fields.instant(Tree.text(f, "created")),
					Fields.instant(Tree.text(f, "resolutiondate")), release, sprint(f),
					assignee.isBlank() ? null : Fields.line(assignee, 100));
		}

		private BigDecimal points(int row, Object f) {
			for (String field : pointFields) {
				Object v = Tree.at(f, field);
				if (v instanceof Number || v instanceof String s && !s.isBlank()) {
					BigDecimal p = Fields.number(String.valueOf(v));
					if (p == null) {
						warnings.add(new Note(row, "story points '" + v + "' are not a number; left unestimated"));
					}
					return p;
				}
			}
			return null;
		}

		/**
		 * The issue's current sprint (the open one, else its last), remembering every
		 * sprint met.
		 */
		private String sprint(Object f) {
			List<ImportBatch.Sprint> all = new ArrayList<>();
			Tree.list(f, "closedSprints").forEach(s -> add(all, JiraPages.sprint(s)));
			if (sprintField != null) {
				Tree.list(f, sprintField).forEach(s -> add(all, JiraPages.sprint(s)));
			}
			if (Tree.isMap(Tree.at(f, "sprint"))) {
				add(all, JiraPages.sprint(Tree.at(f, "sprint")));
			}
			for (ImportBatch.Sprint s : all) {
				ImportBatch.Sprint known = sprintInfo.get(Mapping.norm(s.name()));
				ImportBatch.Sprint best = s.start() == null && known != null ? known : s;
				sprints.merge(Mapping.norm(s.name()), best, (a, b) -> a.start() != null ? a : b);
			}
			return all.isEmpty() ? null : all.get(all.size() - 1).name();
		}

		private static void add(List<ImportBatch.Sprint> all, ImportBatch.Sprint s) {
			if (s != null) {
				all.removeIf(x -> x.name().equalsIgnoreCase(s.name()));
				all.add(s);
			}
		}

		private List<ImportBatch.Comment> comments(Object f) {
			Object c = Tree.at(f, "comment");
			List<?> list = c instanceof List<?> l ? l : Tree.list(c, "comments");
			List<ImportBatch.Comment> result = new ArrayList<>();
			for (Object comment : list) {
				String body = Fields.text(Tree.plain(Tree.at(comment, "body")), 20_000);
				if (!body.isEmpty()) {
					result.add(new ImportBatch.Comment(Tree.text(comment, "author", "displayName"),
							Fields.instant(Tree.text(comment, "created")), body));
				}
			}
			return result;
		}

		private void issueLink(int row, String key, Object l) {
			String type = Mapping.norm(Tree.text(l, "type", "name") + " " + Tree.text(l, "type", "outward"));
			LinkKind kind = type.contains("block") || type.contains("bloque") ? LinkKind.DEPENDS_ON
					: type.contains("duplic") ? LinkKind.DUPLICATES : LinkKind.RELATES_TO;
			String out = Tree.text(l, "outwardIssue", "key");
			String in = Tree.text(l, "inwardIssue", "key");
			if (!out.isEmpty()) {
				// this issue blocks / duplicates / relates to the other
				if (kind == LinkKind.DEPENDS_ON) {
					links.add(row, out, kind, key);
				}
				else {
					links.add(row, key, kind, out);
				}
			}
			else if (!in.isEmpty()) {
				// the other blocks / duplicates this one
				if (kind == LinkKind.DEPENDS_ON) {
					links.add(row, key, kind, in);
				}
				else {
					links.add(row, in, kind, key);
				}
			}
		}

	}

}
