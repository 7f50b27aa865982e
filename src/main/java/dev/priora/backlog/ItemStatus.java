package dev.priora.backlog;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

	/**
	 * What a status menu offers for an item in this status: this status and those it may
	 * change to, in workflow order (computed once: every backlog row shows one).
	 */
	public List<ItemStatus> choices() {
		return CHOICES.get(this);
	}

	private static final Map<ItemStatus, List<ItemStatus>> CHOICES = new EnumMap<>(ItemStatus.class);

	static {
		for (ItemStatus s : values()) {
			CHOICES.put(s, Arrays.stream(values()).filter(t -> t == s || s.canChangeTo(t)).toList());
		}
	}

	public String label() {
		String s = name().replace('_', ' ').toLowerCase(Locale.ROOT);
		return Character.toUpperCase(s.charAt(0)) + s.substring(1);
	}

}
