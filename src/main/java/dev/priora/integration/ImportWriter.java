package dev.priora.integration;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import dev.priora.accounts.UserId;
import dev.priora.backlog.BacklogOrder;
import dev.priora.problem.DomainProblem;
import dev.priora.backlog.BacklogService;
import dev.priora.backlog.CommentService;
import dev.priora.backlog.DependencyKind;
import dev.priora.backlog.DependencyService;
import dev.priora.backlog.ItemDraft;
import dev.priora.backlog.ItemIds;
import dev.priora.backlog.ItemKey;
import dev.priora.backlog.ItemStatus;
import dev.priora.backlog.ItemType;
import dev.priora.backlog.Placement;
import dev.priora.backlog.ProductService;
import dev.priora.integration.engine.ImportBatch;
import dev.priora.integration.engine.ImportBatch.Item;
import dev.priora.planning.PlanningService;
import dev.priora.progress.TeamService;

/**
 * Writes a read batch into a product, or counts what it would write. Before writing
 * anything it settles every choice ({@link ImportPlan}) — which items are new, which
 * parents are epics here, which releases, sprints and team members to create, which links
 * hold (a dependency that would close a cycle is left out, with a warning), estimates
 * snapped to the product's scale — so the writes themselves do not fail half-way; the
 * caller's transaction makes the import all or nothing.
 */
@Component
class ImportWriter {

	private final ProductService products;

	private final BacklogService backlog;

	private final BacklogOrder order;

	private final DependencyService dependencies;

	private final CommentService comments;

	private final PlanningService planning;

	private final TeamService team;

	private final ImportRepository repository;

	private final ItemIds itemIds;

	ImportWriter(ProductService products, BacklogService backlog, BacklogOrder order, DependencyService dependencies,
			CommentService comments, PlanningService planning, TeamService team, ImportRepository repository,
			ItemIds itemIds) {
		this.itemIds = itemIds;
		this.products = products;
		this.backlog = backlog;
		this.order = order;
		this.dependencies = dependencies;
		this.comments = comments;
		this.planning = planning;
		this.team = team;
		this.repository = repository;
	}

	BacklogImport.Report write(String productKey, String source, ImportBatch batch, boolean dryRun, UserId user,
			BacklogImport.Progress progress) {
		var product = products.get(productKey);
		String key = product.key();
		ImportPlan plan = new ImportPlan(key, source, batch, product.estimateScale(), repository.imported(key, source));
		plan.settle(order.snapshot(key), planning.board(key), team.members(key));
		if (!dryRun) {
			apply(plan, user, progress);
		}
		Map<String, Integer> types = new TreeMap<>();
		Map<String, Integer> statuses = new TreeMap<>();
		plan.fresh.forEach(i -> {
			types.merge(i.kind().name(), 1, Integer::sum);
			statuses.merge(i.state().name(), 1, Integer::sum);
		});
		return new BacklogImport.Report(batch.source(), dryRun, batch.rows(), plan.fresh.size(),
				batch.items().size() - plan.fresh.size(), batch.ignored(), types, statuses, plan.newReleases.size(),
				plan.newSprints.size(), plan.newMembers.size(), plan.links.size(), plan.commentCount(),
				batch.unmappedColumns(), batch.skipped(), plan.warnings, plan.created, null);
	}

	private void apply(ImportPlan p, UserId user, BacklogImport.Progress progress) {
		String key = p.key;
		p.newReleases.forEach(
				(lower, r) -> p.releases.put(lower, planning.createRelease(key, r.name(), r.due(), null, false).id()));
		p.newSprints.forEach((lower, s) -> p.sprints.put(lower,
				planning.createSprint(key, s.name(), s.start(), s.end(), BigDecimal.ZERO, s.goal(), null).id()));
		p.newMembers
			.forEach((lower, name) -> p.members.put(lower, team.add(key, name, "", BigDecimal.ZERO, List.of()).id()));
		p.known.forEach((k, n) -> p.keys.put(k, new ItemKey(key, n)));
		List<Item> ordered = new ArrayList<>(p.fresh.stream().filter(i -> i.kind() == ImportBatch.Kind.EPIC).toList());
		p.fresh.stream().filter(i -> i.kind() != ImportBatch.Kind.EPIC).forEach(ordered::add);
		int done = 0;
		for (Item i : ordered) {
			write(p, i, user);
			progress.at(++done, ordered.size());
		}
		for (ImportBatch.Link l : p.links) {
			dependencies.add(p.keys.get(l.from()), DependencyKind.valueOf(l.kind().name()), p.keys.get(l.to()), user);
		}
	}

	private void write(ImportPlan p, Item i, UserId user) {
		String key = p.key;
		List<String> labels = new ArrayList<>(i.labels());
		p.extraLabels.getOrDefault(i.key(), List.of()).stream().filter(l -> !labels.contains(l)).forEach(labels::add);
		String parent = p.parents.get(i.key());
		ItemKey item;
		try {
			item = backlog.create(key,
					new ItemDraft(ItemType.valueOf(i.kind().name()), i.title(), i.description(), p.points.get(i.key()),
							labels.subList(0, Math.min(labels.size(), 20)), parent == null ? null : p.keys.get(parent),
							i.criteria()
								.stream()
								.map(c -> new dev.priora.backlog.AcceptanceCriterion(c.text(), c.done()))
								.toList()),
					new Placement.Bottom(), user)
				.key();
		}
		catch (DomainProblem e) {
			throw DomainProblem.invalid("row " + i.row(), i.key() + ": " + e.getMessage());
		}
		p.keys.put(i.key(), item);
		p.created.add(item.toString());
		repository.remember(itemIds.get(item).value(), key, p.source,
				i.key().length() > 200 ? i.key().substring(0, 200) : i.key());
		status(p.batch.source(), item, i.state(), user);
		backlog.backdate(item, i.created(), i.resolved());
		for (ImportBatch.Comment c : i.comments()) {
			comments.addImported(item, c.body(), c.author(), p.batch.source(), c.at());
		}
		Long release = i.release() == null ? null : p.releases.get(ImportPlan.lower(i.release()));
		Long sprint = i.sprint() == null ? null : p.sprints.get(ImportPlan.lower(i.sprint()));
		if (release != null || sprint != null) {
			planning.assign(item, release, sprint, user);
		}
		if (i.assignee() != null) {
			team.assign(item, p.members.get(ImportPlan.lower(i.assignee())), user);
		}
	}

	private void status(String source, ItemKey item, ImportBatch.State state, UserId user) {
		List<ItemStatus> path = switch (state) {
			case NEW -> List.of();
			case READY -> List.of(ItemStatus.READY);
			case IN_PROGRESS -> List.of(ItemStatus.READY, ItemStatus.IN_PROGRESS);
			case DONE -> List.of(ItemStatus.READY, ItemStatus.IN_PROGRESS, ItemStatus.DONE);
			case REJECTED -> List.of(ItemStatus.REJECTED);
		};
		long version = backlog.item(item).version();
		for (ItemStatus s : path) {
			version = backlog.changeStatus(item, s, version, true, user, "imported from " + source).version();
		}
	}

}
