package dev.priora.refinement.poker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.priora.accounts.AccountService;
import dev.priora.accounts.UserId;
import dev.priora.backlog.AcceptanceCriterion;
import dev.priora.backlog.BacklogService;
import dev.priora.backlog.ItemKey;
import dev.priora.backlog.ItemView;
import dev.priora.backlog.ProductService;
import dev.priora.refinement.estimates.EstimateSuggestions;
import dev.priora.refinement.estimates.SuggestionView;
import dev.priora.refinement.poker.PokerRepository.ItemRow;
import dev.priora.refinement.poker.PokerRepository.SessionRow;
import dev.priora.refinement.poker.PokerRepository.VoteRow;
import dev.priora.refinement.poker.PokerSession.Current;
import dev.priora.refinement.poker.PokerSession.Participant;
import dev.priora.refinement.poker.PokerSession.SessionItem;
import dev.priora.refinement.poker.PokerSession.Summary;
import dev.priora.refinement.poker.engine.Deck;
import dev.priora.refinement.poker.engine.Tally;

/**
 * Builds what one reader sees of a session. The secret is kept here: before the reveal,
 * the only card a view holds is the reader's own.
 */
@Component
class PokerViews {

	private final PokerRepository repository;

	private final ProductService products;

	private final BacklogService backlog;

	private final AccountService accounts;

	private final EstimateSuggestions suggestions;

	PokerViews(PokerRepository repository, ProductService products, BacklogService backlog, AccountService accounts,
			EstimateSuggestions suggestions) {
		this.suggestions = suggestions;
		this.repository = repository;
		this.products = products;
		this.backlog = backlog;
		this.accounts = accounts;
	}

	Deck deck(String productKey) {
		return new Deck(products.get(productKey).estimateScale());
	}

	/** The item being estimated: the first still pending, while the session is open. */
	static ItemRow current(SessionRow session, List<ItemRow> items) {
		if (session.status() != SessionStatus.OPEN) {
			return null;
		}
		return items.stream().filter(i -> i.outcome() == Outcome.PENDING).findFirst().orElse(null);
	}

	/** The product's last 200 sessions, newest first. */
	List<SessionListing> listings(String productKey) {
		var rows = repository.list(productKey, 200);
		var names = accounts.displayNames(rows.stream().map(r -> new UserId(r.session().createdBy())).toList());
		return rows.stream().map(r -> {
			SessionRow s = r.session();
			return new SessionListing(s.id(), s.name(), s.status(),
					names.getOrDefault(new UserId(s.createdBy()), "someone"), s.createdAt(), s.closedAt(), r.items(),
					r.settled());
		}).toList();
	}

	PokerSession view(SessionRow session, UserId reader) {
		List<ItemRow> items = repository.items(session.id());
		ItemRow current = current(session, items);
		List<VoteRow> votes = current == null ? List.of()
				: repository.votes(session.id(), current.itemId(), current.round());
		List<Long> joined = repository.participants(session.id());
		Set<UserId> people = new LinkedHashSet<>();
		people.add(new UserId(session.createdBy()));
		joined.forEach(u -> people.add(new UserId(u)));
		Map<UserId, String> names = accounts.displayNames(people);
		Deck deck = deck(session.productKey());
		return new PokerSession(session.id(), session.productKey(), session.name(), session.status(),
				names.getOrDefault(new UserId(session.createdBy()), "someone"), session.createdAt(), session.closedAt(),
				deck.cards(), items.stream().map(i -> item(session.productKey(), i)).toList(),
				current == null ? null : current(session.productKey(), current, votes, deck, reader),
				participants(joined, votes, current != null && current.revealed(), names), summary(items));
	}

	private Current current(String productKey, ItemRow row, List<VoteRow> votes, Deck deck, UserId reader) {
		ItemView item = backlog.item(new ItemKey(productKey, row.number()));
		String mine = votes.stream()
			.filter(v -> v.userId() == reader.value())
			.map(VoteRow::card)
			.findFirst()
			.orElse(null);
		Tally tally = row.revealed() ? Tally.of(deck, votes.stream().map(VoteRow::card).toList()) : null;
		// the suggested estimate after the reveal only: shown before, it would anchor the
		// votes
		SuggestionView suggestion = row.revealed() ? suggestions.forItem(productKey, productKey + "-" + row.number())
				: null;
		return new Current(item(productKey, row), item.description(),
				item.acceptanceCriteria().stream().map(AcceptanceCriterion::statement).toList(), row.round(),
				row.revealed(), votes.size(), mine, tally, suggestion);
	}

	private static List<Participant> participants(List<Long> joined, List<VoteRow> votes, boolean revealed,
			Map<UserId, String> names) {
		Map<Long, String> cards = new HashMap<>();
		votes.forEach(v -> cards.put(v.userId(), v.card()));
		List<Participant> list = new ArrayList<>();
		for (long user : joined) {
			String card = cards.get(user);
			list.add(new Participant(user, names.getOrDefault(new UserId(user), "someone"), card != null,
					revealed ? card : null));
		}
		return list;
	}

	static SessionItem item(String productKey, ItemRow row) {
		return new SessionItem(productKey + "-" + row.number(), row.title(), row.estimate(), row.outcome(),
				row.before(), row.accepted());
	}

	private static Summary summary(List<ItemRow> items) {
		int estimated = 0;
		int changed = 0;
		int confirmed = 0;
		int skipped = 0;
		for (ItemRow i : items) {
			if (i.outcome() == Outcome.SKIPPED) {
				skipped++;
			}
			else if (i.outcome() == Outcome.ACCEPTED && i.before() == null) {
				estimated++;
			}
			else if (i.outcome() == Outcome.ACCEPTED && i.before().compareTo(i.accepted()) != 0) {
				changed++;
			}
			else if (i.outcome() == Outcome.ACCEPTED) {
				confirmed++;
			}
		}
		return new Summary(estimated, changed, confirmed, skipped,
				items.size() - estimated - changed - confirmed - skipped);
	}

}
