package dev.priora.integration.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVRecord;

import dev.priora.integration.engine.ImportBatch.Item;
import dev.priora.integration.engine.ImportBatch.Kind;
import dev.priora.integration.engine.ImportBatch.LinkKind;
import dev.priora.integration.engine.ImportBatch.Note;
import dev.priora.integration.engine.ImportBatch.State;

/**
 * Reads Jira's "Export Excel CSV (all fields)": a UTF-8 file (with or without a BOM, CRLF
 * or LF) whose header names the fields in the export's language (English, Spanish or
 * French) and repeats a column for every value of a multi-valued field (Sprint, Labels,
 * Comment, Fix Version/s, issue links). Rows are numbered as in a spreadsheet: the header
 * is row 1.
 * <p>
 * Items come in Jira's rank order when the export has the Rank field. Hierarchy: "Parent"
 * (an issue id or key) or the old "Epic Link" make an epic the item's parent; a
 * sub-task's parent story instead depends on the sub-task, and the sub-task joins the
 * story's epic. Links: {@code Blocks} make the blocked issue depend on the blocking one,
 * {@code Duplicate} marks a duplicate, every other type relates. The header and the
 * values of a row by field are read by {@link JiraColumns}.
 */
public final class JiraCsv {

	private JiraCsv() {
	}

	/**
	 * Reads the export.
	 * @throws IllegalArgumentException when the file is not UTF-8 CSV or lacks the
	 * Summary and Issue key columns
	 */
	public static ImportBatch parse(byte[] file, Mapping mapping) {
		List<CSVRecord> records = JiraColumns.records(file);
		if (records.isEmpty()) {
			throw new IllegalArgumentException("is empty");
		}
		JiraColumns rows = new JiraColumns(records.get(0));
		if (!rows.has("summary") || !rows.has("key")) {
			throw new IllegalArgumentException(
					"has no Summary and Issue key columns in its first row; export from Jira with \"Export Excel CSV (all fields)\"");
		}
		Map<String, String> people = new HashMap<>();
		Map<String, String> keyById = new HashMap<>();
		for (CSVRecord r : records.subList(1, records.size())) {
			Map<String, List<String>> v = rows.values(r);
			for (String[] pair : new String[][] { { "assignee", "assigneeId" }, { "reporter", "reporterId" },
					{ "creator", "creatorId" }, { "lead", "leadId" } }) {
				if (!first(v, pair[0]).isEmpty() && !first(v, pair[1]).isEmpty()) {
					people.put(first(v, pair[1]), first(v, pair[0]));
				}
			}
			if (!first(v, "id").isEmpty() && !first(v, "key").isEmpty()) {
				keyById.put(first(v, "id"), first(v, "key").strip());
			}
		}
		return new Reader(mapping, people, keyById).read(records.subList(1, records.size()), rows);
	}

	/** Reads the data rows into items, links and sprints. */
	private static final class Reader {

		private final Mapping mapping;

		private final Map<String, String> people;

		private final Map<String, String> keyById;

		private final List<Item> items = new ArrayList<>();

		private final LinkSet links = new LinkSet();

		private final Map<String, ImportBatch.Sprint> sprints = new LinkedHashMap<>();

		private final Map<String, ImportBatch.Release> releases = new LinkedHashMap<>();

		private final List<Note> skipped = new ArrayList<>();

		private final List<Note> warnings = new ArrayList<>();

		private final Map<String, Kind> kindOf = new HashMap<>();

		private final Map<String, String> parentOf = new HashMap<>();

		private final Set<String> subTasks = new LinkedHashSet<>();

		Reader(Mapping mapping, Map<String, String> people, Map<String, String> keyById) {
			this.mapping = mapping;
			this.people = people;
			this.keyById = keyById;
		}

		ImportBatch read(List<CSVRecord> data, JiraColumns rows) {
			Map<String, Integer> seen = new HashMap<>();
			List<Object[]> pending = new ArrayList<>();
			for (CSVRecord r : data) {
				int row = (int) r.getRecordNumber();
				Map<String, List<String>> v = rows.values(r);
				String key = first(v, "key").strip();
				String title = Fields.line(first(v, "summary"), 300);
				if (key.isEmpty() || title.isEmpty()) {
					if (!String.join("", r.values()).isBlank()) {
						skipped.add(new Note(row, key.isEmpty() ? "has no issue key" : key + " has no summary"));
					}
					continue;
				}
				if (seen.containsKey(key)) {
					skipped.add(new Note(row, key + " appears again (first on row " + seen.get(key) + ")"));
					continue;
				}
				seen.put(key, row);
				String typeName = first(v, "type");
				Kind kind = mapping.kind(typeName, row, warnings);
				kindOf.put(key, kind);
				if (Mapping.subTask(typeName)) {
					subTasks.add(key);
				}
				String parent = parentKey(v);
				if (parent != null) {
					parentOf.put(key, parent);
				}
				pending.add(new Object[] { row, key, kind, title, v });
			}
			// Jira's rank (a LexoRank string) is the backlog order; the export's row
			// order is not
			pending.sort(java.util.Comparator.comparing((Object[] p) -> {
				@SuppressWarnings("unchecked")
				String rank = first((Map<String, List<String>>) p[4], "rank");
				return rank.isEmpty() ? "\uffff" : rank;
			}));
			for (Object[] p : pending) {
				@SuppressWarnings("unchecked")
				Map<String, List<String>> v = (Map<String, List<String>>) p[4];
				items.add(item((int) p[0], (String) p[1], (Kind) p[2], (String) p[3], v));
				readLinks((int) p[0], (String) p[1], v);
			}
			return new ImportBatch("jira", data.size(), items, links.list(), List.copyOf(sprints.values()),
					List.copyOf(releases.values()), Map.of(), skipped, warnings, rows.unmapped());
		}

		private Item item(int row, String key, Kind kind, String title, Map<String, List<String>> v) {
			String parent = parentOf.get(key);
			String epic = null;
			if (parent != null) {
				if (subTasks.contains(key) || (kindOf.containsKey(parent) && kindOf.get(parent) != Kind.EPIC)) {
					// the parent story waits on its sub-task; the sub-task joins the
					// story's epic
					links.add(row, parent, LinkKind.DEPENDS_ON, key);
					String storyParent = parentOf.get(parent);
					epic = storyParent != null && kindOf.get(storyParent) == Kind.EPIC ? storyParent : null;
				}
				else {
					epic = parent;
				}
			}
			State state = state(row, v);
			List<String> labels = Fields.labels(v.getOrDefault("labels", List.of()));
			String sprint = last(v, "sprint");
			if (!sprint.isEmpty()) {
				sprints.putIfAbsent(Mapping.norm(sprint),
						new ImportBatch.Sprint(Fields.line(sprint, 100), null, null, ""));
			}
			String release = last(v, "fixVersion");
			if (!release.isEmpty()) {
				releases.putIfAbsent(Mapping.norm(release), new ImportBatch.Release(Fields.line(release, 100), null));
			}
			BigDecimal points = null;
			for (String p : v.getOrDefault("points", List.of())) {
				if (points == null && !p.isBlank()) {
					points = Fields.number(p);
					if (points == null) {
						warnings.add(new Note(row, "story points '" + p + "' are not a number; left unestimated"));
					}
				}
			}
			List<ImportBatch.Criterion> criteria = new ArrayList<>();
			for (String block : v.getOrDefault("acceptance", List.of())) {
				for (String line : block.split("\\R")) {
					String c = Fields.line(line.replaceFirst("^\\s*(?:[*#\\-•]+|\\d+[.)])\\s*", ""), 1000);
					if (!c.isEmpty() && criteria.size() < 50) {
						criteria.add(new ImportBatch.Criterion(c, false));
					}
				}
			}
			return new Item(row, key, kind, title, Fields.text(first(v, "description"), 45_000), state, points, labels,
					epic, criteria, comments(v), Fields.instant(first(v, "created")),
					Fields.instant(first(v, "resolved")), release.isEmpty() ? null : Fields.line(release, 100),
					sprint.isEmpty() ? null : Fields.line(sprint, 100),
					first(v, "assignee").isBlank() ? null : Fields.line(first(v, "assignee"), 100));
		}

		private State state(int row, Map<String, List<String>> v) {
			return Mapping.resolved(mapping.state(first(v, "status"), first(v, "category"), row, warnings),
					first(v, "resolution"));
		}

		private String parentKey(Map<String, List<String>> v) {
			for (String field : List.of("parent", "epicLink")) {
				String p = first(v, field).strip();
				if (!p.isEmpty()) {
					return keyById.getOrDefault(p, p);
				}
			}
			return null;
		}

		private List<ImportBatch.Comment> comments(Map<String, List<String>> v) {
			List<ImportBatch.Comment> result = new ArrayList<>();
			for (String c : v.getOrDefault("comment", List.of())) {
				if (c.isBlank()) {
					continue;
				}
				String[] parts = c.split(";", 3);
				java.time.Instant at = parts.length == 3 ? Fields.instant(parts[0]) : null;
				String author = at == null ? "" : people.getOrDefault(parts[1].strip(), parts[1].strip());
				String body = at == null ? c : parts[2];
				Matcher m = Pattern.compile("\\[~accountid:([^\\]]+)\\]").matcher(body);
				StringBuilder b = new StringBuilder();
				while (m.find()) {
					m.appendReplacement(b, Matcher.quoteReplacement("@" + people.getOrDefault(m.group(1), m.group(1))));
				}
				m.appendTail(b);
				result.add(new ImportBatch.Comment(author, at, Fields.text(b.toString(), 20_000)));
			}
			return result;
		}

		private void readLinks(int row, String key, Map<String, List<String>> v) {
			v.forEach((field, values) -> {
				if (!field.startsWith("link:")) {
					return;
				}
				LinkKind kind = LinkKind.valueOf(field.substring(5, field.lastIndexOf(':')));
				boolean outward = field.endsWith(":out");
				for (String other : values) {
					String o = other.strip();
					if (o.isEmpty() || o.equals(key)) {
						continue;
					}
					if (kind == LinkKind.DEPENDS_ON) {
						// outward "blocks": the other issue waits on this one
						links.add(row, outward ? o : key, kind, outward ? key : o);
					}
					else if (kind == LinkKind.DUPLICATES) {
						links.add(row, outward ? key : o, kind, outward ? o : key);
					}
					else {
						links.add(row, key, kind, o);
					}
				}
			});
		}

	}

	private static String first(Map<String, List<String>> v, String field) {
		List<String> values = v.get(field);
		return values == null || values.isEmpty() ? "" : values.get(0);
	}

	private static String last(Map<String, List<String>> v, String field) {
		List<String> values = v.get(field);
		return values == null || values.isEmpty() ? "" : values.get(values.size() - 1).strip();
	}

}
