package dev.priora.backlog;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** An item's workflow: new → ready → in progress → done, and rejected. */
public enum ItemStatus {

	NEW, READY, IN_PROGRESS, DONE, REJECTED;

	/** The statuses this one may change to. */
	public Set<ItemStatus> next() {
		return switch (this) {
			case NEW -> EnumSet.of(READY, REJECTED);
			case READY -> EnumSet.of(NEW, IN_PROGRESS, REJECTED);
			case IN_PROGRESS -> EnumSet.of(READY, DONE, REJECTED);
			case DONE -> EnumSet.of(IN_PROGRESS);
			case REJECTED -> EnumSet.of(NEW);
		};
	}

	public boolean canChangeTo(ItemStatus target) {
		return next().contains(target);
	}

	public String label() {
		String s = name().replace('_', ' ').toLowerCase(Locale.ROOT);
		return Character.toUpperCase(s.charAt(0)) + s.substring(1);
	}

}
