package dev.priora.roadmap;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import dev.priora.backlog.BacklogOrder;
import dev.priora.problem.DomainProblem;
import dev.priora.backlog.ItemKey;
import dev.priora.backlog.ItemStatus;
import dev.priora.backlog.ProductService;
import dev.priora.planning.PlanningService;
import dev.priora.roadmap.RoadmapService.Alignment;
import dev.priora.roadmap.RoadmapService.AlignmentReport;
import dev.priora.roadmap.RoadmapService.Objective;

/**
 * A product's objectives (title, description, key results, target), the items aligned to
 * them, and the alignment report: each objective's share of the planned and of the
 * delivered points.
 */
@Component
class Objectives {

	private final RoadmapRepository repository;

	private final ProductService products;

	private final BacklogOrder backlog;

	private final PlanningService planning;

	Objectives(RoadmapRepository repository, ProductService products, BacklogOrder backlog, PlanningService planning) {
		this.repository = repository;
		this.products = products;
		this.backlog = backlog;
		this.planning = planning;
	}

	List<Objective> objectives(String productKey) {
		return repository.objectives(products.get(productKey).key());
	}

	Objective create(String productKey, String title, String description, List<String> keyResults, String target) {
		String key = products.get(productKey).key();
		Map<String, String> errors = new LinkedHashMap<>();
		String t = title == null ? "" : title.strip();
		if (t.isEmpty() || t.length() > 200) {
			errors.put("title", "is required, at most 200 characters");
		}
		String d = description == null ? "" : description.strip();
		String k = String.join("\n", keyResults == null ? List.of()
				: keyResults.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).toList());
		if (d.length() > 4000 || k.length() > 4000) {
			errors.put("description", "description and key results are at most 4000 characters each");
		}
		String g = target == null ? "" : target.strip();
		if (g.length() > 200) {
			errors.put("target", "must be at most 200 characters");
		}
		if (!errors.isEmpty()) {
			throw DomainProblem.invalid(errors);
		}
		try {
			repository.insertObjective(key, t, d, k, g);
		}
		catch (DuplicateKeyException e) {
			throw DomainProblem.invalid("title", "another objective is called '" + t + "'");
		}
		return objectives(key).stream().filter(o -> o.title().equals(t)).findFirst().orElseThrow();
	}

	void delete(String productKey, long id) {
		objective(productKey, id);
		repository.deleteObjective(id);
	}

	void alignAlso(ItemKey item, long objectiveId) {
		List<Long> ids = new ArrayList<>();
		for (Objective o : objectives(item.productKey())) {
			if (o.items().contains(item.toString())) {
				ids.add(o.id());
			}
		}
		ids.add(objectiveId);
		align(item, ids);
	}

	void align(ItemKey item, List<Long> objectiveIds) {
		long itemId = backlog.snapshot(item.productKey())
			.items()
			.stream()
			.filter(e -> e.key().equals(item))
			.findFirst()
			.orElseThrow(() -> DomainProblem.notFound("Item " + item))
			.id();
		for (long id : objectiveIds) {
			objective(item.productKey(), id);
		}
		repository.align(itemId, new TreeSet<>(objectiveIds));
	}

	AlignmentReport alignment(String productKey) {
		var objectives = objectives(productKey);
		Map<String, List<String>> byItem = byItem(objectives);
		Map<String, BigDecimal> estimates = new HashMap<>();
		Map<String, Boolean> done = new HashMap<>();
		backlog.snapshot(productKey).items().forEach(e -> {
			estimates.put(e.key().toString(), e.estimate() == null ? BigDecimal.ZERO : e.estimate());
			done.put(e.key().toString(), e.status() == ItemStatus.DONE);
		});
		Set<String> planned = new TreeSet<>();
		planning.board(productKey).releases().forEach(r -> r.items().forEach(i -> planned.add(i.key())));
		BigDecimal totalPlanned = BigDecimal.ZERO;
		BigDecimal totalDone = BigDecimal.ZERO;
		for (String k : planned) {
			totalPlanned = totalPlanned.add(estimates.getOrDefault(k, BigDecimal.ZERO));
		}
		for (var e : done.entrySet()) {
			if (e.getValue()) {
				totalDone = totalDone.add(estimates.get(e.getKey()));
			}
		}
		List<Alignment> result = new ArrayList<>();
		for (Objective o : objectives) {
			BigDecimal p = BigDecimal.ZERO;
			BigDecimal d = BigDecimal.ZERO;
			for (String k : o.items()) {
				if (planned.contains(k)) {
					p = p.add(estimates.getOrDefault(k, BigDecimal.ZERO));
				}
				if (done.getOrDefault(k, false)) {
					d = d.add(estimates.getOrDefault(k, BigDecimal.ZERO));
				}
			}
			result.add(new Alignment(o.title(), p, d, share(p, totalPlanned), share(d, totalDone)));
		}
		List<String> unaligned = planned.stream().filter(k -> !byItem.containsKey(k)).toList();
		return new AlignmentReport(result, unaligned);
	}

	/** The product's objective with this id; 404 otherwise. */
	Objective objective(String productKey, long id) {
		return objectives(productKey).stream()
			.filter(o -> o.id() == id)
			.findFirst()
			.orElseThrow(() -> DomainProblem.notFound("Objective " + id));
	}

	/** Item key → the titles of the objectives it is aligned with. */
	static Map<String, List<String>> byItem(List<Objective> objectives) {
		Map<String, List<String>> byItem = new HashMap<>();
		for (Objective o : objectives) {
			for (String k : o.items()) {
				byItem.computeIfAbsent(k, x -> new ArrayList<>()).add(o.title());
			}
		}
		return byItem;
	}

	private static double share(BigDecimal part, BigDecimal total) {
		return total.signum() == 0 ? 0 : Math.round(1000 * part.doubleValue() / total.doubleValue()) / 10.0;
	}

}
