package dev.priora.integration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import dev.priora.integration.ArchiveRepository.Column;
import tools.jackson.databind.JsonNode;

/**
 * Reads an export document's tables into rows ready to write, checking every value before
 * anything is written: each column against the database's declaration (type, length,
 * digits, null, required) and the application's domain ({@link ArchiveRules}: enums,
 * ranges, formats), each reference against the rows the document holds, and the rules
 * between rows ({@link ArchiveLinks}). Problems are collected, not thrown, so that one
 * answer names every bad cell (up to {@value #MAX_PROBLEMS}; see
 * {@link ArchiveProblem#refused}).
 */
final class ArchiveCheck {

	static final int MAX_PROBLEMS = 50;

	/**
	 * Longest text of a column without a declared length (release notes allow 100,000).
	 */
	static final int MAX_TEXT = 100_000;

	/** A reference to a row of a table of the document, by the row's id there. */
	record Ref(String table, int ref) {
	}

	/** A reference to a person of the document's {@code users} list. */
	record Person(int ref) {
	}

	/**
	 * One row as it will be written: its number in the table (1-based), its own id in the
	 * document (null for tables without one), and column → value (a JDBC value, a
	 * {@link Ref} or a {@link Person}).
	 */
	record Row(int number, Integer ref, Map<String, Object> values) {

		Object get(String column) {
			return values.get(column);
		}
	}

	/** A person of the document: e-mail address and name as exported. */
	record PersonEntry(int ref, String email, String displayName) {
	}

	/** The checked document: people, rows per table (in write order), problems. */
	record Checked(Map<Integer, PersonEntry> people, Map<String, List<Row>> tables, List<ArchiveProblem> problems) {

		Map<Integer, Row> byRef(String table) {
			Map<Integer, Row> rows = new HashMap<>();
			tables.getOrDefault(table, List.of()).forEach(r -> rows.put(r.ref(), r));
			return rows;
		}
	}

	private final Map<String, Map<String, Column>> schema;

	private final UnaryOperator<String> rename;

	private final ArchiveLinks.Models models;

	private final List<ArchiveProblem> problems = new ArrayList<>();

	private final Map<Integer, PersonEntry> people = new LinkedHashMap<>();

	private final Map<String, List<Row>> tables = new LinkedHashMap<>();

	private final Map<String, Set<Integer>> ids = new HashMap<>();

	ArchiveCheck(Map<String, Map<String, Column>> schema, UnaryOperator<String> rename, ArchiveLinks.Models models) {
		this.schema = schema;
		this.rename = rename;
		this.models = models;
	}

	/** Checks the document's {@code users} and {@code tables}. */
	Checked check(JsonNode doc) {
		people(doc.path("users"));
		JsonNode all = doc.path("tables");
		if (!all.isObject()) {
			add("tables", null, null, "must be an object of tables");
			return result();
		}
		Set<String> known = new HashSet<>();
		ArchiveTables.ALL.forEach(t -> known.add(t.name()));
		for (String name : all.propertyNames()) {
			if (!known.contains(name)) {
				add(name, null, null, "is not a table this version of Priora exports");
			}
		}
		for (ArchiveTables.Table t : ArchiveTables.ALL) {
			table(t, all.path(t.name()));
		}
		if (all.path("products").size() != 1) {
			add("products", null, null, "must hold exactly one product");
		}
		if (problems.isEmpty()) {
			ArchiveLinks.check(new Checked(people, tables, problems), models, this::add);
		}
		return result();
	}

	private Checked result() {
		return new Checked(people, tables, List.copyOf(problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS))));
	}

	void add(String table, Integer row, String column, String reason) {
		problems.add(new ArchiveProblem(table, row, column, reason));
	}

	private void people(JsonNode users) {
		if (!users.isArray()) {
			add("users", null, null, "must be a list of people");
			return;
		}
		int n = 0;
		for (JsonNode u : users) {
			n++;
			JsonNode ref = u.path("ref");
			JsonNode email = u.path("email");
			JsonNode name = u.path("displayName");
			if (!ref.isIntegralNumber() || !ref.canConvertToInt() || ref.asInt() < 1) {
				add("users", n, "ref", "must be a whole number from 1");
			}
			else if (people.containsKey(ref.asInt())) {
				add("users", n, "ref", "person " + ref.asInt() + " is listed twice");
			}
			else if (!email.isString() || email.asString().length() > 320) {
				add("users", n, "email", "must be an e-mail address of at most 320 characters");
			}
			else if (!name.isMissingNode() && !name.isNull() && (!name.isString() || name.asString().length() > 200)) {
				add("users", n, "displayName", "must be a name of at most 200 characters");
			}
			else {
				people.put(ref.asInt(),
						new PersonEntry(ref.asInt(), email.asString().strip(), name.isString() ? name.asString() : ""));
			}
		}
	}

	private void table(ArchiveTables.Table t, JsonNode rows) {
		List<Row> out = new ArrayList<>();
		tables.put(t.name(), out);
		Set<Integer> own = new HashSet<>();
		ids.put(t.name(), own);
		if (rows.isMissingNode() || rows.isNull()) {
			return;
		}
		if (!rows.isArray()) {
			add(t.name(), null, null, "must be a list of rows");
			return;
		}
		Map<String, Column> columns = schema.get(t.name());
		int n = 0;
		for (JsonNode r : rows) {
			n++;
			if (!r.isObject()) {
				add(t.name(), n, null, "must be an object of columns");
				continue;
			}
			Row row = row(t, n, r, columns);
			if (row != null) {
				out.add(row);
			}
		}
	}

	private Row row(ArchiveTables.Table t, int n, JsonNode r, Map<String, Column> columns) {
		int before = problems.size();
		Integer ref = null;
		Map<String, Object> values = new LinkedHashMap<>();
		for (var field : r.properties()) {
			String column = field.getKey();
			JsonNode v = field.getValue();
			if (column.equals(t.id())) {
				ref = id(t, n, v);
			}
			else if (ArchiveTables.PRODUCT_COLUMNS.contains(column) && columns.containsKey(column)) {
				continue; // always the new product
			}
			else if (!columns.containsKey(column) || ArchiveTables.DROPPED_COLUMNS.contains(column)) {
				add(t.name(), n, column, "is not a column this version of Priora exports");
			}
			else {
				cell(t, n, column, columns.get(column), v, values);
			}
		}
		for (Column c : columns.values()) {
			boolean product = ArchiveTables.PRODUCT_COLUMNS.contains(c.name()) || c.name().equals(t.id())
					|| ArchiveTables.DROPPED_COLUMNS.contains(c.name());
			if (!product && !c.nullable() && !c.hasDefault() && !r.has(c.name())) {
				add(t.name(), n, c.name(), "is required");
			}
		}
		if (t.id() != null && ref == null && !r.has(t.id())) {
			add(t.name(), n, t.id(), "is required");
		}
		if (problems.size() > before) {
			return null;
		}
		ArchiveRules.checkRow(t.name(), n, values, this::add);
		return new Row(n, ref, values);
	}

	private Integer id(ArchiveTables.Table t, int n, JsonNode v) {
		if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 1) {
			add(t.name(), n, t.id(), "must be a whole number from 1");
			return null;
		}
		if (!ids.get(t.name()).add(v.asInt())) {
			add(t.name(), n, t.id(), "row " + v.asInt() + " appears twice");
			return null;
		}
		return v.asInt();
	}

	private void cell(ArchiveTables.Table t, int n, String column, Column c, JsonNode v, Map<String, Object> values) {
		if (v.isNull()) {
			if (!c.nullable()) {
				add(t.name(), n, column, "must not be null");
			}
			values.put(column, null);
			return;
		}
		String target = t.refs().get(column);
		if (target != null) {
			Object ref = reference(t, n, column, target, v);
			if (ref != null) {
				values.put(column, ref);
			}
			return;
		}
		String problem;
		Object value;
		try {
			value = ArchiveValues.value(v, c, rename);
			problem = value == null ? "has the wrong type: " + ArchiveValues.expected(c)
					: ArchiveRules.check(t.name(), column, value);
		}
		catch (RuntimeException e) {
			value = null;
			problem = "cannot be read as " + ArchiveValues.expected(c);
		}
		if (problem != null) {
			add(t.name(), n, column, problem);
		}
		else {
			values.put(column, value);
		}
	}

	private Object reference(ArchiveTables.Table t, int n, String column, String target, JsonNode v) {
		if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 1) {
			add(t.name(), n, column, "must be a row number from 1 (a reference to " + target + ")");
			return null;
		}
		int ref = v.asInt();
		if (target.equals(ArchiveTables.USERS)) {
			if (!people.containsKey(ref)) {
				add(t.name(), n, column, "refers to person " + ref + ", whom the file's users list does not hold");
				return null;
			}
			return new Person(ref);
		}
		if (!target.equals(t.name()) && !ids.getOrDefault(target, Set.of()).contains(ref)) {
			add(t.name(), n, column, "refers to " + target + " row " + ref + ", which the file does not hold");
			return null;
		}
		return new Ref(target, ref);
	}

}
