package dev.priora.integration;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.priora.integration.ArchiveCheck.Checked;
import dev.priora.integration.ArchiveCheck.Ref;
import dev.priora.integration.ArchiveCheck.Row;
import dev.priora.integration.ArchiveRules.Problems;

/**
 * The rules between rows of an export document, checked after every cell passed: each
 * reference names a row the document holds, unique columns are unique, the next item
 * number is above every item's, only epics are parents, "depends on" links form no cycle,
 * a feedback's contact belongs to its customer and merges form no cycle, one scoring
 * model at most is active, every typed-in score fits its model, days off fit their
 * sprint.
 */
final class ArchiveLinks {

	/** Checks scoring models (the prioritization module owns their format). */
	interface Models {

		/** Why the definition (JSON) is not a usable model, or null. */
		String definitionProblem(String definition);

		/**
		 * Why the value cannot be typed in for the criterion under the model, or null.
		 */
		String inputProblem(String definition, String criterion, String value);

	}

	private ArchiveLinks() {
	}

	static void check(Checked doc, Models models, Problems problems) {
		references(doc, problems);
		unique(doc, problems);
		items(doc, problems);
		dependencies(doc, problems);
		feedback(doc, problems);
		scores(doc, models, problems);
		daysOff(doc, problems);
	}

	private static void references(Checked doc, Problems problems) {
		Map<String, Set<Integer>> ids = new HashMap<>();
		doc.tables()
			.forEach((t, rows) -> ids.put(t, rows.stream().map(Row::ref).collect(HashSet::new, Set::add, Set::addAll)));
		doc.tables().forEach((t, rows) -> rows.forEach(r -> r.values().forEach((column, v) -> {
			if (v instanceof Ref ref && !ids.getOrDefault(ref.table(), Set.of()).contains(ref.ref())) {
				problems.add(t, r.number(), column,
						"refers to " + ref.table() + " row " + ref.ref() + ", which the file does not hold");
			}
		})));
	}

	private static void unique(Checked doc, Problems problems) {
		ArchiveRules.UNIQUE.forEach((table, keys) -> {
			for (List<String> key : keys) {
				Map<List<Object>, Integer> seen = new HashMap<>();
				for (Row r : doc.tables().getOrDefault(table, List.of())) {
					List<Object> value = new ArrayList<>();
					key.forEach(c -> value.add(r.get(c)));
					Integer first = seen.putIfAbsent(value, r.number());
					if (first != null) {
						problems.add(table, r.number(), key.isEmpty() ? null : String.join(", ", key),
								key.isEmpty() ? "a product holds one row here at most" : "repeats row " + first + " ("
										+ String.join(", ", key) + " must be unique in a product)");
					}
				}
			}
		});
	}

	private static void items(Checked doc, Problems problems) {
		Row product = doc.tables().get("products").get(0);
		long next = product.get("next_item_number") instanceof Number n ? n.longValue() : 1L;
		Map<Integer, Row> items = doc.byRef("items");
		for (Row item : doc.tables().get("items")) {
			Number number = (Number) item.get("item_number");
			if (number != null && number.longValue() >= next) {
				problems.add("items", item.number(), "item_number",
						"must be below the product's next_item_number (" + next + ")");
			}
			if (item.get("parent_id") instanceof Ref parent && items.containsKey(parent.ref())
					&& !"EPIC".equals(items.get(parent.ref()).get("item_type"))) {
				problems.add("items", item.number(), "parent_id", "the parent must be an epic");
			}
		}
	}

	private static void dependencies(Checked doc, Problems problems) {
		Map<Integer, List<Integer>> edges = new HashMap<>();
		for (Row d : doc.tables().get("item_dependencies")) {
			if (Objects.equals(d.get("item_id"), d.get("target_id"))) {
				problems.add("item_dependencies", d.number(), "target_id", "an item cannot be linked to itself");
			}
			else if ("DEPENDS_ON".equals(d.get("kind")) && d.get("item_id") instanceof Ref from
					&& d.get("target_id") instanceof Ref to) {
				edges.computeIfAbsent(from.ref(), k -> new ArrayList<>()).add(to.ref());
			}
		}
		Integer inCycle = cycleMember(edges);
		if (inCycle != null) {
			problems.add("item_dependencies", null, "target_id",
					"the \"depends on\" links form a cycle through item row " + inCycle);
		}
	}

	private static void feedback(Checked doc, Problems problems) {
		Map<Integer, Row> contacts = doc.byRef("contacts");
		Map<Integer, List<Integer>> merges = new HashMap<>();
		for (Row f : doc.tables().get("feedback")) {
			if (f.get("contact_id") instanceof Ref contact && contacts.containsKey(contact.ref())
					&& !Objects.equals(contacts.get(contact.ref()).get("customer_id"), f.get("customer_id"))) {
				problems.add("feedback", f.number(), "contact_id", "is not a contact of the feedback's customer_id");
			}
			if (f.get("merged_into") instanceof Ref into) {
				merges.put(f.ref(), List.of(into.ref()));
			}
		}
		Integer inCycle = cycleMember(merges);
		if (inCycle != null) {
			problems.add("feedback", null, "merged_into", "merges form a cycle through feedback row " + inCycle);
		}
	}

	private static void scores(Checked doc, Models models, Problems problems) {
		Map<Integer, String> usable = new HashMap<>();
		int active = 0;
		for (Row m : doc.tables().get("scoring_models")) {
			String problem = models.definitionProblem((String) m.get("definition"));
			if (problem != null) {
				problems.add("scoring_models", m.number(), "definition", problem);
			}
			else {
				usable.put(m.ref(), (String) m.get("definition"));
			}
			if (Boolean.TRUE.equals(m.get("active")) && ++active > 1) {
				problems.add("scoring_models", m.number(), "active", "one scoring model at most is active");
			}
		}
		for (Row in : doc.tables().get("score_inputs")) {
			String definition = in.get("model_id") instanceof Ref model ? usable.get(model.ref()) : null;
			String problem = definition == null ? null
					: models.inputProblem(definition, (String) in.get("criterion"), (String) in.get("input_value"));
			if (problem != null) {
				problems.add("score_inputs", in.number(), "input_value", problem);
			}
		}
	}

	private static void daysOff(Checked doc, Problems problems) {
		Map<Integer, Row> sprints = doc.byRef("sprints");
		for (Row d : doc.tables().get("member_days_off")) {
			Row sprint = d.get("sprint_id") instanceof Ref s ? sprints.get(s.ref()) : null;
			if (sprint != null && sprint.get("start_date") instanceof LocalDate start
					&& sprint.get("end_date") instanceof LocalDate end && d.get("days") instanceof Integer days
					&& days > ChronoUnit.DAYS.between(start, end) + 1) {
				problems.add("member_days_off", d.number(), "days", "must be at most the sprint's length in days");
			}
		}
	}

	/**
	 * A node on a cycle of the graph, or null when it has none (Kahn's algorithm: what
	 * cannot be peeled off in topological order lies on or behind a cycle).
	 */
	static Integer cycleMember(Map<Integer, List<Integer>> edges) {
		Map<Integer, Integer> incoming = new HashMap<>();
		edges.forEach((from, tos) -> {
			incoming.putIfAbsent(from, 0);
			tos.forEach(to -> incoming.merge(to, 1, Integer::sum));
		});
		ArrayDeque<Integer> free = new ArrayDeque<>();
		incoming.forEach((node, n) -> {
			if (n == 0) {
				free.add(node);
			}
		});
		while (!free.isEmpty()) {
			for (Integer to : edges.getOrDefault(free.poll(), List.of())) {
				if (incoming.merge(to, -1, Integer::sum) == 0) {
					free.add(to);
				}
			}
		}
		return incoming.entrySet()
			.stream()
			.filter(e -> e.getValue() > 0)
			.map(Map.Entry::getKey)
			.min(Integer::compare)
			.orElse(null);
	}

}
