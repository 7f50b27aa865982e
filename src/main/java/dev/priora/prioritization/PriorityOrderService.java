package dev.priora.prioritization;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.accounts.UserId;
import dev.priora.backlog.BacklogOrder;
import dev.priora.problem.DomainProblem;
import dev.priora.backlog.BacklogSnapshot;
import dev.priora.backlog.ItemIds;
import dev.priora.backlog.ItemKey;
import dev.priora.backlog.ItemType;
import dev.priora.dependencies.engine.PriorityOrder;

/**
 * "Order by score": proposes the backlog sorted by the active score in which no item
 * stands above an unfinished prerequisite (finished, pinned and unscorable items keep
 * their places; epics go with their children: see {@link OrderInput}), applies exactly
 * that proposal as one change, and undoes it.
 */
@Service
public class PriorityOrderService {

	/**
	 * An applied order: when, from which model, how many items moved, and whether it was
	 * undone.
	 */
	public record AppliedOrder(long id, String model, int moved, java.time.Instant appliedAt, boolean undone) {
	}

	private final PrioritizationService scores;

	private final ScoringModels models;

	private final PrioritizationRepository repository;

	private final BacklogOrder backlog;

	private final ItemIds itemIds;

	private final Clock clock;

	PriorityOrderService(PrioritizationService scores, ScoringModels models, PrioritizationRepository repository,
			BacklogOrder backlog, ItemIds itemIds, Clock clock) {
		this.scores = scores;
		this.models = models;
		this.repository = repository;
		this.backlog = backlog;
		this.itemIds = itemIds;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public OrderProposal preview(String productKey) {
		return propose(productKey).proposal();
	}

	private record Proposed(OrderProposal proposal, List<Long> order, List<Long> current) {
	}

	private Proposed propose(String productKey) {
		ScoringModelView model = models.model(productKey, null);
		List<ItemScore> scored = scores.scores(productKey, model.id());
		BacklogSnapshot snapshot = backlog.snapshot(productKey);
		Set<Long> pins = repository.pins(snapshot.productKey());
		int n = snapshot.items().size();
		OrderInput in = OrderInput.of(snapshot, scored, pins, true);
		var result = PriorityOrder.order(in.input());
		if (!result.complete()) {
			// an epic's own dependencies close a cycle with its children: epics keep
			// their places instead
			in = OrderInput.of(snapshot, scored, pins, false);
			result = PriorityOrder.order(in.input());
		}
		if (!result.complete()) {
			throw DomainProblem.conflict("dependency-cycle", "These items wait on each other: "
					+ Arrays.stream(result.cycle()).mapToObj(i -> snapshot.items().get(i).key().toString()).toList()
					+ "; remove one of their dependencies first.");
		}
		Map<Integer, List<Integer>> prereqsOf = new HashMap<>();
		for (int k = in.epicEdges(); k < in.input().waitsOn().length; k++) {
			prereqsOf.computeIfAbsent(in.input().waitsOn()[k], x -> new ArrayList<>())
				.add(in.input().prerequisite()[k]);
		}
		int[] to = new int[n];
		for (int pos = 0; pos < n; pos++) {
			to[result.order()[pos]] = pos;
		}
		List<OrderProposal.Move> moves = new ArrayList<>();
		List<Long> order = new ArrayList<>();
		int moved = 0;
		int notScorable = 0;
		for (int pos = 0; pos < n; pos++) {
			int i = result.order()[pos];
			var e = snapshot.items().get(i);
			ItemScore s = scored.get(i);
			order.add(e.id());
			moved += i != pos ? 1 : 0;
			notScorable += e.open() && !s.score().scorable() && e.type() != ItemType.EPIC ? 1 : 0;
			OrderInput.Kind kind = in.kinds()[i];
			moves.add(new OrderProposal.Move(e.key().toString(), e.title(), e.open(), i + 1, pos + 1, s.score().value(),
					pins.contains(e.id()), kind.name(), reason(e, s, kind, in.input().score()[i],
							prereqsOf.getOrDefault(i, List.of()), snapshot, to, i, pos)));
		}
		List<Long> current = snapshot.items().stream().map(BacklogSnapshot.Entry::id).toList();
		return new Proposed(new OrderProposal(model.name(), basis(current, order), moved, notScorable, moves), order,
				current);
	}

	/** A score as the scoring page shows it: two decimals ("0.31", "1.20"). */
	static String shown(double score) {
		return java.math.BigDecimal.valueOf(score).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
	}

	private static String reason(BacklogSnapshot.Entry e, ItemScore s, OrderInput.Kind kind, double sortedBy,
			List<Integer> prereqs, BacklogSnapshot snapshot, int[] to, int from, int pos) {
		List<String> parts = new ArrayList<>();
		String place = pos == from ? "keeps its place" : "after its prerequisites";
		switch (kind) {
			case FINISHED -> parts.add(e.status().label().toLowerCase(java.util.Locale.ROOT) + ": keeps its place");
			case PINNED -> parts.add("pinned: " + place);
			case UNSCORED -> parts.add((e.type() == ItemType.EPIC ? "epic without scored children"
					: "not scorable (" + String.join("; ", s.score().missing()) + ")") + ": " + place);
			case EPIC -> parts.add("epic: above its children, by their best score " + shown(sortedBy));
			case SCORED -> parts.add("score " + shown(s.score().value()));
		}
		Set<String> waits = new LinkedHashSet<>();
		for (int p : prereqs) {
			if (to[p] < pos) {
				waits.add(snapshot.items().get(p).key().toString());
			}
		}
		if (!waits.isEmpty()) {
			parts.add("waits on " + String.join(", ", waits));
		}
		return String.join("; ", parts);
	}

	/**
	 * Applies the proposal made from {@code basis}; 409 when the backlog changed since.
	 * One change, recorded so that it can be undone.
	 */
	@Transactional
	public AppliedOrder apply(String productKey, String basis, UserId user) {
		Proposed p = propose(productKey);
		if (basis == null || !basis.equals(p.proposal().basis())) {
			throw DomainProblem.conflict("order-changed",
					"The backlog or its scores changed since this preview; look at the new preview and apply that.");
		}
		String key = productKey.toUpperCase(java.util.Locale.ROOT);
		int moved = backlog.reorder(key, p.order(), "ordered by score (" + p.proposal().model() + ")", user);
		long id = repository.insertChange(key, p.proposal().model(), p.current(), moved, user.value(), clock.instant());
		return applied(repository.change(key, id).orElseThrow());
	}

	/**
	 * Puts the backlog back in the order it had before the applied order; items created
	 * since go after the others, in their current order.
	 */
	@Transactional
	public AppliedOrder undo(String productKey, long changeId, UserId user) {
		String key = productKey.toUpperCase(java.util.Locale.ROOT);
		var change = repository.change(key, changeId)
			.orElseThrow(() -> DomainProblem.notFound("Applied order " + changeId));
		if (change.undoneAt() != null) {
			throw DomainProblem.conflict("already-undone", "This order was undone already.");
		}
		var latest = repository.latestChange(key).orElseThrow();
		if (latest.id() != changeId) {
			throw DomainProblem.conflict("not-latest", "Only the latest applied order can be undone.");
		}
		List<Long> current = backlog.snapshot(key).items().stream().map(BacklogSnapshot.Entry::id).toList();
		Set<Long> exists = new HashSet<>(current);
		List<Long> restored = new ArrayList<>();
		for (String id : change.beforeOrder().split(",")) {
			if (!id.isEmpty() && exists.remove(Long.parseLong(id))) {
				restored.add(Long.parseLong(id));
			}
		}
		for (Long id : current) {
			if (exists.contains(id)) {
				restored.add(id);
			}
		}
		backlog.reorder(key, restored, "undo of the order by score (" + change.modelName() + ")", user);
		repository.markUndone(changeId, clock.instant());
		return applied(repository.change(key, changeId).orElseThrow());
	}

	public java.util.Optional<AppliedOrder> latest(String productKey) {
		return repository.latestChange(productKey.toUpperCase(java.util.Locale.ROOT))
			.map(PriorityOrderService::applied);
	}

	/** Pins the item: ordering by score keeps it where it is. */
	@Transactional
	public void pin(ItemKey item, UserId user) {
		repository.pin(id(item), user.value(), clock.instant());
	}

	@Transactional
	public void unpin(ItemKey item) {
		if (!repository.unpin(id(item))) {
			throw DomainProblem.notFound("A pin on " + item);
		}
	}

	public boolean pinned(ItemKey item) {
		return repository.pins(item.productKey()).contains(id(item));
	}

	/** Keys of the product's pinned items. */
	public Set<String> pinnedKeys(String productKey) {
		return repository.pinnedKeys(productKey.toUpperCase(java.util.Locale.ROOT));
	}

	private long id(ItemKey item) {
		return itemIds.get(item).value();
	}

	private static AppliedOrder applied(PrioritizationRepository.OrderChange c) {
		return new AppliedOrder(c.id(), c.modelName(), c.moved(), c.appliedAt(), c.undoneAt() != null);
	}

	/** Identifies the order a proposal was made from and the order it proposes. */
	static String basis(List<Long> current, List<Long> proposed) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			for (Long id : current) {
				sha.update((id + ",").getBytes(StandardCharsets.US_ASCII));
			}
			sha.update((byte) '|');
			for (Long id : proposed) {
				sha.update((id + ",").getBytes(StandardCharsets.US_ASCII));
			}
			return HexFormat.of().formatHex(sha.digest(), 0, 12);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
