package dev.priora.integration;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import dev.priora.accounts.UserId;
import dev.priora.backlog.BacklogOrder;
import dev.priora.backlog.BacklogProblem;
import dev.priora.backlog.BacklogService;
import dev.priora.backlog.CommentService;
import dev.priora.backlog.DependencyKind;
import dev.priora.backlog.DependencyService;
import dev.priora.backlog.ItemDraft;
import dev.priora.backlog.ItemKey;
import dev.priora.backlog.ItemStatus;
import dev.priora.backlog.ItemType;
import dev.priora.backlog.Placement;
import dev.priora.backlog.ProductService;
import dev.priora.integration.engine.ImportBatch;
import dev.priora.integration.engine.ImportBatch.Item;
import dev.priora.integration.engine.ImportBatch.Note;
import dev.priora.planning.PlanningService;
import dev.priora.progress.TeamService;

/**
 * Writes a read batch into a product, or counts what it would write. Before writing
 * anything it settles every choice — which items are new, which parents are epics here,
 * which releases, sprints and team members to create, which links hold (a dependency that
 * would close a cycle is left out, with a warning), estimates snapped to the product's
 * scale — so the writes themselves do not fail half-way; the caller's transaction makes
 * the import all or nothing.
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

	ImportWriter(ProductService products, BacklogService backlog, BacklogOrder order, DependencyService dependencies,
			CommentService comments, PlanningService planning, TeamService team, ImportRepository repository) {
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
		Plan plan = new Plan(key, source, batch, product.estimateScale());
		plan.settle();
		if (!dryRun) {
			plan.apply(user, progress);
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

	/** One import's decisions, then its writes. */
	private final class Plan {

		private final String key;

		private final String source;

		private final ImportBatch batch;

		private final List<BigDecimal> scale;

		private final Map<String, Long> known;

		private final List<Item> fresh = new ArrayList<>();

		private final Map<String, String> parents = new HashMap<>();

		private final Map<String, BigDecimal> points = new HashMap<>();

		private final Map<String, List<String>> extraLabels = new HashMap<>();

		private final Map<String, Long> releases = new HashMap<>();

		private final Map<String, Long> sprints = new HashMap<>();

		private final Map<String, Long> members = new HashMap<>();

		private final Map<String, ImportBatch.Release> newReleases = new LinkedHashMap<>();

		private final Map<String, ImportBatch.Sprint> newSprints = new LinkedHashMap<>();

		private final Map<String, String> newMembers = new LinkedHashMap<>();

		private final List<ImportBatch.Link> links = new ArrayList<>();

		private final List<Note> warnings;

		private final List<String> created = new ArrayList<>();

		private final Map<String, ItemKey> keys = new HashMap<>();

		Plan(String key, String source, ImportBatch batch, List<BigDecimal> scale) {
			this.key = key;
			this.source = source;
			this.batch = batch;
			this.scale = scale;
			this.known = repository.imported(key, source);
			this.warnings = new ArrayList<>(batch.warnings());
		}

		void settle() {
			Map<String, ImportBatch.Kind> kinds = new HashMap<>();
			batch.items().forEach(i -> kinds.put(i.key(), i.kind()));
			Map<Long, ItemType> types = new HashMap<>();
			var snapshot = order.snapshot(key);
			snapshot.items().forEach(e -> types.put(e.key().number(), e.type()));
			for (Item i : batch.items()) {
				if (known.containsKey(i.key())) {
					continue;
				}
				fresh.add(i);
				parent(i, kinds, types);
				points.put(i.key(), snap(i));
			}
			placements();
			links(snapshot);
		}

		private void parent(Item i, Map<String, ImportBatch.Kind> kinds, Map<Long, ItemType> types) {
			if (i.parent() == null || i.kind() == ImportBatch.Kind.EPIC) {
				return;
			}
			boolean epicHere = known.containsKey(i.parent()) ? types.get(known.get(i.parent())) == ItemType.EPIC
					: kinds.get(i.parent()) == ImportBatch.Kind.EPIC;
			if (epicHere) {
				parents.put(i.key(), i.parent());
			}
			else {
				warnings.add(new Note(i.row(), "parent " + i.parent() + " is not an epic in this import or earlier"
						+ " ones; imported without a parent"));
			}
		}

		private BigDecimal snap(Item i) {
			if (i.points() == null || scale.isEmpty()) {
				return i.points();
			}
			BigDecimal p = i.points();
			BigDecimal best = scale.get(scale.size() - 1);
			for (BigDecimal v : scale) {
				if (v.compareTo(p) >= 0) {
					best = v;
					break;
				}
			}
			if (best.compareTo(p) != 0) {
				warnings.add(new Note(i.row(), p.stripTrailingZeros().toPlainString() + " points rounded to "
						+ best.stripTrailingZeros().toPlainString() + " (the product's estimate scale)"));
			}
			return best;
		}

		/** Releases, sprints and members the new items name: found, or to create. */
		private void placements() {
			var board = planning.board(key);
			board.releases().forEach(r -> releases.put(lower(r.name()), r.id()));
			board.sprints().forEach(s -> sprints.put(lower(s.name()), s.id()));
			team.members(key).forEach(m -> members.put(lower(m.name()), m.id()));
			Map<String, ImportBatch.Release> namedReleases = new HashMap<>();
			batch.releases().forEach(r -> namedReleases.put(lower(r.name()), r));
			Map<String, ImportBatch.Sprint> namedSprints = new HashMap<>();
			batch.sprints().forEach(s -> namedSprints.put(lower(s.name()), s));
			Set<String> undated = new HashSet<>();
			for (Item i : fresh) {
				if (i.release() != null && !releases.containsKey(lower(i.release()))) {
					newReleases.putIfAbsent(lower(i.release()),
							namedReleases.getOrDefault(lower(i.release()), new ImportBatch.Release(i.release(), null)));
				}
				if (i.sprint() != null && !sprints.containsKey(lower(i.sprint()))) {
					ImportBatch.Sprint s = namedSprints.get(lower(i.sprint()));
					if (s != null && s.start() != null && s.end() != null && !s.end().isBefore(s.start())) {
						newSprints.putIfAbsent(lower(i.sprint()), s);
					}
					else {
						String label = ("sprint-" + i.sprint().toLowerCase(Locale.ROOT))
							.replaceAll("[^\\p{L}\\p{N}._-]+", "-");
						extraLabels.put(i.key(), List.of(label.length() > 50 ? label.substring(0, 50) : label));
						if (undated.add(lower(i.sprint()))) {
							warnings.add(new Note(i.row(), "sprint '" + i.sprint() + "' has no dates in the export;"
									+ " its items are labelled " + label + " instead"));
						}
					}
				}
				if (i.assignee() != null && !members.containsKey(lower(i.assignee()))) {
					newMembers.putIfAbsent(lower(i.assignee()), i.assignee());
				}
			}
		}

		/**
		 * The links whose ends exist; dependencies that would close a cycle are dropped.
		 */
		private void links(dev.priora.backlog.BacklogSnapshot snapshot) {
			Map<String, Set<String>> after = new HashMap<>();
			Map<Long, String> byId = new HashMap<>();
			snapshot.items().forEach(e -> byId.put(e.id(), e.key().toString()));
			Map<Long, String> external = new HashMap<>();
			known.forEach((k, n) -> external.put(n, k));
			for (int e = 0; e < snapshot.dependsOnFrom().length; e++) {
				String from = node(byId.get(snapshot.dependsOnFrom()[e]), external);
				String to = node(byId.get(snapshot.dependsOnTo()[e]), external);
				after.computeIfAbsent(from, x -> new HashSet<>()).add(to);
			}
			Set<String> present = new HashSet<>(known.keySet());
			fresh.forEach(i -> present.add(i.key()));
			for (ImportBatch.Link l : batch.links()) {
				if (!present.contains(l.from()) || !present.contains(l.to())) {
					warnings.add(new Note(l.row(), "link " + l.from() + " " + phrase(l.kind()) + " " + l.to()
							+ " left out: " + (present.contains(l.from()) ? l.to() : l.from()) + " is not imported"));
					continue;
				}
				if (known.containsKey(l.from()) && known.containsKey(l.to())) {
					continue;
				}
				if (l.kind() == ImportBatch.LinkKind.DEPENDS_ON) {
					if (reaches(after, l.to(), l.from())) {
						warnings.add(new Note(l.row(), "link " + l.from() + " depends on " + l.to()
								+ " left out: it would close a dependency cycle"));
						continue;
					}
					after.computeIfAbsent(l.from(), x -> new HashSet<>()).add(l.to());
				}
				links.add(l);
			}
		}

		private String node(String itemKey, Map<Long, String> external) {
			ItemKey k = ItemKey.parse(itemKey).orElseThrow();
			return external.getOrDefault(k.number(), "#" + itemKey);
		}

		private static boolean reaches(Map<String, Set<String>> edges, String from, String target) {
			List<String> stack = new ArrayList<>(List.of(from));
			Set<String> seen = new HashSet<>();
			while (!stack.isEmpty()) {
				String n = stack.remove(stack.size() - 1);
				if (n.equals(target)) {
					return true;
				}
				if (seen.add(n)) {
					stack.addAll(edges.getOrDefault(n, Set.of()));
				}
			}
			return false;
		}

		int commentCount() {
			return fresh.stream().mapToInt(i -> i.comments().size()).sum();
		}

		void apply(UserId user, BacklogImport.Progress progress) {
			newReleases.forEach((lower, r) -> releases.put(lower,
					planning.createRelease(key, r.name(), r.due(), null, false).id()));
			newSprints.forEach((lower, s) -> sprints.put(lower,
					planning.createSprint(key, s.name(), s.start(), s.end(), BigDecimal.ZERO, s.goal(), null).id()));
			newMembers
				.forEach((lower, name) -> members.put(lower, team.add(key, name, "", BigDecimal.ZERO, List.of()).id()));
			known.forEach((k, n) -> keys.put(k, new ItemKey(key, n)));
			List<Item> ordered = new ArrayList<>(
					fresh.stream().filter(i -> i.kind() == ImportBatch.Kind.EPIC).toList());
			fresh.stream().filter(i -> i.kind() != ImportBatch.Kind.EPIC).forEach(ordered::add);
			int done = 0;
			for (Item i : ordered) {
				write(i, user);
				progress.at(++done, ordered.size());
			}
			for (ImportBatch.Link l : links) {
				dependencies.add(keys.get(l.from()), DependencyKind.valueOf(l.kind().name()), keys.get(l.to()), user);
			}
		}

		private void write(Item i, UserId user) {
			List<String> labels = new ArrayList<>(i.labels());
			extraLabels.getOrDefault(i.key(), List.of()).stream().filter(l -> !labels.contains(l)).forEach(labels::add);
			String parent = parents.get(i.key());
			ItemKey item;
			try {
				item = backlog.create(key,
						new ItemDraft(ItemType.valueOf(i.kind().name()), i.title(), i.description(),
								points.get(i.key()), labels.subList(0, Math.min(labels.size(), 20)),
								parent == null ? null : keys.get(parent),
								i.criteria()
									.stream()
									.map(c -> new dev.priora.backlog.AcceptanceCriterion(c.text(), c.done()))
									.toList()),
						new Placement.Bottom(), user)
					.key();
			}
			catch (BacklogProblem e) {
				throw BacklogProblem.invalid("row " + i.row(), i.key() + ": " + e.getMessage());
			}
			keys.put(i.key(), item);
			created.add(item.toString());
			repository.remember(key, source, i.key().length() > 200 ? i.key().substring(0, 200) : i.key(),
					item.number());
			status(item, i.state(), user);
			backlog.backdate(item, i.created(), i.resolved());
			for (ImportBatch.Comment c : i.comments()) {
				comments.addImported(item, c.body(), c.author(), batch.source(), c.at());
			}
			Long release = i.release() == null ? null : releases.get(lower(i.release()));
			Long sprint = i.sprint() == null ? null : sprints.get(lower(i.sprint()));
			if (release != null || sprint != null) {
				planning.assign(item, release, sprint, user);
			}
			if (i.assignee() != null) {
				team.assign(item, members.get(lower(i.assignee())), user);
			}
		}

		private void status(ItemKey item, ImportBatch.State state, UserId user) {
			List<ItemStatus> path = switch (state) {
				case NEW -> List.of();
				case READY -> List.of(ItemStatus.READY);
				case IN_PROGRESS -> List.of(ItemStatus.READY, ItemStatus.IN_PROGRESS);
				case DONE -> List.of(ItemStatus.READY, ItemStatus.IN_PROGRESS, ItemStatus.DONE);
				case REJECTED -> List.of(ItemStatus.REJECTED);
			};
			long version = backlog.item(item).version();
			for (ItemStatus s : path) {
				version = backlog.changeStatus(item, s, version, true, user, "imported from " + batch.source())
					.version();
			}
		}

	}

	private static String phrase(ImportBatch.LinkKind kind) {
		return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
	}

	private static String lower(String s) {
		return s.strip().toLowerCase(Locale.ROOT);
	}

}
