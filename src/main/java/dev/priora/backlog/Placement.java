package dev.priora.backlog;

/**
 * Where to put an item in the backlog: top, bottom, or just before or after another item.
 */
public sealed interface Placement {

	record Top() implements Placement {
	}

	record Bottom() implements Placement {
	}

	record Before(ItemKey target) implements Placement {
	}

	record After(ItemKey target) implements Placement {
	}

}
