package dev.priora.backlog;

/**
 * Optional filters of a backlog listing; null means "any". {@code text} matches title or
 * description.
 */
public record ItemFilter(ItemType type, ItemStatus status, String label, ItemKey parent, Boolean ready, String text) {

	public static final ItemFilter NONE = new ItemFilter(null, null, null, null, null, null);

	public ItemFilter {
		label = blankToNull(label);
		text = blankToNull(text);
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
