package dev.priora.followups;

/**
 * What shipped that a message is about: a done item or a released release.
 *
 * @param kind an item or a release
 * @param id the item's or release's id
 * @param name how it is shown: "SHOP-7 Export as CSV" or the release's name
 */
public record Shipped(Kind kind, long id, String name) {

	/** What a message is about. */
	public enum Kind {

		ITEM, RELEASE

	}

	public Shipped {
		if (kind == null || name == null || name.isBlank()) {
			throw new IllegalArgumentException("a kind and a name");
		}
	}

}
