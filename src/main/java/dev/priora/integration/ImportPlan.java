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

import dev.priora.backlog.BacklogSnapshot;
import dev.priora.backlog.ItemKey;
import dev.priora.backlog.ItemType;
import dev.priora.integration.engine.ImportBatch;
import dev.priora.integration.engine.ImportBatch.Item;
import dev.priora.integration.engine.ImportBatch.Note;
import dev.priora.planning.PlanningService;
import dev.priora.progress.TeamService;

/**
 * One import's decisions, settled before anything is written ({@link ImportWriter} writes
 * them): which items are new (not imported before from the same source), which parents
 * are epics here, estimates snapped up to the product's scale, which releases, sprints
 * (dated ones; an undated sprint becomes a label) and team members to create, and which
 * links hold (both ends imported, no dependency cycle), each departure noted as a
 * warning. Then, while writing, the Priora key of every item by the other tool's key.
 */
final class ImportPlan {

	final String key;

	final String source;

	final ImportBatch batch;

	final List<BigDecimal> scale;

	final Map<String, Long> known;

	final List<Item> fresh = new ArrayList<>();

	final Map<String, String> parents = new HashMap<>();

	final Map<String, BigDecimal> points = new HashMap<>();

	final Map<String, List<String>> extraLabels = new HashMap<>();

	final Map<String, Long> releases = new HashMap<>();

	final Map<String, Long> sprints = new HashMap<>();

	final Map<String, Long> members = new HashMap<>();

	final Map<String, ImportBatch.Release> newReleases = new LinkedHashMap<>();

	final Map<String, ImportBatch.Sprint> newSprints = new LinkedHashMap<>();

	final Map<String, String> newMembers = new LinkedHashMap<>();

	final List<ImportBatch.Link> links = new ArrayList<>();

	final List<Note> warnings;

	final List<String> created = new ArrayList<>();

	final Map<String, ItemKey> keys = new HashMap<>();

	ImportPlan(String key, String source, ImportBatch batch, List<BigDecimal> scale, Map<String, Long> known) {
		this.key = key;
		this.source = source;
		this.batch = batch;
		this.scale = scale;
		this.known = known;
		this.warnings = new ArrayList<>(batch.warnings());
	}

	/**
	 * Settles every choice against the product as it is: its backlog, its plan's releases
	 * and sprints, and its team.
	 */
	void settle(BacklogSnapshot snapshot, PlanningService.Board board, List<TeamService.Member> team) {
		Map<String, ImportBatch.Kind> kinds = new HashMap<>();
		batch.items().forEach(i -> kinds.put(i.key(), i.kind()));
		Map<Long, ItemType> types = new HashMap<>();
		snapshot.items().forEach(e -> types.put(e.key().number(), e.type()));
		for (Item i : batch.items()) {
			if (known.containsKey(i.key())) {
				continue;
			}
			fresh.add(i);
			parent(i, kinds, types);
			points.put(i.key(), snap(i));
		}
		placements(board, team);
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
	private void placements(PlanningService.Board board, List<TeamService.Member> team) {
		board.releases().forEach(r -> releases.put(lower(r.name()), r.id()));
		board.sprints().forEach(s -> sprints.put(lower(s.name()), s.id()));
		team.forEach(m -> members.put(lower(m.name()), m.id()));
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
					String label = ("sprint-" + i.sprint().toLowerCase(Locale.ROOT)).replaceAll("[^\\p{L}\\p{N}._-]+",
							"-");
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
	private void links(BacklogSnapshot snapshot) {
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

	static String phrase(ImportBatch.LinkKind kind) {
		return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
	}

	static String lower(String s) {
		return s.strip().toLowerCase(Locale.ROOT);
	}

}
