package dev.priora.progress;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.priora.backlog.ItemKey;
import dev.priora.backlog.ItemStatus;

/**
 * Builds a board's cards from the items in its scope (with their unfinished
 * prerequisites) and groups them into lanes.
 */
final class BoardCards {

	private final String productKey;

	private final List<BoardRepository.CardRow> rows;

	private final Map<Long, List<String>> blockers = new HashMap<>();

	BoardCards(String productKey, List<BoardRepository.CardRow> rows, List<BoardRepository.Blocker> blockers) {
		this.productKey = productKey;
		this.rows = rows;
		for (var b : blockers) {
			this.blockers.computeIfAbsent(b.itemId(), k -> new ArrayList<>())
				.add(new ItemKey(productKey, b.prerequisiteNumber()).toString());
		}
	}

	/**
	 * The cards, in backlog order: every one, or (when {@code email} is not null) those
	 * assigned to a team member with this e-mail (none when it is blank).
	 */
	List<Board.Card> cards(String email) {
		List<Board.Card> cards = new ArrayList<>(rows.size());
		for (var r : rows) {
			if (email == null || mine(r, email)) {
				String epic = r.parentNumber() == null ? null : new ItemKey(productKey, r.parentNumber()).toString();
				cards.add(new Board.Card(new ItemKey(productKey, r.number()).toString(), r.title(), r.status(),
						r.estimate(), r.version(), r.assignee(), epic, epic == null ? null : r.parentTitle(),
						List.copyOf(blockers.getOrDefault(r.id(), List.of())), List.copyOf(r.status().next())));
			}
		}
		return cards;
	}

	/** The epics' keys in backlog order (for lanes by epic). */
	List<String> epicOrder() {
		Map<String, String> ranks = new HashMap<>();
		for (var r : rows) {
			if (r.parentNumber() != null) {
				ranks.put(new ItemKey(productKey, r.parentNumber()).toString(), r.parentRank());
			}
		}
		List<String> keys = new ArrayList<>(ranks.keySet());
		keys.sort(Comparator.comparing(ranks::get));
		return keys;
	}

	private static boolean mine(BoardRepository.CardRow r, String email) {
		return !email.isBlank() && r.assigneeEmail() != null
				&& r.assigneeEmail().strip().equalsIgnoreCase(email.strip());
	}

	/**
	 * The cards in lanes: one lane, or one per assignee (by name, unassigned last) or per
	 * epic (in backlog order, no epic last).
	 */
	static List<Board.Lane> lanes(List<Board.Card> cards, Board.Lanes by, List<String> epicOrder) {
		Map<String, List<Board.Card>> groups = new LinkedHashMap<>();
		Map<String, String> labels = new HashMap<>();
		String rest = switch (by) {
			case NONE -> "all";
			case ASSIGNEE -> "unassigned";
			case EPIC -> "no-epic";
		};
		if (by == Board.Lanes.EPIC) {
			epicOrder.forEach(key -> groups.put(key, new ArrayList<>()));
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
