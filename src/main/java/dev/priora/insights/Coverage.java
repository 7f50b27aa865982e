package dev.priora.insights;

import java.util.List;

/**
 * The backlog items a theme's feedback is linked to, and how far they are.
 *
 * @param state {@code NONE} (no item), {@code LINKED} (items, none planned or done),
 * {@code PLANNED} (one planned for a release or in progress, none done) or {@code DONE}
 * @param items the items, by key
 */
public record Coverage(String state, List<Item> items) {

	/** An item linked to the theme's feedback. */
	public record Item(String key, String title, String status, boolean planned) {
	}

	public Coverage {
		items = List.copyOf(items);
	}

	/** Whether a planned or done item covers the theme. */
	public boolean addressed() {
		return state.equals("PLANNED") || state.equals("DONE");
	}

	static Coverage of(List<Item> items) {
		boolean done = items.stream().anyMatch(i -> i.status().equals("DONE"));
		boolean planned = items.stream().anyMatch(i -> i.planned() || i.status().equals("IN_PROGRESS"));
		String state = items.isEmpty() ? "NONE" : done ? "DONE" : planned ? "PLANNED" : "LINKED";
		return new Coverage(state, items);
	}

}
