package dev.priora.insights;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.springframework.stereotype.Component;

import dev.priora.insights.engine.ThemeClustering;
import dev.priora.insights.engine.ThemeWords;

/**
 * Recomputes a product's themes from its feedback's stored vectors and keeps what people
 * did where it can: each new cluster inherits the old theme holding more than half of its
 * feedback that had one (its id, so links stay; its name when a person gave it; several
 * clusters inheriting a merged theme are joined again), and feedback a person moved
 * follows its theme to whichever cluster inherited it.
 */
@Component
class ThemeBuilder {

	/** The largest share of the feedback one theme may hold. */
	static final double MAX_SHARE = 0.10;

	private final ThemeRepository themes;

	private final Clock clock;

	ThemeBuilder(ThemeRepository themes, Clock clock) {
		this.themes = themes;
		this.clock = clock;
	}

	/**
	 * What a recompute found, and the milliseconds it spent reading the feedback,
	 * clustering, and naming and writing the themes.
	 */
	record Outcome(int themes, int feedback, double silhouette, int keptNames, long readMs, long clusterMs,
			long writeMs) {
	}

	/** Recomputes the themes; {@code progress} gets (done, total) of four steps. */
	Outcome rebuild(String productKey, BiConsumer<Long, Long> progress) {
		long t0 = System.nanoTime();
		List<ThemeRepository.Feedback> feedback = themes.feedback(productKey, 0);
		progress.accept(1L, 4L);
		long t1 = System.nanoTime();
		float[][] vectors = feedback.stream().map(ThemeRepository.Feedback::vector).toArray(float[][]::new);
		var result = ThemeClustering
			.cluster(new ThemeClustering.Input(vectors, MAX_SHARE, productKey.hashCode() * 31L + feedback.size()));
		progress.accept(2L, 4L);
		long t2 = System.nanoTime();
		Map<Long, ThemeRepository.Stored> old = new LinkedHashMap<>();
		themes.themes(productKey).forEach(t -> old.put(t.id(), t));
		Map<Long, ThemeRepository.Member> before = themes.members(productKey);
		long[] group = inherit(feedback, result.assignment(), result.themes(), before, old);
		progress.accept(3L, 4L);
		int kept = write(productKey, feedback, group, before, old);
		progress.accept(4L, 4L);
		return new Outcome(countGroups(group), feedback.size(), result.silhouette(), kept, (t1 - t0) / 1_000_000,
				(t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
	}

	/**
	 * The old theme each new cluster inherits, written as a group per feedback: a group
	 * is an old theme's id (positive) or minus one minus a new cluster's number.
	 */
	private static int[] inheritOwners(List<ThemeRepository.Feedback> feedback, int[] assignment, int clusters,
			Map<Long, ThemeRepository.Member> before, long[] owner) {
		List<Map<Long, Integer>> votes = new ArrayList<>();
		int[] withOld = new int[clusters];
		for (int c = 0; c < clusters; c++) {
			votes.add(new HashMap<>());
		}
		for (int i = 0; i < assignment.length; i++) {
			var m = before.get(feedback.get(i).id());
			if (m != null) {
				votes.get(assignment[i]).merge(m.themeId(), 1, Integer::sum);
				withOld[assignment[i]]++;
			}
		}
		for (int c = 0; c < clusters; c++) {
			int need = withOld[c] / 2;
			owner[c] = votes.get(c)
				.entrySet()
				.stream()
				.filter(e -> e.getValue() > need)
				.map(Map.Entry::getKey)
				.findFirst()
				.orElse(0L);
		}
		return withOld;
	}

	private static long[] inherit(List<ThemeRepository.Feedback> feedback, int[] assignment, int clusters,
			Map<Long, ThemeRepository.Member> before, Map<Long, ThemeRepository.Stored> old) {
		long[] owner = new long[clusters];
		int[] size = new int[clusters];
		for (int a : assignment) {
			size[a]++;
		}
		inheritOwners(feedback, assignment, clusters, before, owner);
		Map<Long, Integer> heir = new HashMap<>();
		for (int c = 0; c < clusters; c++) {
			long o = owner[c];
			if (o != 0 && old.containsKey(o)) {
				Integer other = heir.get(o);
				if (other == null || old.get(o).merged() || size[c] > size[other]) {
					heir.put(o, other != null && old.get(o).merged() ? other : c);
				}
			}
		}
		long[] group = new long[assignment.length];
		for (int i = 0; i < assignment.length; i++) {
			int c = assignment[i];
			long o = owner[c];
			boolean inherits = o != 0 && heir.containsKey(o) && (heir.get(o) == c || old.get(o).merged());
			group[i] = inherits ? o : -1L - c;
			var m = before.get(feedback.get(i).id());
			if (m != null && m.moved() && heir.containsKey(m.themeId())) {
				group[i] = m.themeId();
			}
		}
		return group;
	}

	private int write(String productKey, List<ThemeRepository.Feedback> feedback, long[] group,
			Map<Long, ThemeRepository.Member> before, Map<Long, ThemeRepository.Stored> old) {
		Map<Long, List<Integer>> members = new LinkedHashMap<>();
		for (int i = 0; i < group.length; i++) {
			members.computeIfAbsent(group[i], g -> new ArrayList<>()).add(i);
		}
		List<Long> keys = new ArrayList<>(members.keySet());
		List<List<String>> texts = keys.stream()
			.map(g -> members.get(g).stream().map(i -> feedback.get(i).text()).toList())
			.toList();
		List<List<String>> words = ThemeWords.top(texts, 3);
		themes.replaceMembers(productKey, List.of());
		List<Long> gone = new ArrayList<>(old.keySet());
		Instant now = clock.instant();
		List<ThemeRepository.Placement> placements = new ArrayList<>(feedback.size());
		int kept = 0;
		for (int k = 0; k < keys.size(); k++) {
			long g = keys.get(k);
			List<Integer> ids = members.get(g);
			float[] centroid = ThemeClustering.centroid(ids.stream().map(i -> feedback.get(i).vector()).toList());
			String auto = ThemeWords.name(words.get(k));
			String joined = String.join(" ", words.get(k));
			long id;
			if (g > 0) {
				var o = old.get(g);
				gone.remove(o.id());
				kept += o.namedByPerson() ? 1 : 0;
				themes.update(o.id(), o.namedByPerson() ? o.name() : auto, joined, o.namedByPerson(), o.merged(),
						centroid, now);
				id = o.id();
			}
			else {
				id = themes.insert(productKey, auto, joined, false, false, centroid, now);
			}
			for (int i : ids) {
				var f = feedback.get(i);
				var m = before.get(f.id());
				boolean moved = m != null && m.moved() && m.themeId() == id;
				placements.add(
						new ThemeRepository.Placement(f.id(), id, ThemeClustering.cosine(f.vector(), centroid), moved));
			}
		}
		themes.delete(gone);
		themes.place(productKey, placements);
		return kept;
	}

	private static int countGroups(long[] group) {
		return (int) java.util.Arrays.stream(group).distinct().count();
	}

}
