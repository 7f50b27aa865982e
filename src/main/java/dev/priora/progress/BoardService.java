package dev.priora.progress;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.accounts.UserId;
import dev.priora.problem.DomainProblem;
import dev.priora.backlog.BacklogService;
import dev.priora.backlog.ItemKey;
import dev.priora.backlog.ItemStatus;
import dev.priora.backlog.ProductService;
import dev.priora.backlog.ProductView;
import dev.priora.planning.PlanningService;

/**
 * The sprint board: the cards of a sprint (the running one unless another sprint or a
 * release is chosen) in status columns and swimlanes, WIP limits per product and status,
 * and moving a card, which changes the item's status through {@link BacklogService} (the
 * workflow, the Definition of Ready, history and webhooks apply).
 */
@Service
public class BoardService {

	/** The most a WIP limit may be. */
	public static final int MAX_WIP_LIMIT = 999;

	/**
	 * What to show: a sprint or a release (both null: the current sprint), lanes, mine.
	 */
	public record Query(Long sprintId, Long releaseId, Board.Lanes lanes, boolean mine) {

		public Query {
			lanes = lanes == null ? Board.Lanes.NONE : lanes;
		}

	}

	/**
	 * A move's outcome: the item's new status and a warning when a WIP limit is exceeded.
	 */
	public record Moved(String item, ItemStatus status, String warning) {
	}

	private final BoardRepository repository;

	private final ProductService products;

	private final BacklogService backlog;

	private final PlanningService planning;

	BoardService(BoardRepository repository, ProductService products, BacklogService backlog,
			PlanningService planning) {
		this.repository = repository;
		this.products = products;
		this.backlog = backlog;
		this.planning = planning;
	}

	/**
	 * The board for the reader (whose e-mail decides "mine"). Reads only the items in the
	 * scope and what their cards show, in a fixed number of statements whatever the size
	 * of the backlog or the number of sprints.
	 */
	@Transactional(readOnly = true)
	public Board board(String productKey, Query query, String readerEmail) {
		ProductView product = products.get(productKey);
		String key = product.key();
		List<Board.Choice> sprints = sprints(key);
		Map<Long, String> releases = planning.releaseNames(key);
		Board.Scope scope = scope(query, sprints, releases);
		BoardCards built = scope.id() == null ? new BoardCards(key, List.of(), List.of())
				: new BoardCards(key, repository.cards(product.id().value(), key, scope.release(), scope.id()),
						repository.blockers(product.id().value(), scope.release(), scope.id()));
		List<Board.Card> all = built.cards(null);
		int hidden = (int) all.stream().filter(c -> !Board.STATUSES.contains(c.status())).count();
		List<Board.Card> cards = onBoard(all);
		List<Board.Column> columns = columns(cards, repository.wipLimits(key));
		if (query.mine()) {
			cards = onBoard(built.cards(readerEmail == null ? "" : readerEmail));
		}
		List<Board.Choice> releaseChoices = new ArrayList<>();
		releases.forEach((id, name) -> releaseChoices.add(new Board.Choice(id, name, null)));
		return new Board(key, scope, query.lanes(), query.mine(), repository.onTeam(key, readerEmail), columns,
				BoardCards.lanes(cards, query.lanes(), built.epicOrder()), hidden, sprints, releaseChoices);
	}

	/**
	 * Moves a card: changes the item's status (409 when the workflow or the Definition of
	 * Ready refuses, or the version is stale), then warns when the target column of the
	 * board now holds more cards than its WIP limit.
	 */
	@Transactional
	public Moved move(ItemKey item, ItemStatus target, long expectedVersion, Query scope, UserId user) {
		if (target == null) {
			throw DomainProblem.invalid("status", "is required");
		}
		if (!Board.STATUSES.contains(target) && target != ItemStatus.REJECTED) {
			throw DomainProblem.invalid("status", "is not a board column");
		}
		ItemStatus now = backlog.item(item).status();
		if (now != target && !now.canChangeTo(target)) {
			throw DomainProblem.conflict("invalid-transition",
					item + " is " + title(now) + "; it can move to "
							+ String.join(" or ", now.next().stream().map(BoardService::title).toList()) + ", not "
							+ title(target) + ".");
		}
		backlog.changeStatus(item, target, expectedVersion, false, user);
		Integer limit = repository.wipLimits(products.get(item.productKey()).key()).get(target);
		String warning = null;
		if (limit != null) {
			var board = board(item.productKey(), new Query(scope.sprintId(), scope.releaseId(), null, false), null);
			int count = board.columns().stream().filter(c -> c.status() == target).mapToInt(Board.Column::count).sum();
			if (count > limit) {
				warning = target.label() + " now holds " + count + " items, over its WIP limit of " + limit + ".";
			}
		}
		return new Moved(item.toString(), target, warning);
	}

	/** The product's WIP limits by status (statuses without a limit left out). */
	@Transactional(readOnly = true)
	public Map<ItemStatus, Integer> wipLimits(String productKey) {
		return repository.wipLimits(products.get(productKey).key());
	}

	/**
	 * Replaces the product's WIP limits: a status column mapped to 1 to 999 cards, or to
	 * null (no limit).
	 */
	@Transactional
	public Map<ItemStatus, Integer> setWipLimits(String productKey, Map<ItemStatus, Integer> limits) {
		String key = products.get(productKey).key();
		Map<ItemStatus, Integer> clean = new EnumMap<>(ItemStatus.class);
		Map<String, String> errors = new LinkedHashMap<>();
		limits.forEach((status, limit) -> {
			if (status == null || !Board.STATUSES.contains(status)) {
				errors.put("limits", "a limit is for one of the columns " + Board.STATUSES);
			}
			else if (limit != null && (limit < 1 || limit > MAX_WIP_LIMIT)) {
				errors.put("limits." + status.name(), "must be from 1 to " + MAX_WIP_LIMIT + ", or empty for none");
			}
			else if (limit != null) {
				clean.put(status, limit);
			}
		});
		if (!errors.isEmpty()) {
			throw DomainProblem.invalid(errors);
		}
		repository.replaceWipLimits(key, clean);
		return repository.wipLimits(key);
	}

	/**
	 * The product's sprints in planning order, each with its state (PLANNED until
	 * started).
	 */
	private List<Board.Choice> sprints(String key) {
		Map<Long, String> states = repository.sprintStates(key);
		return planning.sprints(key)
			.stream()
			.map(s -> new Board.Choice(s.id(), s.name(), states.getOrDefault(s.id(), "PLANNED")))
			.toList();
	}

	private static Board.Scope scope(Query query, List<Board.Choice> sprints, Map<Long, String> releases) {
		if (query.releaseId() != null) {
			String name = releases.get(query.releaseId());
			if (name == null) {
				throw DomainProblem.notFound("Release " + query.releaseId());
			}
			return new Board.Scope("release", query.releaseId(), name, null);
		}
		Optional<Board.Choice> run;
		if (query.sprintId() != null) {
			run = sprints.stream().filter(r -> r.id() == query.sprintId()).findFirst();
			if (run.isEmpty()) {
				throw DomainProblem.notFound("Sprint " + query.sprintId());
			}
		}
		else {
			run = sprints.stream()
				.filter(r -> "ACTIVE".equals(r.state()))
				.findFirst()
				.or(() -> sprints.stream().filter(r -> "PLANNED".equals(r.state())).findFirst())
				.or(() -> sprints.isEmpty() ? Optional.empty() : Optional.of(sprints.get(sprints.size() - 1)));
		}
		return run.map(r -> new Board.Scope("sprint", r.id(), r.name(), r.state())).orElse(Board.Scope.NOTHING);
	}

	private static List<Board.Card> onBoard(List<Board.Card> cards) {
		return cards.stream().filter(c -> Board.STATUSES.contains(c.status())).toList();
	}

	private static String title(ItemStatus s) {
		return s == ItemStatus.NEW ? "To do" : s.label();
	}

	private static List<Board.Column> columns(List<Board.Card> cards, Map<ItemStatus, Integer> limits) {
		Map<ItemStatus, int[]> counts = new HashMap<>();
		Map<ItemStatus, BigDecimal> points = new HashMap<>();
		for (Board.Card c : cards) {
			counts.computeIfAbsent(c.status(), s -> new int[1])[0]++;
			points.merge(c.status(), c.estimate() == null ? BigDecimal.ZERO : c.estimate(), BigDecimal::add);
		}
		List<Board.Column> result = new ArrayList<>();
		for (ItemStatus s : Board.STATUSES) {
			result.add(new Board.Column(s, title(s), limits.get(s), counts.getOrDefault(s, new int[1])[0],
					points.getOrDefault(s, BigDecimal.ZERO)));
		}
		return result;
	}

}
