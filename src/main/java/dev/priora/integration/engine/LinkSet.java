package dev.priora.integration.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.priora.integration.engine.ImportBatch.Link;
import dev.priora.integration.engine.ImportBatch.LinkKind;

/**
 * Links read from an export, each kept once: a dependency by its direction, a relation
 * (or duplicate) whichever side named it.
 */
final class LinkSet {

	private final Set<String> ids = new LinkedHashSet<>();

	private final List<Link> links = new ArrayList<>();

	void add(int row, String from, LinkKind kind, String to) {
		if (from.equals(to)) {
			return;
		}
		String id = kind == LinkKind.DEPENDS_ON ? from + ">" + to
				: (from.compareTo(to) < 0 ? from + "~" + to : to + "~" + from) + kind;
		if (ids.add(id)) {
			links.add(new Link(row, from, kind, to));
		}
	}

	List<Link> list() {
		return List.copyOf(links);
	}

}
