package dev.priora.feedback.engine;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a feedback file into records with named columns: CSV (UTF-8, with or without a
 * BOM, any line ends; the header names the columns) via commons-csv, or JSON given as
 * plain Java values (maps, lists, strings, numbers, booleans; an array of objects, or an
 * object holding exactly one such array), whose columns are the records' fields and, for
 * a nested object, {@code field.inner}. Values are stripped of surrounding space and of
 * control characters other than line breaks and tabs. With a mapping, a column it names
 * that the file lacks is refused here, before any row is read.
 */
public final class FeedbackFile {

	private FeedbackFile() {
	}

	/** One record: its number (1 = first data row) and values by column. */
	public interface Record {

		long number();

		/** The value of the column, or null when the record has none. */
		String value(String column);

	}

	/** The file's columns, in the order first met, and its records. */
	public record Table(List<String> columns, List<Record> records) {
		public Table {
			columns = List.copyOf(columns);
			records = List.copyOf(records);
		}
	}

	/**
	 * A file or mapping that cannot be read at all; {@link #field} names the part at
	 * fault ({@code file}, or the mapped field).
	 */
	public static final class Refused extends IllegalArgumentException {

		private static final long serialVersionUID = 1L;

		private final String field;

		public Refused(String field, String reason) {
			super(reason);
			this.field = field;
		}

		public String field() {
			return field;
		}

	}

	/**
	 * The CSV file's records; {@code mapping} (or null for the columns only) is checked
	 * against the header.
	 * @throws Refused when it is not UTF-8 CSV or lacks a mapped column
	 */
	public static Table csv(byte[] file, Columns mapping) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(file))
				.toString();
		}
		catch (CharacterCodingException e) {
			throw new Refused("file", "is not UTF-8 text; save it as CSV UTF-8 and try again");
		}
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		try (CSVParser parser = CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreEmptyLines(true)
			.setTrim(true)
			.get()
			.parse(new StringReader(text))) {
			List<String> header = parser.getHeaderNames();
			for (var entry : mapping == null ? Map.<String, String>of().entrySet() : mapping.byField().entrySet()) {
				if (entry.getValue() != null && !header.contains(entry.getValue())) {
					throw new Refused(entry.getKey(),
							"column '" + entry.getValue() + "' is not in the file; its columns are " + header);
				}
			}
			List<Record> rows = new ArrayList<>();
			for (CSVRecord r : parser) {
				rows.add(new CsvRecord(r));
			}
			return new Table(header, rows);
		}
		catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
			if (e instanceof Refused refused) {
				throw refused;
			}
			throw new Refused("file", "is not valid CSV: " + e.getMessage());
		}
	}

	/**
	 * The JSON document's records; {@code mapping} (or null for the columns only) is
	 * checked against the records' fields when there are records. A mapped field that
	 * holds an object or a list of objects is read as {@code jsonText} writes it.
	 * @throws Refused when it holds no array of records or lacks a mapped field
	 */
	public static Table json(Object root, Columns mapping, java.util.function.Function<Object, String> jsonText) {
		Object array = root;
		if (root instanceof Map<?, ?> object) {
			// {"feedback": [...]} or any object holding exactly one array
			List<Object> arrays = object.values()
				.stream()
				.filter(v -> v instanceof List<?>)
				.map(v -> (Object) v)
				.toList();
			array = arrays.size() == 1 ? arrays.get(0) : null;
		}
		if (!(array instanceof List<?> list)) {
			throw new Refused("file", "must be a JSON array of objects (one per feedback)");
		}
		Set<String> columns = new LinkedHashSet<>();
		List<Record> rows = new ArrayList<>(list.size());
		long number = 0;
		for (Object node : list) {
			if (node instanceof Map<?, ?> m) {
				m.forEach((k, v) -> {
					columns.add(String.valueOf(k));
					if (v instanceof Map<?, ?> inner) {
						inner.keySet().forEach(i -> columns.add(k + "." + i));
					}
				});
			}
			rows.add(new JsonRecord(++number, node, jsonText));
		}
		List<String> known = List.copyOf(columns);
		if (!rows.isEmpty() && mapping != null) {
			for (var entry : mapping.byField().entrySet()) {
				if (entry.getValue() != null && !columns.contains(entry.getValue())) {
					throw new Refused(entry.getKey(),
							"field '" + entry.getValue() + "' is in none of the records; their fields are " + known);
				}
			}
		}
		return new Table(known, rows);
	}

	private static String clean(String v) {
		return v == null ? null : v.replaceAll("[\\p{Cntrl}&&[^\\r\\n\\t]]", "").strip();
	}

	/** A JSON record; a column is a field name or a dotted path into nested objects. */
	private record JsonRecord(long number, Object node,
			java.util.function.Function<Object, String> jsonText) implements Record {

		@Override
		public String value(String column) {
			if (column == null || column.isBlank() || !(node instanceof Map<?, ?> object)) {
				return null;
			}
			Object v = object.get(column);
			if (v == null && column.contains(".")) {
				v = node;
				for (String part : column.split("\\.")) {
					v = v instanceof Map<?, ?> m ? m.get(part) : null;
				}
			}
			if (v == null) {
				return null;
			}
			if (v instanceof List<?> values) {
				return clean(String.join(";", values.stream().map(this::text).toList()));
			}
			return clean(text(v));
		}

		private String text(Object v) {
			return v instanceof Map<?, ?> || v instanceof List<?> ? jsonText.apply(v) : String.valueOf(v);
		}

	}

	/** A CSV record. */
	private record CsvRecord(CSVRecord record) implements Record {

		@Override
		public long number() {
			return record.getRecordNumber();
		}

		@Override
		public String value(String column) {
			if (column == null || column.isBlank() || !record.isMapped(column) || !record.isSet(column)) {
				return null;
			}
			return clean(record.get(column));
		}

	}

}
