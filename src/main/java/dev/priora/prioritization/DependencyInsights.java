package dev.priora.prioritization;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.backlog.BacklogOrder;
import dev.priora.problem.DomainProblem;
import dev.priora.backlog.BacklogSnapshot;
import dev.priora.backlog.ItemKey;
import dev.priora.backlog.ItemType;
import dev.priora.dependencies.engine.CriticalPath;
import dev.priora.dependencies.engine.LayeredLayout;

/**
 * The unfinished dependencies of a backlog or an epic: the critical path (the chain with
 * the most estimated work), the blockers holding up the most value (active score), and a
 * layered drawing of the graph.
 */
@Service
public class DependencyInsights {

	/** Largest graph drawn; above it, narrow to an epic. */
	public static final int MAX_GRAPH = 400;

	/** An item in a path, list or drawing. */
	public record Node(String key, String title, String status, Double estimate, Double score) {

		/** The estimate as shown: "3", "0.5"; null without one. */
		public String estimateText() {
			return estimate == null ? null : PrioritizationService.format(estimate);
		}

	}

	/**
	 * A blocker: the item, how many items wait on it (directly or not) and their total
	 * score.
	 */
	public record Blocker(Node item, int downstream, double downstreamValue) {
	}

	/**
	 * The critical path (first prerequisite first) with its total estimate, and the top
	 * blockers.
	 */
	public record CriticalPathView(String scope, List<Node> path, double totalEstimate, List<String> unestimated,
			List<Blocker> blockers) {

		/** The total as shown: "8", "2.5". */
		public String totalText() {
			return PrioritizationService.format(totalEstimate);
		}

	}

	/**
	 * A node placed at a column (layer) and row, and whether it is on the critical path.
	 */
	public record PlacedNode(Node item, int column, int row, boolean critical) {
	}

	/** An edge: {@code from} waits on {@code to}. */
	public record Edge(String from, String to, boolean critical) {
	}

	/** The drawing: nodes, edges and the grid size. */
	public record GraphView(String scope, List<PlacedNode> nodes, List<Edge> edges, int columns, int rows) {
	}

	private final BacklogOrder backlog;

	private final PrioritizationService scores;

	DependencyInsights(BacklogOrder backlog, PrioritizationService scores) {
		this.backlog = backlog;
		this.scores = scores;
	}

	private record Scope(String name, List<BacklogSnapshot.Entry> items, int[] waitsOn, int[] prerequisite,
			double[] estimate, double[] value) {
	}

	@Transactional(readOnly = true)
	public CriticalPathView criticalPath(String productKey, ItemKey epic) {
		Scope s = scope(productKey, epic);
		var r = CriticalPath.of(new CriticalPath.Input(s.estimate(), s.value(), s.waitsOn(), s.prerequisite()), 10);
		if (r.cyclic()) {
			throw DomainProblem.conflict("dependency-cycle", "The dependencies hold a cycle.");
		}
		List<Node> path = new ArrayList<>();
		for (int i : r.path()) {
			path.add(node(s, i));
		}
		List<String> unestimated = new ArrayList<>();
		for (int i : r.unestimated()) {
			unestimated.add(s.items().get(i).key().toString());
		}
		List<Blocker> blockers = r.blockers()
			.stream()
			.map(b -> new Blocker(node(s, b.item()), b.downstream(), b.downstreamValue()))
			.toList();
		return new CriticalPathView(s.name(), s.waitsOn().length == 0 ? List.of() : path,
				s.waitsOn().length == 0 ? 0 : r.total(), unestimated, blockers);
	}

	/** The items that take part in an unfinished dependency, laid out in layers. */
	@Transactional(readOnly = true)
	public GraphView graph(String productKey, ItemKey epic) {
		Scope s = scope(productKey, epic);
		Set<Integer> used = new LinkedHashSet<>();
		for (int k = 0; k < s.waitsOn().length; k++) {
			used.add(s.waitsOn()[k]);
			used.add(s.prerequisite()[k]);
		}
		if (used.size() > MAX_GRAPH) {
			throw DomainProblem.invalid("epic",
					used.size() + " items have unfinished dependencies; choose an epic to draw at most " + MAX_GRAPH);
		}
		List<Integer> nodes = new ArrayList<>(used);
		Map<Integer, Integer> local = new HashMap<>();
		for (int i = 0; i < nodes.size(); i++) {
			local.put(nodes.get(i), i);
		}
		int[] w = new int[s.waitsOn().length];
		int[] p = new int[s.waitsOn().length];
		for (int k = 0; k < w.length; k++) {
			w[k] = local.get(s.waitsOn()[k]);
			p[k] = local.get(s.prerequisite()[k]);
		}
		var layout = LayeredLayout.of(nodes.size(), w, p);
		var path = CriticalPath.of(new CriticalPath.Input(s.estimate(), s.value(), s.waitsOn(), s.prerequisite()), 0);
		Set<Integer> critical = new HashSet<>();
		for (int i : path.path()) {
			critical.add(i);
		}
		Set<String> criticalEdges = new HashSet<>();
		for (int i = 1; i < path.path().length; i++) {
			criticalEdges.add(path.path()[i] + ">" + path.path()[i - 1]);
		}
		List<PlacedNode> placed = new ArrayList<>();
		for (int i = 0; i < nodes.size(); i++) {
			placed.add(new PlacedNode(node(s, nodes.get(i)), layout.column()[i], layout.row()[i],
					critical.contains(nodes.get(i))));
		}
		List<Edge> edges = new ArrayList<>();
		for (int k = 0; k < s.waitsOn().length; k++) {
			edges.add(new Edge(s.items().get(s.waitsOn()[k]).key().toString(),
					s.items().get(s.prerequisite()[k]).key().toString(),
					criticalEdges.contains(s.waitsOn()[k] + ">" + s.prerequisite()[k])));
		}
		return new GraphView(s.name(), placed, edges, layout.layers(), layout.height());
	}

	/**
	 * The unfinished items in scope: the whole backlog, or an epic's children and,
	 * transitively, the unfinished items they wait on.
	 */
	private Scope scope(String productKey, ItemKey epic) {
		BacklogSnapshot snap = backlog.snapshot(productKey);
		List<ItemScore> scored = scores.scores(productKey, null);
		Map<Integer, List<Integer>> prereqs = openPrerequisites(snap);
		if (epic == null) {
			Set<Integer> in = new LinkedHashSet<>();
			for (int i = 0; i < snap.items().size(); i++) {
				if (snap.items().get(i).open()) {
					in.add(i);
				}
			}
			return scope(snap.productKey() + " backlog", snap, scored, new ArrayList<>(in), prereqs);
		}
		var e = snap.items().stream().filter(x -> x.key().equals(epic)).findFirst();
		if (e.isEmpty() || e.get().type() != ItemType.EPIC) {
			throw DomainProblem.invalid("epic", epic + " is not an epic of " + snap.productKey());
		}
		return scope(epic + " " + e.get().title(), snap, scored, epicClosure(snap, epic, prereqs), prereqs);
	}

	/**
	 * The prerequisites of each open item among the open items, by index in the snapshot.
	 */
	private static Map<Integer, List<Integer>> openPrerequisites(BacklogSnapshot snap) {
		Map<Long, Integer> index = new HashMap<>();
		for (int i = 0; i < snap.items().size(); i++) {
			index.put(snap.items().get(i).id(), i);
		}
		Map<Integer, List<Integer>> prereqs = new HashMap<>();
		for (int k = 0; k < snap.dependsOnFrom().length; k++) {
			Integer w = index.get(snap.dependsOnFrom()[k]);
			Integer p = index.get(snap.dependsOnTo()[k]);
			if (w != null && p != null && snap.items().get(w).open() && snap.items().get(p).open()) {
				prereqs.computeIfAbsent(w, x -> new ArrayList<>()).add(p);
			}
		}
		return prereqs;
	}

	/**
	 * The epic's open children and, breadth first, every open item they transitively wait
	 * on (snapshot indexes, children first).
	 */
	private static List<Integer> epicClosure(BacklogSnapshot snap, ItemKey epic, Map<Integer, List<Integer>> prereqs) {
		Set<Integer> in = new LinkedHashSet<>();
		ArrayDeque<Integer> queue = new ArrayDeque<>();
		for (int i = 0; i < snap.items().size(); i++) {
			var x = snap.items().get(i);
			if (epic.equals(x.parent()) && x.open() && in.add(i)) {
				queue.add(i);
			}
		}
		while (!queue.isEmpty()) {
			for (int p : prereqs.getOrDefault(queue.poll(), List.of())) {
				if (in.add(p)) {
					queue.add(p);
				}
			}
		}
		return new ArrayList<>(in);
	}

	/**
	 * The scope of the given snapshot members, renumbered 0..m-1: their edges, estimates
	 * (NaN when unestimated) and active scores (0 when unscorable).
	 */
	private static Scope scope(String name, BacklogSnapshot snap, List<ItemScore> scored, List<Integer> members,
			Map<Integer, List<Integer>> prereqs) {
		Map<Integer, Integer> local = new HashMap<>();
		for (int i = 0; i < members.size(); i++) {
			local.put(members.get(i), i);
		}
		List<int[]> edges = new ArrayList<>();
		for (int m : members) {
			for (int p : prereqs.getOrDefault(m, List.of())) {
				if (local.containsKey(p)) {
					edges.add(new int[] { local.get(m), local.get(p) });
				}
			}
		}
		double[] estimate = new double[members.size()];
		double[] value = new double[members.size()];
		List<BacklogSnapshot.Entry> items = new ArrayList<>();
		for (int i = 0; i < members.size(); i++) {
			var x = snap.items().get(members.get(i));
			items.add(x);
			estimate[i] = x.estimate() == null ? Double.NaN : x.estimate().doubleValue();
			Double v = scored.get(members.get(i)).score().value();
			value[i] = v == null ? 0 : v;
		}
		return new Scope(name, items, edges.stream().mapToInt(e -> e[0]).toArray(),
				edges.stream().mapToInt(e -> e[1]).toArray(), estimate, value);
	}

	private static Node node(Scope s, int i) {
		var e = s.items().get(i);
		return new Node(e.key().toString(), e.title(), e.status().label(),
				Double.isNaN(s.estimate()[i]) ? null : s.estimate()[i], s.value()[i]);
	}

}
