package dev.priora.prioritization;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.priora.backlog.BacklogSnapshot;
import dev.priora.backlog.ItemKey;
import dev.priora.backlog.ItemType;
import dev.priora.dependencies.engine.PriorityOrder;

/**
 * The backlog as the order engine's input, with the rule for items that have no score of
 * their own to sort by:
 * <ul>
 * <li>finished and pinned items keep their places;</li>
 * <li>items that are not scorable keep their places (ordering by score never sends an
 * item nobody scored to the bottom);</li>
 * <li>an epic is ordered by the best score among its open, unpinned children (by its own
 * score when none of them has one) and always stays above those children: each of them
 * waits on the epic in the engine's input; an epic with neither keeps its place.</li>
 * </ul>
 * Only edges between unfinished items bind. The first {@code epicEdges} edges of the
 * input are those between epics and their children.
 */
record OrderInput(PriorityOrder.Input input, Kind[] kinds, int epicEdges) {

	/** Why an item is where the order puts it. */
	enum Kind {

		/** Sorted by its own score. */
		SCORED,
		/** An epic, sorted by its children's best score, above them. */
		EPIC,
		/** Keeps its place: finished. */
		FINISHED,
		/** Keeps its place: pinned. */
		PINNED,
		/** Keeps its place: not scorable (or an epic without any score to go by). */
		UNSCORED

	}

	static OrderInput of(BacklogSnapshot snapshot, List<ItemScore> scored, Set<Long> pins, boolean epicsFollow) {
		int n = snapshot.items().size();
		Map<Long, Integer> index = new HashMap<>();
		Map<ItemKey, Integer> byKey = new HashMap<>();
		for (int i = 0; i < n; i++) {
			index.put(snapshot.items().get(i).id(), i);
			byKey.put(snapshot.items().get(i).key(), i);
		}
		double[] score = new double[n];
		Kind[] kinds = new Kind[n];
		for (int i = 0; i < n; i++) {
			var e = snapshot.items().get(i);
			Double s = scored.get(i).score().value();
			score[i] = s == null ? Double.NaN : s;
			kinds[i] = !e.open() ? Kind.FINISHED : pins.contains(e.id()) ? Kind.PINNED
					: e.type() == ItemType.EPIC && epicsFollow ? Kind.EPIC : s == null ? Kind.UNSCORED : Kind.SCORED;
		}
		List<int[]> edges = new ArrayList<>();
		Map<Integer, List<Integer>> children = new HashMap<>();
		for (int i = 0; i < n; i++) {
			var e = snapshot.items().get(i);
			Integer parent = e.parent() == null ? null : byKey.get(e.parent());
			if (parent != null && kinds[parent] == Kind.EPIC && kinds[i] == Kind.SCORED) {
				children.computeIfAbsent(parent, k -> new ArrayList<>()).add(i);
			}
		}
		for (int i = 0; i < n; i++) {
			if (kinds[i] != Kind.EPIC) {
				continue;
			}
			List<Integer> own = children.getOrDefault(i, List.of());
			double best = own.stream().mapToDouble(c -> score[c]).max().orElse(score[i]);
			if (Double.isNaN(best)) {
				kinds[i] = Kind.UNSCORED;
				continue;
			}
			score[i] = best;
			for (int c : own) {
				edges.add(new int[] { c, i });
			}
		}
		int epicEdges = edges.size();
		for (int k = 0; k < snapshot.dependsOnFrom().length; k++) {
			Integer w = index.get(snapshot.dependsOnFrom()[k]);
			Integer p = index.get(snapshot.dependsOnTo()[k]);
			if (w != null && p != null && snapshot.items().get(w).open() && snapshot.items().get(p).open()) {
				edges.add(new int[] { w, p });
			}
		}
		boolean[] pinned = new boolean[n];
		for (int i = 0; i < n; i++) {
			pinned[i] = kinds[i] != Kind.SCORED && kinds[i] != Kind.EPIC;
		}
		return new OrderInput(new PriorityOrder.Input(score, pinned, edges.stream().mapToInt(e -> e[0]).toArray(),
				edges.stream().mapToInt(e -> e[1]).toArray()), kinds, epicEdges);
	}

}
