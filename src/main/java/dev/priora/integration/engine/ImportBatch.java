package dev.priora.integration.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a parser read from another tool's export, before anything is written: the items
 * (keyed by the other tool's key), the links between them, the sprints and releases they
 * name, what was left out on purpose ({@code ignored}: e.g. pull requests, archived
 * cards), the rows skipped (with their row number and reason), warnings about rows that
 * were imported with a fallback, and the columns or fields nobody reads.
 *
 * @param source the tool: github, jira or trello (external keys are unique per source)
 * @param rows the rows or entries read
 */
public record ImportBatch(String source, int rows, List<Item> items, List<Link> links, List<Sprint> sprints,
		List<Release> releases, Map<String, Integer> ignored, List<Note> skipped, List<Note> warnings,
		List<String> unmappedColumns) {

	public ImportBatch {
		items = List.copyOf(items);
		links = List.copyOf(links);
		sprints = List.copyOf(sprints);
		releases = List.copyOf(releases);
		ignored = Map.copyOf(ignored);
		skipped = List.copyOf(skipped);
		warnings = List.copyOf(warnings);
		unmappedColumns = List.copyOf(unmappedColumns);
	}

	/** The kind of item, as Priora's item types. */
	public enum Kind {

		EPIC, STORY, BUG, TASK, SPIKE

	}

	/** Where an item is in the workflow, as Priora's statuses. */
	public enum State {

		NEW, READY, IN_PROGRESS, DONE, REJECTED

	}

	/**
	 * How two items are linked: {@code from} depends on, relates to, or duplicates
	 * {@code to}.
	 */
	public enum LinkKind {

		DEPENDS_ON, RELATES_TO, DUPLICATES

	}

	/**
	 * An item to create. {@code parent} is the other tool's key of its epic (may be
	 * outside the file: matched against earlier imports); {@code points} null when
	 * unestimated; {@code release} and {@code sprint} by name; {@code created} and
	 * {@code resolved} may be null.
	 */
	public record Item(int row, String key, Kind kind, String title, String description, State state, BigDecimal points,
			List<String> labels, String parent, List<Criterion> criteria, List<Comment> comments, Instant created,
			Instant resolved, String release, String sprint, String assignee) {

		public Item {
			labels = List.copyOf(labels);
			criteria = List.copyOf(criteria);
			comments = List.copyOf(comments);
			description = description == null ? "" : description;
		}

	}

	/** An acceptance criterion (a checklist item), ticked or not. */
	public record Criterion(String text, boolean done) {
	}

	/** A comment with its author's name (may be empty) and date (may be null). */
	public record Comment(String author, Instant at, String body) {
	}

	/**
	 * A link between two items by the other tool's keys; {@code row} where it was read.
	 */
	public record Link(int row, String from, LinkKind kind, String to) {
	}

	/** A sprint by name, with its dates when the export has them (else null). */
	public record Sprint(String name, LocalDate start, LocalDate end, String goal) {
	}

	/** A release (Jira fix version, GitHub milestone) with its due date when known. */
	public record Release(String name, LocalDate due) {
	}

	/** A row (1-based, as in the file) and what happened to it. */
	public record Note(int row, String text) {
	}

}
