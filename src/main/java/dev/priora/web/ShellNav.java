package dev.priora.web;

import java.util.List;

/**
 * The sidebar of one product as the layout draws it: groups of entries, the entry the
 * page belongs to marked {@code current}.
 *
 * @param productKey the product the sidebar is for
 * @param productName its name, the first breadcrumb
 * @param groups the navigation groups, in order (Discover, Decide, Plan, Deliver,
 * Product)
 * @param current the entry the page belongs to, or null (e.g. on "Your account")
 * @param inProduct whether the page itself is a page of this product (false: the sidebar
 * shows the product last visited)
 */
public record ShellNav(String productKey, String productName, List<Group> groups, Entry current, boolean inProduct) {

	/** A titled group of entries, e.g. "Plan". */
	public record Group(String label, List<Entry> entries) {
	}

	/**
	 * One link: its label, where it goes, its two-key shortcut ("g b"; empty for none)
	 * and the group it belongs to.
	 */
	public record Entry(String key, String label, String href, String shortcut, String section, boolean current) {
	}

}
