package dev.priora.integration.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.priora.integration.engine.ImportBatch.Item;
import dev.priora.integration.engine.ImportBatch.Kind;
import dev.priora.integration.engine.ImportBatch.Note;
import dev.priora.integration.engine.ImportBatch.State;

/**
 * Reads a Trello board's JSON export (Menu → Print and export → JSON): each card becomes
 * an item whose status comes from its list's name (mapped like any status: "Doing" is in
 * progress, "Done" is done; unknown lists are new, with a warning), labels stay labels
 * (by name, else by colour; a "bug" label makes a bug), checklists become acceptance
 * criteria (ticked when complete), comments keep their author and date, and the first
 * member becomes the assignee. Archived cards, and cards on archived lists, are left out
 * unless {@code includeArchived}.
 */
public final class TrelloJson {

	private TrelloJson() {
	}

	/**
	 * Reads the parsed board.
	 * @throws IllegalArgumentException when it is not a Trello board export
	 */
	public static ImportBatch parse(Object board, Mapping mapping, boolean includeArchived) {
		if (!Tree.isMap(board) || !(Tree.at(board, "cards") instanceof List<?> cards)) {
			throw new IllegalArgumentException("is not a Trello board export: expected an object with \"cards\" and"
					+ " \"lists\" (Trello: board menu → Print and export → Export as JSON)");
		}
		Cards reader = new Cards(board, mapping);
		Map<String, Integer> ignored = new LinkedHashMap<>();
		for (int i = 0; i < cards.size(); i++) {
			Object card = cards.get(i);
			Object list = reader.lists.get(Tree.text(card, "idList"));
			boolean archived = "true".equals(Tree.text(card, "closed")) || "true".equals(Tree.text(list, "closed"));
			if (archived && !includeArchived) {
				ignored.merge("archived cards", 1, Integer::sum);
			}
			else {
				reader.card(i + 1, card, list);
			}
		}
		return new ImportBatch("trello", cards.size(), reader.items, List.of(), List.of(), List.of(), ignored,
				reader.skipped, reader.warnings, List.of());
	}

	/** Reads the board's cards into items, with their checklists and comments. */
	private static final class Cards {

		private final Mapping mapping;

		private final Map<String, Object> lists;

		private final Map<String, Object> members;

		private final Map<String, List<ImportBatch.Criterion>> criteria;

		private final Map<String, List<ImportBatch.Comment>> comments;

		private final List<Item> items = new ArrayList<>();

		private final List<Note> skipped = new ArrayList<>();

		private final List<Note> warnings = new ArrayList<>();

		private final Map<String, Boolean> warned = new HashMap<>();

		Cards(Object board, Mapping mapping) {
			this.mapping = mapping;
			this.lists = byId(Tree.list(board, "lists"));
			this.members = byId(Tree.list(board, "members"));
			this.criteria = criteria(board);
			this.comments = comments(board);
		}

		void card(int row, Object card, Object list) {
			String title = Fields.line(Tree.text(card, "name"), 300);
			String id = Tree.text(card, "id");
			if (title.isEmpty() || id.isEmpty()) {
				skipped.add(new Note(row, "card has no name or no id"));
				return;
			}
			State state = state(row, Tree.text(list, "name"));
			List<String> names = Tree.list(card, "labels")
				.stream()
				.map(l -> Tree.text(l, "name").isBlank() ? Tree.text(l, "color") : Tree.text(l, "name"))
				.toList();
			boolean bug = names.stream().anyMatch(n -> mapping.kind(n) == Kind.BUG);
			String url = Tree.text(card, "shortUrl").isBlank() ? Tree.text(card, "url") : Tree.text(card, "shortUrl");
			String description = Fields.text(Tree.text(card, "desc"), 45_000)
					+ (url.isBlank() ? "" : "\n\nImported from " + url);
			List<?> memberIds = Tree.list(card, "idMembers");
			String assignee = memberIds.isEmpty() ? ""
					: Tree.text(members.get(String.valueOf(memberIds.get(0))), "fullName");
			items.add(new Item(row, id, bug ? Kind.BUG : Kind.STORY, title, description.strip(), state, null,
					Fields.labels(names), null, criteria.getOrDefault(id, List.of()),
					comments.getOrDefault(id, List.of()), created(id),
					state == State.DONE ? Fields.instant(Tree.text(card, "dateLastActivity")) : null, null, null,
					assignee.isBlank() ? null : Fields.line(assignee, 100)));
		}

		/** The list's status; new, with one warning per list, when it is not mapped. */
		private State state(int row, String listName) {
			State state = mapping.state(listName, "");
			if (state != null) {
				return state;
			}
			if (warned.put(listName, true) == null) {
				warnings.add(new Note(row, "list '" + listName + "' is not mapped to a status; its cards are new"
						+ " (map it with \"" + listName + "=STATUS\")"));
			}
			return State.NEW;
		}

	}

	/** Each card's checklist items in order, as criteria (at most 50 a card). */
	private static Map<String, List<ImportBatch.Criterion>> criteria(Object board) {
		Map<String, List<ImportBatch.Criterion>> criteria = new HashMap<>();
		for (Object checklist : Tree.list(board, "checklists")) {
			List<ImportBatch.Criterion> list = criteria.computeIfAbsent(Tree.text(checklist, "idCard"),
					k -> new ArrayList<>());
			List<?> checkItems = new ArrayList<>(Tree.list(checklist, "checkItems"));
			checkItems.sort((a, b) -> Double.compare(position(a), position(b)));
			for (Object item : checkItems) {
				String text = Fields.line(Tree.text(item, "name"), 1000);
				if (!text.isEmpty() && list.size() < 50) {
					list.add(new ImportBatch.Criterion(text, "complete".equals(Tree.text(item, "state"))));
				}
			}
		}
		return criteria;
	}

	/** Each card's comments, oldest first (the export lists the newest first). */
	private static Map<String, List<ImportBatch.Comment>> comments(Object board) {
		Map<String, List<ImportBatch.Comment>> comments = new HashMap<>();
		List<?> actions = Tree.list(board, "actions");
		for (int i = actions.size() - 1; i >= 0; i--) {
			Object a = actions.get(i);
			if ("commentCard".equals(Tree.text(a, "type"))) {
				comments.computeIfAbsent(Tree.text(a, "data", "card", "id"), k -> new ArrayList<>())
					.add(new ImportBatch.Comment(Tree.text(a, "memberCreator", "fullName"),
							Fields.instant(Tree.text(a, "date")), Fields.text(Tree.text(a, "data", "text"), 20_000)));
			}
		}
		return comments;
	}

	/** Trello ids begin with the card's creation time in seconds, as hex. */
	private static java.time.Instant created(String id) {
		try {
			return id.length() >= 8 ? java.time.Instant.ofEpochSecond(Long.parseLong(id.substring(0, 8), 16)) : null;
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	private static double position(Object item) {
		try {
			return Double.parseDouble(Tree.text(item, "pos"));
		}
		catch (NumberFormatException e) {
			return 0;
		}
	}

	private static Map<String, Object> byId(List<?> nodes) {
		Map<String, Object> map = new HashMap<>();
		nodes.forEach(n -> map.put(Tree.text(n, "id"), n));
		return map;
	}

}
