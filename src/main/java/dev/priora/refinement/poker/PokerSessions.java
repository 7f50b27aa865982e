package dev.priora.refinement.poker;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.accounts.UserId;
import dev.priora.backlog.BacklogService;
import dev.priora.backlog.ItemDraft;
import dev.priora.backlog.ItemKey;
import dev.priora.backlog.ItemSummary;
import dev.priora.backlog.ItemView;
import dev.priora.backlog.ProductService;
import dev.priora.problem.DomainProblem;
import dev.priora.refinement.poker.PokerRepository.ItemRow;
import dev.priora.refinement.poker.PokerRepository.SessionRow;
import dev.priora.refinement.poker.engine.Deck;

/**
 * Planning poker sessions: the entry point of their pages and API. Every command is one
 * transaction that first locks its session, so that the commands of one session run one
 * after the other (a vote never lands after the reveal it raced with), and publishes
 * {@link PokerChanged}; a refused command changes nothing. Commands about the current
 * item may name it ({@code item}, its key or number): when it is no longer the current
 * one, the command is refused (409) instead of acting on the next item.
 */
@Service
public class PokerSessions {

	private final PokerRepository repository;

	private final PokerViews views;

	private final SessionItems items;

	private final ProductService products;

	private final BacklogService backlog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PokerSessions(PokerRepository repository, PokerViews views, SessionItems items, ProductService products,
			BacklogService backlog, ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.views = views;
		this.items = items;
		this.products = products;
		this.backlog = backlog;
		this.events = events;
		this.clock = clock;
	}

	/** The product's sessions, newest first (the last 200). */
	@Transactional(readOnly = true)
	public List<SessionListing> list(String productKey) {
		return views.listings(products.get(productKey).key());
	}

	/**
	 * The items a new session offers, in backlog order: new, not ready, no epics (the
	 * first {@value SessionItems#DEFAULT_ITEMS} are what a session takes by default).
	 */
	@Transactional(readOnly = true)
	public List<ItemSummary> candidates(String productKey) {
		return items.candidates(products.get(productKey).key());
	}

	/**
	 * Starts a session of these items (keys or numbers of the product's items, in the
	 * order to estimate them; null: the first {@value SessionItems#DEFAULT_ITEMS} items
	 * that are not ready, in backlog order). The creator joins it.
	 */
	@Transactional
	public PokerSession create(String productKey, String name, List<String> itemKeys, UserId user) {
		String key = products.get(productKey).key();
		var picked = items.pick(key, itemKeys);
		long id = repository.insert(key, items.name(name), user.value(), clock.instant());
		for (int i = 0; i < picked.size(); i++) {
			repository.insertItem(id, picked.get(i).value(), i);
		}
		repository.join(id, user.value(), clock.instant());
		return changed(key, id, user, "created");
	}

	/**
	 * The session as {@code reader} sees it: nobody's card but theirs before the reveal.
	 */
	@Transactional(readOnly = true)
	public PokerSession get(String productKey, long id, UserId reader) {
		String key = products.get(productKey).key();
		return views.view(row(key, id), reader);
	}

	/** Joins the session (again: nothing changes). */
	@Transactional
	public PokerSession join(String productKey, long id, UserId user) {
		String key = products.get(productKey).key();
		lockOpen(key, id);
		repository.join(id, user.value(), clock.instant());
		return changed(key, id, user, "joined");
	}

	/**
	 * The person's secret card for the current item's round (replacing the one they chose
	 * before); joins the session if they had not.
	 */
	@Transactional
	public PokerSession vote(String productKey, long id, String item, String card, UserId user) {
		String key = products.get(productKey).key();
		ItemRow current = currentOf(key, id, item);
		String chosen = views.deck(key)
			.card(card)
			.orElseThrow(() -> DomainProblem.invalid("card",
					"is not a card of the product's deck: " + String.join(", ", views.deck(key).cards())));
		if (current.revealed()) {
			throw DomainProblem.conflict("votes-revealed", "The votes on " + key + "-" + current.number()
					+ " are revealed: wait for a re-vote or the next item.");
		}
		repository.join(id, user.value(), clock.instant());
		repository.vote(id, current.itemId(), current.round(), user.value(), chosen, clock.instant());
		return changed(key, id, user, "voted");
	}

	/** Shows every card of the current round to everyone. */
	@Transactional
	public PokerSession reveal(String productKey, long id, String item, UserId user) {
		String key = products.get(productKey).key();
		ItemRow current = currentOf(key, id, item);
		if (repository.votes(id, current.itemId(), current.round()).isEmpty()) {
			throw DomainProblem.conflict("no-votes", "Nobody has voted on " + key + "-" + current.number() + " yet.");
		}
		repository.reveal(id, current.itemId());
		return changed(key, id, user, "revealed");
	}

	/**
	 * Accepts a value of the product's scale for the current item, after the reveal: it
	 * becomes the item's estimate through the backlog (with its history), and the session
	 * moves on to the next item.
	 */
	@Transactional
	public PokerSession accept(String productKey, long id, String item, BigDecimal estimate, UserId user) {
		String key = products.get(productKey).key();
		ItemRow current = currentOf(key, id, item);
		Deck deck = views.deck(key);
		if (estimate == null || !deck.has(estimate)) {
			throw DomainProblem.invalid("estimate", "is required, a value of the product's scale: "
					+ String.join(", ", deck.scale().stream().map(Deck::text).toList()));
		}
		if (!current.revealed()) {
			throw DomainProblem.conflict("votes-not-revealed",
					"Reveal the votes on " + key + "-" + current.number() + " before accepting a value.");
		}
		ItemKey itemKey = new ItemKey(key, current.number());
		ItemView view = backlog.item(itemKey);
		if (view.estimate() == null || view.estimate().compareTo(estimate) != 0) {
			ItemDraft d = ItemDraft.of(view);
			backlog.update(itemKey, new ItemDraft(d.type(), d.title(), d.description(), estimate, d.labels(),
					d.parent(), d.acceptanceCriteria()), view.version(), user);
		}
		repository.settle(id, current.itemId(), Outcome.ACCEPTED, view.estimate(), estimate);
		return changed(key, id, user, "accepted");
	}

	/** Starts another round of votes on the current item: every card is put back. */
	@Transactional
	public PokerSession revote(String productKey, long id, String item, UserId user) {
		String key = products.get(productKey).key();
		ItemRow current = currentOf(key, id, item);
		repository.nextRound(id, current.itemId());
		return changed(key, id, user, "revoted");
	}

	/** Leaves the current item as it is and moves on to the next. */
	@Transactional
	public PokerSession skip(String productKey, long id, String item, UserId user) {
		String key = products.get(productKey).key();
		ItemRow current = currentOf(key, id, item);
		repository.settle(id, current.itemId(), Outcome.SKIPPED, current.estimate(), null);
		return changed(key, id, user, "skipped");
	}

	/** Ends the session: no more votes; items not reached stay as they are. */
	@Transactional
	public PokerSession close(String productKey, long id, UserId user) {
		String key = products.get(productKey).key();
		lockOpen(key, id);
		repository.close(id, clock.instant());
		return changed(key, id, user, "closed");
	}

	private SessionRow lockOpen(String key, long id) {
		if (!repository.lock(key, id)) {
			throw notFound(id);
		}
		SessionRow session = row(key, id);
		if (session.status() != SessionStatus.OPEN) {
			throw DomainProblem.conflict("session-closed", "Session " + id + " is closed.");
		}
		return session;
	}

	/**
	 * Locks the open session and answers its current item, checked against {@code item}.
	 */
	private ItemRow currentOf(String key, long id, String item) {
		ItemKey wanted = item == null ? null : SessionItems.itemOf(key, item);
		SessionRow session = lockOpen(key, id);
		ItemRow current = PokerViews.current(session, repository.items(id));
		if (current == null) {
			throw DomainProblem.conflict("no-item-left", "Every item of session " + id + " is settled: close it.");
		}
		if (wanted != null && !wanted.equals(new ItemKey(key, current.number()))) {
			throw DomainProblem
				.conflict("item-not-current",
						"item: " + wanted + " is not the item being estimated (" + key + "-" + current.number() + ").")
				.with("current", key + "-" + current.number());
		}
		return current;
	}

	private SessionRow row(String key, long id) {
		return repository.session(key, id).orElseThrow(() -> notFound(id));
	}

	private static DomainProblem notFound(long id) {
		return DomainProblem.notFound("Session " + id);
	}

	private PokerSession changed(String key, long id, UserId user, String what) {
		events.publishEvent(new PokerChanged(key, id, what));
		return views.view(row(key, id), user);
	}

}
