package dev.priora.progress;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.priora.backlog.BacklogSnapshot;
import dev.priora.backlog.ItemKey;
import dev.priora.backlog.ItemStatus;

/**
 * Builds a board's cards from the backlog snapshot (blockers from its "depends on" edges,
 * epics from its parents) and groups them into lanes.
 */
final class BoardCards {

	private final Map<Long, BoardRepository.Assignee> assignees;

	private final Map<Long, Long> versions;

	private final Map<ItemKey, String> titles = new HashMap<>();

	private final Map<Long, List<String>> blockers = new HashMap<>();

	BoardCards(BacklogSnapshot snapshot, Map<Long, BoardRepository.Assignee> assignees, Map<Long, Long> versions) {
		this.assignees = assignees;
		this.versions = versions;
		Map<Long, BacklogSnapshot.Entry> byId = new HashMap<>();
		for (var e : snapshot.items()) {
			byId.put(e.id(), e);
			titles.put(e.key(), e.title());
		}
		for (int i = 0; i < snapshot.dependsOnFrom().length; i++) {
			var prerequisite = byId.get(snapshot.dependsOnTo()[i]);
			if (prerequisite != null && prerequisite.status() != ItemStatus.DONE) {
				blockers.computeIfAbsent(snapshot.dependsOnFrom()[i], k -> new ArrayList<>())
					.add(prerequisite.key().toString());
			}
		}
	}

	/** The entries' cards, in backlog order. */
	List<Board.Card> cards(List<BacklogSnapshot.Entry> entries) {
		List<Board.Card> cards = new ArrayList<>(entries.size());
		for (var e : entries) {
			var who = assignees.get(e.id());
			cards.add(new Board.Card(e.key().toString(), e.title(), e.status(), e.estimate(),
					versions.getOrDefault(e.id(), 0L), who == null ? null : who.name(),
					e.parent() == null ? null : e.parent().toString(),
					e.parent() == null ? null : titles.get(e.parent()),
					List.copyOf(blockers.getOrDefault(e.id(), List.of())), List.copyOf(e.status().next())));
		}
		return cards;
	}

	/** The cards assigned to a team member with this e-mail (none when it is blank). */
	static List<Board.Card> assignedTo(List<Board.Card> cards, List<BacklogSnapshot.Entry> entries,
			Map<Long, BoardRepository.Assignee> assignees, String email) {
		if (email == null || email.isBlank()) {
			return List.of();
		}
		Set<String> mine = entries.stream().filter(e -> {
			var who = assignees.get(e.id());
			return who != null && who.email() != null && who.email().strip().equalsIgnoreCase(email.strip());
		}).map(e -> e.key().toString()).collect(Collectors.toSet());
		return cards.stream().filter(c -> mine.contains(c.key())).toList();
	}

	/**
	 * The cards in lanes: one lane, or one per assignee (by name, unassigned last) or per
	 * epic (in backlog order, no epic last).
	 */
	static List<Board.Lane> lanes(List<Board.Card> cards, Board.Lanes by, BacklogSnapshot snapshot) {
		Map<String, List<Board.Card>> groups = new LinkedHashMap<>();
		Map<String, String> labels = new HashMap<>();
		String rest = switch (by) {
			case NONE -> "all";
			case ASSIGNEE -> "unassigned";
			case EPIC -> "no-epic";
		};
		if (by == Board.Lanes.EPIC) {
			snapshot.items().forEach(e -> groups.put(e.key().toString(), new ArrayList<>()));
		}
		for (Board.Card c : cards) {
			String id = switch (by) {
				case NONE -> rest;
				case ASSIGNEE -> c.assignee() == null ? rest : c.assignee();
				case EPIC -> c.epic() == null ? rest : c.epic();
			};
			groups.computeIfAbsent(id, k -> new ArrayList<>()).add(c);
			if (by == Board.Lanes.EPIC && c.epic() != null) {
				labels.put(id, c.epic() + " " + c.epicTitle());
			}
		}
		List<String> order = new ArrayList<>(groups.keySet());
		order.remove(rest);
		if (by == Board.Lanes.ASSIGNEE) {
			order.sort(Comparator.comparing(String::toLowerCase));
		}
		if (groups.containsKey(rest) || order.isEmpty()) {
			order.add(rest);
		}
		List<Board.Lane> lanes = new ArrayList<>();
		for (String id : order) {
			List<Board.Card> laneCards = groups.getOrDefault(id, List.of());
			if (laneCards.isEmpty() && !id.equals(rest)) {
				continue;
			}
			List<Board.Cell> cells = new ArrayList<>();
			for (ItemStatus s : Board.STATUSES) {
				cells.add(new Board.Cell(s, laneCards.stream().filter(c -> c.status() == s).toList()));
			}
			String label = switch (by) {
				case NONE -> null;
				case ASSIGNEE -> id.equals(rest) ? "Unassigned" : id;
				case EPIC -> id.equals(rest) ? "No epic" : labels.getOrDefault(id, id);
			};
			lanes.add(new Board.Lane(id, label, cells));
		}
		return lanes;
	}

}
