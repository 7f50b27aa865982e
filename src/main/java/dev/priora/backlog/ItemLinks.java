package dev.priora.backlog;

import java.util.List;

/** What an item waits on, what waits on it, and what it relates to. */
public record ItemLinks(List<LinkedItem> waitsOn, List<LinkedItem> waitedOnBy, List<LinkedItem> relatesTo) {
	public ItemLinks {
		waitsOn = List.copyOf(waitsOn);
		waitedOnBy = List.copyOf(waitedOnBy);
		relatesTo = List.copyOf(relatesTo);
	}
}
