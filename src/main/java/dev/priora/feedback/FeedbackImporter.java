package dev.priora.feedback;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.accounts.UserId;
import dev.priora.problem.DomainProblem;
import dev.priora.backlog.ProductService;
import dev.priora.feedback.engine.Columns;
import dev.priora.feedback.engine.FeedbackFile;
import dev.priora.feedback.engine.FeedbackRows;

/**
 * Imports feedback from CSV (UTF-8, with or without BOM, any line ends) or JSON (an array
 * of objects; a column names a field, or a nested one as {@code customer.name}) with a
 * column mapping. Every row is checked first; by default one bad row imports nothing (400
 * listing each row's error), or the valid rows are imported when asked. Rows whose
 * external id was imported before are skipped, so re-importing a file adds nothing.
 * Sentence vectors are computed after the import commits, in the background (words-only
 * similarity until then): the import queues that task in its own transaction. The file is
 * read and checked by {@link FeedbackFile} and {@link FeedbackRows}; this class keeps the
 * job's side: duplicates, customers and the writes.
 */
@Service
public class FeedbackImporter {

	/** Largest file accepted, in bytes. */
	public static final int MAX_BYTES = 64 * 1024 * 1024;

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
		Columns columns = columns(mapping);
		FeedbackFile.Table table = table(format, file, columns);
		FeedbackRows.Checked checked = checked(table, columns);
		Channel channel = format == Format.JSON ? Channel.JSON : Channel.CSV;
		Set<String> known = new HashSet<>(feedback.externalIds(key));
		List<FeedbackRows.Row> rows = new ArrayList<>();
		int duplicates = 0;
		for (FeedbackRows.Row row : checked.rows()) {
			if (row.externalId() != null && !known.add(row.externalId())) {
				duplicates++;
			}
			else {
				rows.add(row);
			}
		}
		List<ImportResult.RowError> errors = checked.errors()
			.stream()
			.map(e -> new ImportResult.RowError(e.row(), e.field(), e.reason()))
			.toList();
		if (!errors.isEmpty() && !mapping.validRowsOnly() && !dryRun) {
			throw rowErrors(errors);
		}
		int created = dryRun ? newCustomers(key, rows).size() : write(key, channel, rows, user, progress);
		return new ImportResult(dryRun, checked.total(), rows.size(), duplicates, created, limit(errors),
				checked.preview(), table.columns());
	}

	/** The columns (CSV header, or JSON fields) of the file, to choose a mapping from. */
	public List<String> columns(Format format, byte[] file) {
		return table(format, file, null).columns();
	}

	/**
	 * Writes the rows, creating the customers they name; answers how many customers it
	 * created.
	 */
	private int write(String key, Channel channel, List<FeedbackRows.Row> rows, UserId user, Progress progress) {
		progress.rows(0, rows.size());
		Map<String, Long> customerIds = new HashMap<>();
		int customersCreated = customerIds(key, rows, user, customerIds);
		Instant now = clock.instant();
		int done = 0;
		for (FeedbackRows.Row r : rows) {
			Long customer = r.customer() == null ? null : customerIds.get(norm(r.customer()));
			feedback.insert(key,
					new FeedbackDraft(r.title(), r.text(), customer, null, channel, r.received(), r.tags(),
							r.externalId()),
					channel, r.received() == null ? now : r.received(), null, user.value(), now);
			if (++done % PROGRESS_EVERY == 0) {
				progress.rows(done, rows.size());
			}
		}
		progress.rows(done, rows.size());
		embedding.embedMissing(key);
		return customersCreated;
	}

	private FeedbackFile.Table table(Format format, byte[] file, Columns columns) {
		checkSize(file == null ? 0 : file.length);
		try {
			return format == Format.JSON ? FeedbackFile.json(tree(file), columns, json::writeValueAsString)
					: FeedbackFile.csv(file, columns);
		}
		catch (FeedbackFile.Refused e) {
			throw DomainProblem.invalid(e.field(), e.getMessage());
		}
	}

	private static FeedbackRows.Checked checked(FeedbackFile.Table table, Columns columns) {
		try {
			return FeedbackRows.check(table, columns, FeedbackService.MAX_TEXT);
		}
		catch (FeedbackFile.Refused e) {
			throw DomainProblem.invalid(e.field(), e.getMessage());
		}
	}

	/** The JSON document as plain maps, lists and values (null when it holds nothing). */
	private Object tree(byte[] file) {
		JsonNode root;
		try {
			root = json.readTree(file);
		}
		catch (JacksonException e) {
			throw DomainProblem.invalid("file", "is not valid JSON: " + e.getOriginalMessage());
		}
		return root == null || root.isMissingNode() ? null : json.treeToValue(root, Object.class);
	}

	private static Columns columns(ImportMapping m) {
		return new Columns(m.text(), m.title(), m.customer(), m.date(), m.externalId(), m.tags());
	}

	/**
	 * 400 when a file of this size cannot be imported: empty, or over {@link #MAX_BYTES}.
	 */
	static void checkSize(long size) {
		if (size == 0) {
			throw DomainProblem.invalid("file", "is empty");
		}
		if (size > MAX_BYTES) {
			throw DomainProblem.invalid("file", "is larger than " + MAX_BYTES / 1024 / 1024 + " MB");
		}
	}

	private Set<String> newCustomers(String key, List<FeedbackRows.Row> rows) {
		Set<String> existing = new HashSet<>();
		customers.list(key).forEach(c -> existing.add(norm(c.name())));
		Set<String> created = new HashSet<>();
		rows.stream()
			.map(FeedbackRows.Row::customer)
			.filter(n -> n != null && !existing.contains(norm(n)))
			.forEach(n -> created.add(norm(n)));
		return created;
	}

	/**
	 * Fills {@code ids} with the customer of every name in the rows (normalised),
	 * creating the missing ones in name order (see {@link CustomerService#findOrCreate});
	 * answers how many it created.
	 */
	private int customerIds(String key, List<FeedbackRows.Row> rows, UserId user, Map<String, Long> ids) {
		Map<String, String> names = new TreeMap<>();
		rows.stream()
			.map(FeedbackRows.Row::customer)
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

	private static DomainProblem rowErrors(List<ImportResult.RowError> errors) {
		Map<String, String> byRow = new LinkedHashMap<>();
		for (var e : limit(errors)) {
			byRow.put("row " + e.row() + " " + e.field(), e.reason());
		}
		return DomainProblem.invalid(byRow);
	}

	private static List<ImportResult.RowError> limit(List<ImportResult.RowError> errors) {
		return errors.size() > 1000 ? List.copyOf(errors.subList(0, 1000)) : List.copyOf(errors);
	}

	private static String norm(String name) {
		return CustomerService.nameKey(name);
	}

}
