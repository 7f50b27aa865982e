package dev.priora.insights;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.priora.accounts.UserId;
import dev.priora.insights.engine.ThemeClustering;
import dev.priora.insights.engine.ThemeWords;
import dev.priora.problem.DomainProblem;

/**
 * A person's edits of themes, each in the caller's transaction and recorded in
 * {@code theme_edits}: rename (kept by recomputes), merge (the merged theme stays whole),
 * split in two by 2-means over the theme's vectors, and moving feedback to another theme
 * (it follows that theme through recomputes). Every theme touched is locked first.
 */
@Component
class ThemeEditor {

	static final int MAX_NAME = 120;

	static final int MAX_MOVE = 500;

	private final ThemeRepository themes;

	private final Clock clock;

	ThemeEditor(ThemeRepository themes, Clock clock) {
		this.themes = themes;
		this.clock = clock;
	}

	long rename(String key, long id, String name, UserId user) {
		String clean = name == null ? "" : name.strip();
		if (clean.isEmpty() || clean.length() > MAX_NAME) {
			throw DomainProblem.invalid("name", "give a name of 1 to " + MAX_NAME + " characters");
		}
		var old = locked(key, id);
		themes.rename(id, clean, clock.instant());
		themes.edit(key, id, "RENAME",
				"renamed the theme from \u201c" + old.name() + "\u201d to \u201c" + clean + "\u201d", user.value(),
				clock.instant());
		return id;
	}

	long merge(String key, long id, Long into, UserId user) {
		if (into == null) {
			throw DomainProblem.invalid("into", "name the theme to merge into");
		}
		if (into == id) {
			throw DomainProblem.invalid("into", "a theme cannot be merged into itself");
		}
		locked(key, Math.min(id, into));
		locked(key, Math.max(id, into));
		var from = themes.theme(key, id).orElseThrow();
		var target = themes.theme(key, into).orElseThrow();
		List<Long> moved = themes.feedbackOf(id).stream().map(ThemeRepository.Feedback::id).toList();
		themes.move(moved, into, false);
		themes.delete(List.of(id));
		Instant now = clock.instant();
		themes.setMerged(into, now);
		recentre(into);
		themes.edit(key, into, "MERGE", "merged \u201c" + from.name() + "\u201d (" + moved.size()
				+ " feedback) into \u201c" + target.name() + "\u201d", user.value(), now);
		return into;
	}

	/** Splits the theme in two; returns the new theme's id. */
	long split(String key, long id, UserId user) {
		var theme = locked(key, id);
		List<ThemeRepository.Feedback> members = themes.feedbackOf(id);
		if (members.size() < 2) {
			throw DomainProblem.invalid("theme", "a theme needs at least 2 feedback to be split");
		}
		float[][] vectors = members.stream().map(ThemeRepository.Feedback::vector).toArray(float[][]::new);
		int[] half = ThemeClustering.split(vectors, id).assignment();
		List<List<String>> texts = List.of(new ArrayList<>(), new ArrayList<>());
		List<Long> second = new ArrayList<>();
		List<Long> first = new ArrayList<>();
		for (int i = 0; i < half.length; i++) {
			texts.get(half[i]).add(members.get(i).text());
			(half[i] == 1 ? second : first).add(members.get(i).id());
		}
		List<List<String>> words = ThemeWords.top(texts, 3);
		Instant now = clock.instant();
		long created = themes.insert(key, ThemeWords.name(words.get(1)), String.join(" ", words.get(1)), false, false,
				new float[vectors[0].length], now);
		themes.move(second, created, true);
		themes.move(first, id, true);
		if (!theme.namedByPerson()) {
			themes.update(id, ThemeWords.name(words.get(0)), String.join(" ", words.get(0)), false, false,
					theme.centroid(), now);
		}
		recentre(id);
		recentre(created);
		themes.edit(key, id, "SPLIT", "split \u201c" + theme.name() + "\u201d in two: " + first.size()
				+ " feedback stayed, " + second.size() + " went to a new theme", user.value(), now);
		themes.edit(key, created, "SPLIT",
				"split this theme off \u201c" + theme.name() + "\u201d with " + second.size() + " of its feedback",
				user.value(), now);
		return created;
	}

	int move(String key, Long from, List<Long> feedbackIds, Long to, UserId user) {
		if (from != null) {
			themes.theme(key, from).orElseThrow(() -> DomainProblem.notFound("Theme " + from));
		}
		if (to == null) {
			throw DomainProblem.invalid("to", "name the theme to move the feedback to");
		}
		if (feedbackIds == null || feedbackIds.isEmpty() || feedbackIds.size() > MAX_MOVE) {
			throw DomainProblem.invalid("feedbackIds", "name 1 to " + MAX_MOVE + " feedback");
		}
		var target = locked(key, to);
		Map<Long, ThemeRepository.Member> members = themes.members(key);
		Map<Long, Integer> sources = new java.util.TreeMap<>();
		List<Long> missing = new ArrayList<>();
		for (Long f : new java.util.LinkedHashSet<>(feedbackIds)) {
			var m = f == null ? null : members.get(f);
			if (m == null || (from != null && m.themeId() != from)) {
				missing.add(f);
			}
			else if (m.themeId() != to) {
				sources.merge(m.themeId(), 1, Integer::sum);
			}
		}
		if (!missing.isEmpty()) {
			throw DomainProblem.invalid("feedbackIds",
					(from == null ? "not in any of the product's themes: " : "not in this theme: ") + missing);
		}
		sources.keySet().forEach(s -> locked(key, s));
		int count = themes.move(feedbackIds.stream().distinct().toList(), to, true);
		recentre(to);
		sources.keySet().forEach(this::recentre);
		Instant now = clock.instant();
		themes.edit(key, to, "MOVE", "moved " + count + " feedback into \u201c" + target.name() + "\u201d",
				user.value(), now);
		sources.forEach((s, n) -> themes.edit(key, s, "MOVE",
				"moved " + n + " feedback from this theme to \u201c" + target.name() + "\u201d", user.value(), now));
		return count;
	}

	private ThemeRepository.Stored locked(String key, long id) {
		themes.lock(key, id).orElseThrow(() -> DomainProblem.notFound("Theme " + id));
		return themes.theme(key, id).orElseThrow();
	}

	/** Recomputes the theme's centroid and its feedback's similarity to it. */
	private void recentre(long themeId) {
		List<ThemeRepository.Feedback> members = themes.feedbackOf(themeId);
		if (members.isEmpty()) {
			return;
		}
		float[] centroid = ThemeClustering.centroid(members.stream().map(ThemeRepository.Feedback::vector).toList());
		themes.setCentroid(themeId, centroid);
		themes.rescore(themeId, centroid, members);
	}

}
