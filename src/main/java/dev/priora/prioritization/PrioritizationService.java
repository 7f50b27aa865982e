package dev.priora.prioritization;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.accounts.AccountService;
import dev.priora.accounts.UserId;
import dev.priora.backlog.BacklogOrder;
import dev.priora.problem.DomainProblem;
import dev.priora.backlog.BacklogService;
import dev.priora.backlog.BacklogSnapshot;
import dev.priora.backlog.ItemIds;
import dev.priora.backlog.ItemKey;
import dev.priora.prioritization.engine.Criterion;
import dev.priora.prioritization.engine.ItemFacts;
import dev.priora.prioritization.engine.ModelSpec;
import dev.priora.prioritization.engine.Scale;
import dev.priora.prioritization.engine.Score;
import dev.priora.prioritization.engine.Scorer;

/**
 * Absolute, explainable scores for a product's items under its scoring models
 * ({@link ScoringModels}): typed-in inputs with history, evidence from customer demand
 * and estimates.
 */
@Service
public class PrioritizationService {

	private final PrioritizationRepository repository;

	private final ScoringModels models;

	private final BacklogOrder backlog;

	private final AccountService accounts;

	private final BacklogService items;

	private final ItemIds itemIds;

	private final Clock clock;

	PrioritizationService(PrioritizationRepository repository, ScoringModels models, BacklogOrder backlog,
			AccountService accounts, BacklogService items, ItemIds itemIds, Clock clock) {
		this.models = models;
		this.items = items;
		this.itemIds = itemIds;
		this.repository = repository;
		this.backlog = backlog;
		this.accounts = accounts;
		this.clock = clock;
	}

	/**
	 * Every item of the backlog, in backlog order, scored by the model (the active one
	 * when null).
	 */
	@Transactional(readOnly = true)
	public List<ItemScore> scores(String productKey, Long modelId) {
		ScoringModelView m = models.model(productKey, modelId);
		ModelSpec spec = m.definition().toSpec();
		BacklogSnapshot snapshot = backlog.snapshot(productKey);
		Map<Long, Map<String, String>> inputs = repository.inputs(m.id());
		Map<Long, PrioritizationRepository.Demand> demand = repository.demand(snapshot.productKey());
		List<ItemScore> result = new ArrayList<>(snapshot.items().size());
		for (var e : snapshot.items()) {
			Map<String, String> in = inputs.getOrDefault(e.id(), Map.of());
			result.add(new ItemScore(e.key().toString(), e.title(), e.type(), e.status(),
					e.parent() == null ? null : e.parent().toString(), e.labels(), e.estimate(), e.open(), in,
					Scorer.score(spec, facts(in, demand.get(e.id()), e.estimate()))));
		}
		return result;
	}

	/** A page of the scoring grid, with the cursor of the next (null on the last). */
	public record ScorePage(List<ItemScore> items, String nextCursor) {
	}

	/**
	 * Up to {@code limit} open items in backlog order after {@code cursor}, scored by the
	 * model (the active one when null): a fixed number of queries whatever the size of
	 * the backlog.
	 */
	@Transactional(readOnly = true)
	public ScorePage openScores(String productKey, Long modelId, String cursor, int limit) {
		ScoringModelView m = models.model(productKey, modelId);
		ModelSpec spec = m.definition().toSpec();
		BacklogSnapshot.Page page = backlog.openItems(productKey, cursor, limit);
		List<Long> ids = page.items().stream().map(BacklogSnapshot.Entry::id).toList();
		Map<Long, Map<String, String>> inputs = repository.inputs(m.id(), ids);
		Map<Long, PrioritizationRepository.Demand> demand = repository.demand(ids);
		List<ItemScore> result = new ArrayList<>(page.items().size());
		for (var e : page.items()) {
			Map<String, String> in = inputs.getOrDefault(e.id(), Map.of());
			result.add(new ItemScore(e.key().toString(), e.title(), e.type(), e.status(),
					e.parent() == null ? null : e.parent().toString(), e.labels(), e.estimate(), e.open(), in,
					Scorer.score(spec, facts(in, demand.get(e.id()), e.estimate()))));
		}
		return new ScorePage(result, page.nextCursor());
	}

	/** The item's score under every model of its product. */
	@Transactional(readOnly = true)
	public Map<ScoringModelView, ItemScore> itemScores(ItemKey item) {
		Map<ScoringModelView, ItemScore> result = new LinkedHashMap<>();
		// the item is read once, not once per model
		var e = entry(item);
		for (ScoringModelView m : models.models(item.productKey())) {
			result.put(m, itemScore(e, m));
		}
		return result;
	}

	public ItemScore itemScore(ItemKey item, ScoringModelView m) {
		return itemScore(entry(item), m);
	}

	private ItemScore itemScore(BacklogSnapshot.Entry e, ScoringModelView m) {
		Map<String, String> in = repository.inputs(m.id(), e.id());
		var demand = repository.demand(e.id()).orElse(null);
		return new ItemScore(e.key().toString(), e.title(), e.type(), e.status(),
				e.parent() == null ? null : e.parent().toString(), e.labels(), e.estimate(), e.open(), in,
				Scorer.score(m.definition().toSpec(), facts(in, demand, e.estimate())));
	}

	/**
	 * Sets typed-in inputs of an item under a model (a blank value clears one), each
	 * checked against its criterion's scale; every change is recorded with the score
	 * before and after. One transaction: one bad input changes nothing. A value typed for
	 * an evidence criterion counts only while the item has no evidence.
	 */
	@Transactional
	public ItemScore setInputs(ItemKey item, long modelId, Map<String, String> inputs, UserId user) {
		ScoringModelView m = models.model(item.productKey(), modelId);
		ModelSpec spec = m.definition().toSpec();
		Map<String, String> errors = new LinkedHashMap<>();
		Map<String, String> clean = new LinkedHashMap<>();
		if (inputs == null || inputs.isEmpty()) {
			throw DomainProblem.invalid("inputs", "give at least one criterion and its value");
		}
		inputs.forEach((criterion, value) -> {
			Criterion c = spec.criterion(criterion);
			String v = value == null || value.isBlank() ? null : value.strip();
			if (c == null) {
				errors.put(criterion, "is not a criterion of " + m.name());
			}
			else if (v != null && v.length() > 100) {
				errors.put(criterion, "is longer than 100 characters");
			}
			else if (v != null && c.scale().parse(v).problem() != null) {
				errors.put(criterion, c.scale().parse(v).problem());
			}
			else {
				clean.put(criterion, v != null && c.scale() instanceof Scale.Choice choice ? choice.labelOf(v) : v);
			}
		});
		if (!errors.isEmpty()) {
			throw DomainProblem.invalid(errors);
		}
		var e = entry(item);
		var demand = repository.demand(e.id()).orElse(null);
		Map<String, String> now = new HashMap<>(repository.inputs(m.id(), e.id()));
		for (var change : clean.entrySet()) {
			String old = now.get(change.getKey());
			if (Objects.equals(old, change.getValue())) {
				continue;
			}
			String oldScore = text(Scorer.score(spec, facts(now, demand, e.estimate())));
			if (change.getValue() == null) {
				now.remove(change.getKey());
			}
			else {
				now.put(change.getKey(), change.getValue());
			}
			repository.setInput(m.id(), e.id(), change.getKey(), change.getValue(), user.value(), clock.instant());
			repository.recordHistory(m.id(), e.id(), change.getKey(), old, change.getValue(), oldScore,
					text(Scorer.score(spec, facts(now, demand, e.estimate()))), user.value(), clock.instant());
		}
		return itemScore(item, m);
	}

	/** Changes of the item's inputs under the model, newest first. */
	@Transactional(readOnly = true)
	public List<ScoreChange> history(ItemKey item, long modelId) {
		ScoringModelView m = models.model(item.productKey(), modelId);
		var rows = repository.history(m.id(), entry(item).id());
		var names = accounts.displayNames(rows.stream().map(r -> new UserId(r.changedBy())).toList());
		return rows.stream()
			.map(r -> new ScoreChange(r.criterion(), r.oldValue(), r.newValue(), r.oldScore(), r.newScore(),
					names.getOrDefault(new UserId(r.changedBy()), "someone"), r.changedAt()))
			.toList();
	}

	static ItemFacts facts(Map<String, String> inputs, PrioritizationRepository.Demand demand, BigDecimal estimate) {
		return new ItemFacts(inputs, demand == null ? 0 : demand.customers(),
				demand == null || demand.revenue() == null ? 0d : demand.revenue().doubleValue() / 1000,
				demand == null ? 0 : demand.importance(), estimate == null ? null : estimate.doubleValue());
	}

	private BacklogSnapshot.Entry entry(ItemKey item) {
		var v = items.item(item);
		long id = itemIds.get(v.key()).value();
		return new BacklogSnapshot.Entry(id, v.key(), v.type(), v.title(), v.status(), v.estimate(), v.parent(),
				v.labels());
	}

	static String text(Score s) {
		return s.scorable() ? format(s.value()) : null;
	}

	static String format(double v) {
		return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v)
				: BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
	}

}
