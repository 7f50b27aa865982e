package dev.priora.followups;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.priora.backlog.BacklogEvents.StatusChanged;
import dev.priora.backlog.ItemStatus;
import dev.priora.backlog.ProductService;
import dev.priora.followups.AskerRepository.Ask;
import dev.priora.followups.AskerRepository.Contact;
import dev.priora.followups.AskerRepository.Item;
import dev.priora.followups.engine.DraftWriter;
import dev.priora.planning.ReleaseShipped;

/**
 * Drafts one message per person who asked, in the transaction that shipped: when an item
 * feedback is linked to becomes done (about that item, naming its release), and when a
 * release is released (about its done items the person asked for and was not drafted
 * about yet). A person is drafted once per item or release, whatever happens to the item
 * later (reopened and done again: no second draft). With the product's automatic sending
 * on, a draft to someone with an address is sent at once.
 */
@Component
class FollowupDrafter {

	private final FollowupRepository repository;

	private final AskerRepository asked;

	private final FollowupSender sender;

	private final ProductService products;

	private final Clock clock;

	FollowupDrafter(FollowupRepository repository, AskerRepository asked, FollowupSender sender,
			ProductService products, Clock clock) {
		this.repository = repository;
		this.asked = asked;
		this.sender = sender;
		this.products = products;
		this.clock = clock;
	}

	@EventListener
	void on(StatusChanged e) {
		if (e.to() != ItemStatus.DONE) {
			return;
		}
		long id = e.item().value();
		var release = asked.releaseOf(id);
		draft(e.key().productKey(), new Shipped(Shipped.Kind.ITEM, id, e.key() + " " + e.title()), release.orElse(null),
				List.of(new Item(id, e.key().toString(), e.title())));
	}

	@EventListener
	void on(ReleaseShipped e) {
		draft(e.productKey(), new Shipped(Shipped.Kind.RELEASE, e.releaseId(), e.name()),
				new AskerRepository.Release(e.releaseId(), e.name()), asked.doneItems(e.releaseId()));
	}

	/** One person's part of what shipped: their feedback on it. */
	private record Asker(Recipient recipient, List<Ask> asks) {
	}

	private void draft(String productKey, Shipped shipped, AskerRepository.Release release, List<Item> items) {
		Map<Long, Item> byId = new LinkedHashMap<>();
		items.forEach(i -> byId.put(i.id(), i));
		List<Ask> asks = asked.asks(byId.keySet());
		if (asks.isEmpty()) {
			return;
		}
		Map<Long, Set<String>> covered = repository.covered(productKey, byId.keySet());
		Map<String, Asker> askers = askers(asks, covered);
		if (askers.isEmpty()) {
			return;
		}
		boolean auto = repository.autoSend(productKey);
		String product = products.get(productKey).name();
		List<FollowupRepository.Row> toSend = new ArrayList<>();
		for (Asker a : askers.values()) {
			if (repository.exists(productKey, shipped, a.recipient().key())) {
				continue;
			}
			List<String> titles = byId.values()
				.stream()
				.filter(i -> a.asks().stream().anyMatch(k -> k.itemId() == i.id()))
				.map(Item::title)
				.toList();
			var words = a.asks().stream().map(Ask::words).toList();
			var d = DraftWriter.write(new DraftWriter.Input(a.recipient().firstName(), words, titles,
					release == null ? null : release.name(), product));
			long id = repository
				.insert(new FollowupRepository.New(productKey, shipped, release == null ? null : release.id(),
						a.recipient(), d.subject(), d.body(), FollowupStatus.DRAFT, clock.instant()));
			a.asks().forEach(k -> repository.answers(id, k.feedbackId(), k.itemId()));
			if (auto && a.recipient().email() != null) {
				toSend.add(repository.find(productKey, List.of(id)).get(0));
			}
		}
		if (!toSend.isEmpty()) {
			sender.send(productKey, toSend, null);
		}
	}

	/**
	 * The people behind these links, less those already drafted about the linked item.
	 */
	private Map<String, Asker> askers(List<Ask> asks, Map<Long, Set<String>> covered) {
		Map<Long, List<Contact>> contacts = new HashMap<>();
		asked
			.contacts(asks.stream()
				.filter(a -> a.contactId() == null && blank(a.submitterEmail()) && a.customerId() != null)
				.map(Ask::customerId)
				.distinct()
				.toList())
			.forEach(c -> contacts.computeIfAbsent(c.customerId(), k -> new ArrayList<>()).add(c));
		Map<String, Asker> askers = new LinkedHashMap<>();
		for (Ask a : asks) {
			Recipient r = recipient(a, contacts);
			if (r != null && !covered.getOrDefault(a.itemId(), Set.of()).contains(r.key())) {
				askers.computeIfAbsent(r.key(), k -> new Asker(r, new ArrayList<>())).asks().add(a);
			}
		}
		return askers;
	}

	/**
	 * Who gave the feedback: its contact; else its sender's address; else the customer's
	 * first contact with an address (or, without one, their first contact); else the
	 * customer as a whole; nobody for feedback without a customer or sender.
	 */
	static Recipient recipient(Ask a, Map<Long, List<Contact>> contacts) {
		if (a.contactId() != null) {
			return new Recipient("contact:" + a.contactId(), a.customerId(), a.contactId(), a.contactName(),
					a.contactEmail());
		}
		if (!blank(a.submitterEmail())) {
			String email = a.submitterEmail().strip();
			return new Recipient("email:" + email.toLowerCase(Locale.ROOT), a.customerId(), null, a.submitterName(),
					email);
		}
		if (a.customerId() == null) {
			return null;
		}
		List<Contact> known = contacts.getOrDefault(a.customerId(), List.of());
		Contact c = known.stream()
			.filter(k -> !blank(k.email()))
			.findFirst()
			.orElse(known.isEmpty() ? null : known.get(0));
		return c == null ? new Recipient("customer:" + a.customerId(), a.customerId(), null, a.customerName(), null)
				: new Recipient("contact:" + c.id(), a.customerId(), c.id(), c.name(), c.email());
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

}
