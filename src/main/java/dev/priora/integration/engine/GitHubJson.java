package dev.priora.integration.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.priora.integration.engine.ImportBatch.Item;
import dev.priora.integration.engine.ImportBatch.Kind;
import dev.priora.integration.engine.ImportBatch.Note;
import dev.priora.integration.engine.ImportBatch.State;

/**
 * Reads GitHub issues from the REST API's JSON (one page — an array of issues — several
 * pages as an array of arrays, or a search result's {@code items}): pull requests are
 * left out, a "bug" label makes a bug and the others stories, labels stay labels,
 * milestones become releases (with their due date), closed issues are done ("not planned"
 * ones rejected), the first assignee is kept. Keys are "owner/repo#number".
 */
public final class GitHubJson {

	private GitHubJson() {
	}

	/**
	 * Reads the parsed pages.
	 * @throws IllegalArgumentException when the document is not a list of issues
	 */
	public static ImportBatch parse(Object root) {
		Object list = root;
		if (Tree.isMap(root) && Tree.at(root, "items") instanceof List<?> items) {
			list = items;
		}
		if (!(list instanceof List<?> pages)) {
			throw new IllegalArgumentException("must be GitHub's issue list: an array of issues (or of pages)");
		}
		List<Object> issues = new ArrayList<>();
		for (Object n : pages) {
			if (n instanceof List<?> page) {
				issues.addAll(page);
			}
			else {
				issues.add(n);
			}
		}
		List<Item> items = new ArrayList<>();
		List<Note> skipped = new ArrayList<>();
		Map<String, ImportBatch.Release> releases = new LinkedHashMap<>();
		Map<String, Integer> ignored = new LinkedHashMap<>();
		for (int i = 0; i < issues.size(); i++) {
			int row = i + 1;
			Object issue = issues.get(i);
			if (!Tree.isMap(issue)) {
				skipped.add(new Note(row, "is not an issue object"));
				continue;
			}
			if (Tree.has(issue, "pull_request")) {
				ignored.merge("pull requests", 1, Integer::sum);
				continue;
			}
			String title = Fields.line(Tree.text(issue, "title"), 300);
			String key = key(issue);
			if (title.isEmpty() || key == null) {
				skipped.add(new Note(row, "has no title or no number"));
				continue;
			}
			items.add(item(row, key, title, issue, releases));
		}
		if (items.isEmpty() && ignored.isEmpty()) {
			throw new IllegalArgumentException("holds no GitHub issues"
					+ (skipped.isEmpty() ? "" : " (row " + skipped.get(0).row() + " " + skipped.get(0).text() + ")"));
		}
		return new ImportBatch("github", issues.size(), items, List.of(), List.of(), List.copyOf(releases.values()),
				ignored, skipped, List.of(), List.of());
	}

	private static Item item(int row, String key, String title, Object issue,
			Map<String, ImportBatch.Release> releases) {
		List<String> labels = new ArrayList<>();
		boolean bug = false;
		for (Object l : Tree.list(issue, "labels")) {
			String name = Tree.isMap(l) ? Tree.text(l, "name") : String.valueOf(l);
			bug |= name.equalsIgnoreCase("bug");
			String clean = Fields.label(name);
			if (!clean.isEmpty() && !labels.contains(clean) && labels.size() < 20) {
				labels.add(clean);
			}
		}
		String milestone = Fields.line(Tree.text(issue, "milestone", "title"), 100);
		if (!milestone.isEmpty()) {
			releases.putIfAbsent(Mapping.norm(milestone),
					new ImportBatch.Release(milestone, Fields.date(Tree.text(issue, "milestone", "due_on"))));
		}
		boolean closed = "closed".equals(Tree.text(issue, "state"));
		State state = !closed ? State.NEW
				: "not_planned".equals(Tree.text(issue, "state_reason")) ? State.REJECTED : State.DONE;
		String url = Tree.text(issue, "html_url");
		String description = Fields.text(Tree.text(issue, "body"), 45_000)
				+ (url.isEmpty() ? "" : "\n\nImported from " + url);
		List<?> assignees = Tree.list(issue, "assignees");
		String assignee = !assignees.isEmpty() ? Tree.text(assignees.get(0), "login")
				: Tree.text(issue, "assignee", "login");
		return new Item(row, key, bug ? Kind.BUG : Kind.STORY, title, description.strip(), state, null, labels, null,
				List.of(), List.of(), Fields.instant(Tree.text(issue, "created_at")),
				closed ? Fields.instant(Tree.text(issue, "closed_at")) : null, milestone.isEmpty() ? null : milestone,
				null, assignee.isBlank() ? null : assignee);
	}

	private static String key(Object issue) {
		Object number = Tree.at(issue, "number");
		if (!(number instanceof Number n)) {
			return null;
		}
		String repo = Tree.text(issue, "repository_url");
		int at = repo.indexOf("/repos/");
		return (at >= 0 ? repo.substring(at + 7) : "") + "#" + n.longValue();
	}

}
