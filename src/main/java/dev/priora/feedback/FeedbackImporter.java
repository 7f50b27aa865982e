package dev.priora.feedback;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.accounts.UserId;
import dev.priora.backlog.BacklogProblem;
import dev.priora.backlog.ProductService;

/**
 * Imports feedback from CSV (UTF-8, with or without BOM, any line ends) or JSON (an array
 * of objects; a column names a field, or a nested one as {@code customer.name}) with a
 * column mapping. Every row is checked first; by default one bad row imports nothing (400
 * listing each row's error), or the valid rows are imported when asked. Rows whose
 * external id was imported before are skipped, so re-importing a file adds nothing.
 * Sentence vectors are computed after the import commits, in the background (words-only
 * similarity until then): the import queues that task in its own transaction.
 */
@Service
public class FeedbackImporter {

	/** Largest file accepted, in bytes. */
	public static final int MAX_BYTES = 64 * 1024 * 1024;

	private static final int PREVIEW_ROWS = 10;

	private static final int PROGRESS_EVERY = 1000;

	private final ProductService products;

	private final CustomerService customers;

	private final FeedbackRepository feedback;

	private final BackgroundEmbedding embedding;

	private final Clock clock;

	private final JsonMapper json;

	FeedbackImporter(ProductService products, CustomerService customers, FeedbackRepository feedback,
			BackgroundEmbedding embedding, Clock clock, JsonMapper json) {
		this.json = json;
		this.products = products;
		this.customers = customers;
		this.feedback = feedback;
		this.embedding = embedding;
		this.clock = clock;
	}

	record Parsed(long row, FeedbackDraft draft, String customerName) {
	}

	/** A file format the importer reads. */
	public enum Format {

		CSV, JSON;

		/** JSON when the content type or file name says so, CSV otherwise. */
		public static Format guess(String contentType, String fileName) {
			boolean json = (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json"))
					|| (fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".json"));
			return json ? JSON : CSV;
		}

	}

	/**
	 * Told how far an import got; may throw (a background job's
	 * {@link dev.priora.jobs.Jobs.Cancelled}) to stop it: nothing is kept.
	 */
	public interface Progress {

		Progress NONE = (done, total) -> {
		};

		void rows(int done, int total);

	}

	/** One record of the file: its number (1 = first data row) and values by column. */
	interface SourceRow {

		long number();

		String value(String column);

	}

	record Source(List<String> columns, List<SourceRow> rows) {
	}

	/** Imports (or with {@code dryRun} only checks and previews) the CSV file. */
	@Transactional
	public ImportResult importCsv(String productKey, byte[] file, ImportMapping mapping, boolean dryRun, UserId user) {
		return importFile(productKey, Format.CSV, file, mapping, dryRun, user, Progress.NONE);
	}

	/**
	 * Imports (or with {@code dryRun} only checks and previews) the file in one
	 * transaction, telling {@code progress} how far it got.
	 */
	@Transactional
	public ImportResult importFile(String productKey, Format format, byte[] file, ImportMapping mapping, boolean dryRun,
			UserId user, Progress progress) {
		String key = products.get(productKey).key();
		Source source = format == Format.JSON ? jsonRecords(file, mapping) : records(file, mapping);
		Channel channel = format == Format.JSON ? Channel.JSON : Channel.CSV;
		List<ImportResult.RowError> errors = new ArrayList<>();
		List<Parsed> rows = new ArrayList<>();
		List<Map<String, String>> preview = new ArrayList<>();
		Set<String> known = new HashSet<>(knownExternalIds(key));
		int duplicates = 0;
		for (SourceRow r : source.rows()) {
			long row = r.number();
			Parsed parsed = parse(row, r, mapping, channel, errors);
			if (preview.size() < PREVIEW_ROWS) {
				preview.add(previewOf(row, r, mapping));
			}
			if (parsed == null) {
				continue;
			}
			String ext = parsed.draft().externalId();
			if (ext != null && !known.add(ext)) {
				duplicates++;
				continue;
			}
			rows.add(parsed);
		}
		int total = source.rows().size();
		if (!errors.isEmpty() && !mapping.validRowsOnly() && !dryRun) {
			throw rowErrors(errors);
		}
		if (dryRun) {
			return new ImportResult(true, total, rows.size(), duplicates, newCustomers(key, rows).size(), limit(errors),
					preview, source.columns());
		}
		progress.rows(0, rows.size());
		Map<String, Long> customerIds = new HashMap<>();
		int customersCreated = customerIds(key, rows, user, customerIds);
		Instant now = clock.instant();
		int done = 0;
		for (Parsed p : rows) {
			FeedbackDraft d = p.draft();
			Long customer = p.customerName() == null ? null : customerIds.get(norm(p.customerName()));
			feedback.insert(key,
					new FeedbackDraft(d.title(), d.text(), customer, null, channel, d.receivedAt(), d.tags(),
							d.externalId()),
					channel, d.receivedAt() == null ? now : d.receivedAt(), null, user.value(), now);
			if (++done % PROGRESS_EVERY == 0) {
				progress.rows(done, rows.size());
			}
		}
		progress.rows(done, rows.size());
		embedding.embedMissing(key);
		return new ImportResult(false, total, rows.size(), duplicates, customersCreated, limit(errors), preview,
				source.columns());
	}

	/** The columns (CSV header, or JSON fields) of the file, to choose a mapping from. */
	public List<String> columns(Format format, byte[] file) {
		return (format == Format.JSON ? jsonRecords(file, null) : records(file, null)).columns();
	}

	private Source jsonRecords(byte[] file, ImportMapping mapping) {
		checkSize(file);
		JsonNode root;
		try {
			root = json.readTree(file);
		}
		catch (JacksonException e) {
			throw BacklogProblem.invalid("file", "is not valid JSON: " + e.getOriginalMessage());
		}
		JsonNode array = root;
		if (root != null && root.isObject()) {
			// {"feedback": [...]} or any object holding exactly one array
			List<JsonNode> arrays = new ArrayList<>();
			root.forEach(v -> {
				if (v.isArray()) {
					arrays.add(v);
				}
			});
			array = arrays.size() == 1 ? arrays.get(0) : null;
		}
		if (array == null || !array.isArray()) {
			throw BacklogProblem.invalid("file", "must be a JSON array of objects (one per feedback)");
		}
		Set<String> columns = new LinkedHashSet<>();
		List<SourceRow> rows = new ArrayList<>(array.size());
		long number = 0;
		for (JsonNode node : array) {
			long row = ++number;
			if (node.isObject()) {
				for (var field : node.properties()) {
					columns.add(field.getKey());
					if (field.getValue().isObject()) {
						field.getValue()
							.properties()
							.forEach(inner -> columns.add(field.getKey() + "." + inner.getKey()));
					}
				}
			}
			rows.add(new JsonRow(row, node));
		}
		List<String> known = List.copyOf(columns);
		if (!rows.isEmpty() && mapping != null) {
			for (var entry : columns(mapping).entrySet()) {
				if (entry.getValue() != null && !columns.contains(entry.getValue())) {
					throw BacklogProblem.invalid(entry.getKey(),
							"field '" + entry.getValue() + "' is in none of the records; their fields are " + known);
				}
			}
		}
		return new Source(known, rows);
	}

	/** A JSON record; a column is a field name or a dotted path into nested objects. */
	private record JsonRow(long number, JsonNode node) implements SourceRow {

		@Override
		public String value(String column) {
			if (column == null || column.isBlank() || !node.isObject()) {
				return null;
			}
			JsonNode v = node.get(column);
			if (v == null && column.contains(".")) {
				v = node;
				for (String part : column.split("\\.")) {
					v = v == null || !v.isObject() ? null : v.get(part);
				}
			}
			if (v == null || v.isNull() || v.isMissingNode()) {
				return null;
			}
			if (v.isArray()) {
				List<String> parts = new ArrayList<>();
				v.forEach(e -> parts.add(e.isValueNode() ? e.asString() : e.toString()));
				return clean(String.join(";", parts));
			}
			return clean(v.isValueNode() ? v.asString() : v.toString());
		}

	}

	private static String clean(String v) {
		return v == null ? null : v.replaceAll("[\\p{Cntrl}&&[^\\r\\n\\t]]", "").strip();
	}

	/** A CSV record. */
	private record CsvRow(CSVRecord record) implements SourceRow {

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

	private static void checkSize(byte[] file) {
		checkSize(file == null ? 0 : file.length);
	}

	/**
	 * 400 when a file of this size cannot be imported: empty, or over {@link #MAX_BYTES}.
	 */
	static void checkSize(long size) {
		if (size == 0) {
			throw BacklogProblem.invalid("file", "is empty");
		}
		if (size > MAX_BYTES) {
			throw BacklogProblem.invalid("file", "is larger than " + MAX_BYTES / 1024 / 1024 + " MB");
		}
	}

	private Source records(byte[] file, ImportMapping mapping) {
		checkSize(file);
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(file))
				.toString();
		}
		catch (CharacterCodingException e) {
			throw BacklogProblem.invalid("file", "is not UTF-8 text; save it as CSV UTF-8 and try again");
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
			for (var entry : mapping == null ? Map.<String, String>of().entrySet() : columns(mapping).entrySet()) {
				if (entry.getValue() != null && !header.contains(entry.getValue())) {
					throw BacklogProblem.invalid(entry.getKey(),
							"column '" + entry.getValue() + "' is not in the file; its columns are " + header);
				}
			}
			List<SourceRow> rows = new ArrayList<>();
			for (CSVRecord r : parser) {
				rows.add(new CsvRow(r));
			}
			return new Source(List.copyOf(header), rows);
		}
		catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
			throw BacklogProblem.invalid("file", "is not valid CSV: " + e.getMessage());
		}
	}

	private static Map<String, String> columns(ImportMapping m) {
		if (m.text() == null || m.text().isBlank()) {
			throw BacklogProblem.invalid("text", "name the column that holds the feedback text");
		}
		Map<String, String> c = new LinkedHashMap<>();
		c.put("text", m.text());
		c.put("title", blank(m.title()));
		c.put("customer", blank(m.customer()));
		c.put("date", blank(m.date()));
		c.put("externalId", blank(m.externalId()));
		c.put("tags", blank(m.tags()));
		return c;
	}

	private static Parsed parse(long row, SourceRow r, ImportMapping m, Channel channel,
			List<ImportResult.RowError> errors) {
		int before = errors.size();
		String title = value(r, m.title());
		String text = value(r, m.text());
		if (text == null || text.isEmpty()) {
			// a request with only a subject is still feedback: its title is its text
			text = title;
		}
		if (text == null || text.isEmpty()) {
			errors.add(new ImportResult.RowError(row, "text", "is empty (and so is the title)"));
		}
		else if (text.length() > FeedbackService.MAX_TEXT) {
			errors.add(new ImportResult.RowError(row, "text",
					"is longer than " + FeedbackService.MAX_TEXT + " characters"));
		}
		if (title != null && title.length() > 300) {
			errors.add(new ImportResult.RowError(row, "title", "is longer than 300 characters"));
		}
		String ext = value(r, m.externalId());
		if (ext != null && ext.length() > 100) {
			errors.add(new ImportResult.RowError(row, "externalId", "is longer than 100 characters"));
		}
		Instant received = date(row, value(r, m.date()), errors);
		List<String> tags = value(r, m.tags()) == null ? List.of()
				: Arrays.stream(value(r, m.tags()).split("[;,]"))
					.map(String::strip)
					.filter(s -> !s.isEmpty())
					.map(s -> s.toLowerCase(Locale.ROOT))
					.toList();
		String customer = value(r, m.customer());
		if (customer != null && customer.length() > 200) {
			errors.add(new ImportResult.RowError(row, "customer", "is longer than 200 characters"));
		}
		if (errors.size() > before) {
			return null;
		}
		String clean = title == null ? "" : title.replaceAll("\\s+", " ");
		return new Parsed(row,
				new FeedbackDraft(clean, text, null, null, channel, received, tags,
						ext == null || ext.isEmpty() ? null : ext),
				customer == null || customer.isEmpty() ? null : customer);
	}

	private static Instant date(long row, String value, List<ImportResult.RowError> errors) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		try {
			return value.length() <= 10 ? LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC)
					: OffsetDateTime
						.parse(value.replace(' ', 'T').endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$")
								? value.replace(' ', 'T') : value.replace(' ', 'T') + "Z")
						.toInstant();
		}
		catch (DateTimeParseException e) {
			errors.add(new ImportResult.RowError(row, "date",
					"'" + value + "' is no date like 2024-03-31 or 2024-03-31T10:15:00Z"));
			return null;
		}
	}

	private static String value(SourceRow r, String column) {
		return r.value(column);
	}

	private static Map<String, String> previewOf(long row, SourceRow r, ImportMapping m) {
		Map<String, String> p = new LinkedHashMap<>();
		p.put("row", String.valueOf(row));
		columns(m).forEach((field, column) -> {
			String v = column == null ? null : value(r, column);
			if (v != null) {
				p.put(field, v.length() > 200 ? v.substring(0, 200) + "…" : v);
			}
		});
		return p;
	}

	private List<String> knownExternalIds(String key) {
		return feedback.externalIds(key);
	}

	private Set<String> newCustomers(String key, List<Parsed> rows) {
		Set<String> existing = new HashSet<>();
		customers.list(key).forEach(c -> existing.add(norm(c.name())));
		Set<String> created = new HashSet<>();
		rows.stream()
			.map(Parsed::customerName)
			.filter(n -> n != null && !existing.contains(norm(n)))
			.forEach(n -> created.add(norm(n)));
		return created;
	}

	/**
	 * Fills {@code ids} with the customer of every name in the rows (normalised),
	 * creating the missing ones in name order (see {@link CustomerService#findOrCreate});
	 * answers how many it created.
	 */
	private int customerIds(String key, List<Parsed> rows, UserId user, Map<String, Long> ids) {
		Map<String, String> names = new TreeMap<>();
		rows.stream()
			.map(Parsed::customerName)
			.filter(n -> n != null)
			.forEach(n -> names.putIfAbsent(CustomerService.nameKey(n), n.strip()));
		int created = 0;
		for (var name : names.entrySet()) {
			CustomerService.Named c = customers.findOrCreate(key, name.getValue(), user);
			ids.put(name.getKey(), c.id());
			created += c.created() ? 1 : 0;
		}
		return created;
	}

	private static BacklogProblem rowErrors(List<ImportResult.RowError> errors) {
		Map<String, String> byRow = new LinkedHashMap<>();
		for (var e : limit(errors)) {
			byRow.put("row " + e.row() + " " + e.field(), e.reason());
		}
		return BacklogProblem.invalid(byRow);
	}

	private static List<ImportResult.RowError> limit(List<ImportResult.RowError> errors) {
		return errors.size() > 1000 ? List.copyOf(errors.subList(0, 1000)) : List.copyOf(errors);
	}

	private static String norm(String name) {
		return CustomerService.nameKey(name);
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
