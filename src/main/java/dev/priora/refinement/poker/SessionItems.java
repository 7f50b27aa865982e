package dev.priora.refinement.poker;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.priora.backlog.BacklogService;
import dev.priora.backlog.ItemFilter;
import dev.priora.backlog.ItemId;
import dev.priora.backlog.ItemIds;
import dev.priora.backlog.ItemKey;
import dev.priora.backlog.ItemStatus;
import dev.priora.backlog.ItemSummary;
import dev.priora.backlog.ItemType;
import dev.priora.problem.DomainProblem;

/**
 * What a new session estimates and is called: the items asked for (checked to be the
 * product's, each once) or, by default, the first items that are not ready, in backlog
 * order.
 */
@Component
class SessionItems {

	/** Items a session takes when none are named. */
	static final int DEFAULT_ITEMS = 10;

	/** The most items one session takes. */
	static final int MAX_ITEMS = 50;

	/** The longest session name. */
	static final int MAX_NAME = 200;

	/**
	 * Pages of the backlog read at most to find the candidates (epics are passed over).
	 */
	private static final int MAX_PAGES = 5;

	private final BacklogService backlog;

	private final ItemIds ids;

	private final Clock clock;

	SessionItems(BacklogService backlog, ItemIds ids, Clock clock) {
		this.backlog = backlog;
		this.ids = ids;
		this.clock = clock;
	}

	/**
	 * The items to offer a new session, in backlog order: new (not yet ready), not ready
	 * by the product's Definition of Ready, and no epics (at most {@value #MAX_ITEMS}).
	 */
	List<ItemSummary> candidates(String productKey) {
		List<ItemSummary> found = new ArrayList<>();
		ItemFilter unready = new ItemFilter(null, ItemStatus.NEW, null, null, false, null);
		String cursor = null;
		int pages = 0;
		do {
			var page = backlog.page(productKey, unready, cursor, BacklogService.MAX_PAGE_SIZE);
			page.items()
				.stream()
				.filter(i -> i.type() != ItemType.EPIC)
				.limit(MAX_ITEMS - found.size())
				.forEach(found::add);
			cursor = page.nextCursor();
		}
		while (cursor != null && found.size() < MAX_ITEMS && ++pages < MAX_PAGES);
		return found;
	}

	/** The ids of the items to estimate, in order; 400 naming {@code items} otherwise. */
	List<ItemId> pick(String productKey, List<String> keys) {
		if (keys == null) {
			List<ItemId> first = candidates(productKey).stream()
				.limit(DEFAULT_ITEMS)
				.map(i -> ids.get(i.key()))
				.toList();
			if (first.isEmpty()) {
				throw DomainProblem.invalid("items",
						"no item of " + productKey + " waits for refinement: name the" + " items to estimate");
			}
			return first;
		}
		if (keys.isEmpty() || keys.size() > MAX_ITEMS) {
			throw DomainProblem.invalid("items", "pick 1 to " + MAX_ITEMS + " items");
		}
		Set<ItemKey> seen = new LinkedHashSet<>();
		List<ItemId> picked = new ArrayList<>();
		for (String typed : keys) {
			ItemKey key = key(productKey, typed, "items");
			if (!seen.add(key)) {
				throw DomainProblem.invalid("items", key + " is named twice");
			}
			picked.add(ids.find(key)
				.orElseThrow(() -> DomainProblem.invalid("items", "there is no item " + key + " in " + productKey)));
		}
		return picked;
	}

	/** The session's name: as typed, or "Refinement DATE". */
	String name(String typed) {
		String name = typed == null ? "" : typed.strip();
		if (name.isEmpty()) {
			return "Refinement " + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		}
		if (name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
			throw DomainProblem.invalid("name",
					"is one line of at most " + MAX_NAME + " characters, without control characters");
		}
		return name;
	}

	/**
	 * The product's item {@code typed} names (its key or number); 400 naming {@code item}
	 * when it is no key, or another product's.
	 */
	static ItemKey itemOf(String productKey, String typed) {
		return key(productKey, typed, "item");
	}

	private static ItemKey key(String productKey, String typed, String field) {
		Optional<ItemKey> key = parse(productKey, typed);
		if (key.isEmpty()) {
			throw DomainProblem.invalid(field, "'" + clip(typed) + "' is no item key (like " + productKey + "-12)");
		}
		if (!key.get().productKey().equals(productKey)) {
			throw DomainProblem.invalid(field, key.get() + " is not an item of " + productKey
					+ ": a session estimates the items of its own product");
		}
		return key.get();
	}

	private static String clip(String typed) {
		return typed == null ? "" : typed.length() > 40 ? typed.substring(0, 40) + "…" : typed;
	}

	private static Optional<ItemKey> parse(String productKey, String typed) {
		String t = typed == null ? "" : typed.strip().toUpperCase(Locale.ROOT);
		if (!t.isEmpty() && t.length() < 13 && t.chars().allMatch(Character::isDigit)) {
			t = productKey + "-" + t;
		}
		return ItemKey.parse(t);
	}

}
