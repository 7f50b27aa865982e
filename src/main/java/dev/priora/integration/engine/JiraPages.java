package dev.priora.integration.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what a Jira REST JSON document holds, however it was put together: the issues of
 * {@code /search} and Agile pages (one page, a list of pages, one issue, or a wrapper
 * with {@code "pages"} or {@code "issues"}), custom field names (from {@code "fields"} or
 * a page's {@code "names"}) and board sprints with their dates; and reads a sprint in
 * Jira Cloud's object form or Jira Server's text form.
 */
final class JiraPages {

	private static final Pattern SERVER_SPRINT = Pattern.compile("\\[(.*)\\]$");

	private JiraPages() {
	}

	/**
	 * Adds the document's issues (in order), field names by id and board sprints by
	 * normalised name, from one page, a list of pages, one issue, or a wrapper holding
	 * them.
	 */
	static void collect(Object node, List<Object> issues, Map<String, String> names,
			Map<String, ImportBatch.Sprint> sprints) {
		if (node instanceof List<?> pages) {
			pages.forEach(p -> collect(p, issues, names, sprints));
			return;
		}
		if (!Tree.isMap(node)) {
			return;
		}
		for (Object f : Tree.list(node, "fields")) {
			if (!Tree.text(f, "id").isEmpty()) {
				names.put(Tree.text(f, "id"), Tree.text(f, "name"));
			}
		}
		if (Tree.at(node, "names") instanceof Map<?, ?> m) {
			m.forEach((k, v) -> names.put(String.valueOf(k), String.valueOf(v)));
		}
		Object sprintList = Tree.at(node, "sprints");
		List<?> boardSprints = sprintList instanceof List<?> l ? l : Tree.list(sprintList, "values");
		for (Object s : boardSprints) {
			ImportBatch.Sprint sprint = sprint(s);
			if (sprint != null) {
				sprints.put(Mapping.norm(sprint.name()), sprint);
			}
		}
		if (Tree.has(node, "key") && Tree.isMap(Tree.at(node, "fields"))) {
			issues.add(node);
		}
		Tree.list(node, "issues").forEach(i -> {
			if (i instanceof List<?>) {
				collect(i, issues, names, sprints);
			}
			else {
				issues.add(i);
			}
		});
		if (Tree.has(node, "pages")) {
			collect(Tree.at(node, "pages"), issues, names, sprints);
		}
	}

	/**
	 * A sprint from a sprint object, or from Jira Server's sprint text; null when it has
	 * no name.
	 */
	static ImportBatch.Sprint sprint(Object s) {
		if (s instanceof String text) {
			// Jira Server:
			// "com.atlassian.greenhopper.service.sprint.Sprint@1a2b[id=1,state=CLOSED,name=S
			// 1,...]"
			Matcher m = SERVER_SPRINT.matcher(text);
			if (!m.find()) {
				return null;
			}
			Map<String, String> f = new HashMap<>();
			for (String part : m.group(1).split(",(?=\\w+=)")) {
				int eq = part.indexOf('=');
				if (eq > 0) {
					f.put(part.substring(0, eq), part.substring(eq + 1));
				}
			}
			String name = f.getOrDefault("name", "");
			return name.isBlank() || "<null>".equals(name) ? null : new ImportBatch.Sprint(Fields.line(name, 100),
					Fields.date(f.get("startDate")), Fields.date(f.get("endDate")), goal(f.get("goal")));
		}
		String name = Tree.text(s, "name");
		return name.isBlank() ? null
				: new ImportBatch.Sprint(Fields.line(name, 100), Fields.date(Tree.text(s, "startDate")),
						Fields.date(Tree.text(s, "endDate")), goal(Tree.text(s, "goal")));
	}

	private static String goal(String g) {
		return g == null || "<null>".equals(g) ? "" : Fields.line(g, 1000);
	}

}
