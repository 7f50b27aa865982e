package dev.priora.backlog;

import dev.priora.problem.DomainProblem;

/**
 * Optional filters of a backlog listing; null means "any". {@code text} matches title or
 * description; {@code minCustomers} keeps items at least that many customers asked for.
 * {@code order} (default rank) is how the listing is sorted; {@code assignee} keeps the
 * items of one team member, of the reader, or of nobody.
 */
public record ItemFilter(ItemType type, ItemStatus status, String label, ItemKey parent, Boolean ready, String text,
		Integer minCustomers, ItemOrder order, AssigneeFilter assignee) {

	public static final ItemFilter NONE = new ItemFilter(null, null, null, null, null, null, null, null, null);

	public ItemFilter {
		label = blankToNull(label);
		text = blankToNull(text);
		order = order == null ? ItemOrder.RANK : order;
		if (minCustomers != null && minCustomers < 0) {
			throw DomainProblem.invalid("minCustomers", "must be 0 or more");
		}
	}

	public ItemFilter(ItemType type, ItemStatus status, String label, ItemKey parent, Boolean ready, String text) {
		this(type, status, label, parent, ready, text, null, null, null);
	}

	public ItemFilter(ItemType type, ItemStatus status, String label, ItemKey parent, Boolean ready, String text,
			Integer minCustomers, ItemOrder order) {
		this(type, status, label, parent, ready, text, minCustomers, order, null);
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
