package dev.priora.integration;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.priora.accounts.UserId;
import dev.priora.problem.DomainProblem;
import dev.priora.backlog.ProductService;
import dev.priora.integration.engine.GitHubJson;
import dev.priora.integration.engine.ImportBatch;
import dev.priora.integration.engine.JiraCsv;
import dev.priora.integration.engine.JiraJson;
import dev.priora.integration.engine.Mapping;
import dev.priora.integration.engine.TrelloJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports a backlog from Jira (CSV or REST JSON), GitHub issues or a Trello board: the
 * file is read into a neutral batch (see the parsers in {@code engine}), checked and
 * counted — the dry run stops there — then written in one transaction: all of it, or
 * nothing. Items keep the other tool's key, so importing the same file again adds nothing
 * new.
 */
@Service
public class BacklogImport {

	/** Largest file accepted, in bytes. */
	public static final int MAX_BYTES = 32 * 1024 * 1024;

	/** Where the file comes from. */
	public enum Source {

		GITHUB("github"), JIRA("jira"), JIRA_JSON("jira"), TRELLO("trello");

		/** The key space of the other tool's keys (Jira CSV and JSON share one). */
		public final String keySpace;

		Source(String keySpace) {
			this.keySpace = keySpace;
		}

		/**
		 * "github", "jira", "jira-json", "trello" (as in URLs and on the command line).
		 */
		public static Source of(String name) {
			try {
				return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
			}
			catch (IllegalArgumentException e) {
				throw DomainProblem.invalid("source",
						"must be one of github, jira, jira-json, trello; was '" + name + "'");
			}
		}

		public String label() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

	}

	/**
	 * How to read the file: status and type mapping lines ({@code "In QA=IN_PROGRESS"},
	 * {@code "Feature=STORY"}), whether archived Trello cards come too, and the Jira JSON
	 * custom field ids of story points and epic link when the export does not name them.
	 */
	public record Options(List<String> statusMap, List<String> typeMap, boolean includeArchived,
			String storyPointsField, String epicLinkField) {

		public Options {
			statusMap = statusMap == null ? List.of() : statusMap.stream().filter(l -> !l.isBlank()).toList();
			typeMap = typeMap == null ? List.of() : typeMap.stream().filter(l -> !l.isBlank()).toList();
		}

		public static Options defaults() {
			return new Options(List.of(), List.of(), false, null, null);
		}

	}

	/**
	 * What an import did, or would do in a dry run: rows read; items created (by type and
	 * status) and already imported before; what was left out on purpose; releases,
	 * sprints and team members created; links and comments added; columns nobody reads;
	 * skipped rows and warnings with their row numbers; the created item keys; the key of
	 * the product created for the import (absent when it went into an existing one).
	 */
	public record Report(String source, boolean dryRun, int rows, int created, int alreadyImported,
			Map<String, Integer> ignored, Map<String, Integer> types, Map<String, Integer> statuses,
			int releasesCreated, int sprintsCreated, int membersCreated, int links, int comments,
			List<String> unmappedColumns, List<ImportBatch.Note> skipped, List<ImportBatch.Note> warnings,
			List<String> createdItems, @JsonInclude(JsonInclude.Include.NON_NULL) String productCreated) {

		Report withProductCreated(String key) {
			return new Report(source, dryRun, rows, created, alreadyImported, ignored, types, statuses, releasesCreated,
					sprintsCreated, membersCreated, links, comments, unmappedColumns, skipped, warnings, createdItems,
					key);
		}

	}

	/**
	 * The product an import goes into: an existing one ({@code newName} null), or a new
	 * one created in the import's transaction with the default settings (a dry run
	 * creates it only to count against it, then rolls back).
	 */
	public record Into(String productKey, String newName) {

		public static Into existing(String productKey) {
			return new Into(productKey, null);
		}

		public static Into newProduct(String productKey, String name) {
			return new Into(productKey, name == null ? "" : name);
		}

	}

	/** Told after each item written: how many of how many. */
	public interface Progress {

		void at(int done, int total);

	}

	private final ImportWriter writer;

	private final ProductService products;

	private final JsonMapper json;

	BacklogImport(ImportWriter writer, ProductService products, JsonMapper json) {
		this.writer = writer;
		this.products = products;
		this.json = json;
	}

	/** Reads the file; 400 with the reason when it cannot be read. */
	public ImportBatch read(Source source, byte[] file, Options options) {
		if (file == null || file.length == 0) {
			throw DomainProblem.invalid("file", "is empty");
		}
		if (file.length > MAX_BYTES) {
			throw DomainProblem.invalid("file", "is larger than " + MAX_BYTES / 1024 / 1024 + " MB");
		}
		try {
			Mapping mapping = Mapping.of(options.statusMap(), options.typeMap());
			return switch (source) {
				case JIRA -> JiraCsv.parse(file, mapping);
				case JIRA_JSON -> JiraJson.parse(tree(file), mapping,
						new JiraJson.Options(options.storyPointsField(), options.epicLinkField()));
				case GITHUB -> GitHubJson.parse(tree(file));
				case TRELLO -> TrelloJson.parse(tree(file), mapping, options.includeArchived());
			};
		}
		catch (IllegalArgumentException e) {
			throw DomainProblem.invalid(e.getMessage().startsWith("the ") ? "mapping" : "file", e.getMessage());
		}
	}

	/** Imports the file (or, in a dry run, only reports what would happen). */
	@Transactional
	public Report run(String productKey, Source source, byte[] file, Options options, boolean dryRun, UserId user,
			Progress progress) {
		return run(Into.existing(productKey), source, file, options, dryRun, user, progress);
	}

	/**
	 * Imports the file into an existing or a new product (or, in a dry run, only reports
	 * what would happen); a new product is created in the same transaction, so it exists
	 * only if the import succeeds. A dry run into a new product rolls back, so it must
	 * not be called inside another transaction.
	 */
	@Transactional
	public Report run(Into into, Source source, byte[] file, Options options, boolean dryRun, UserId user,
			Progress progress) {
		ImportBatch batch = read(source, file, options);
		String created = null;
		if (into.newName() != null) {
			created = products.create(into.productKey(), into.newName(), "", user).key();
			if (dryRun) {
				TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
			}
		}
		String key = created == null ? into.productKey() : created;
		Report r = writer.write(key, source.keySpace, batch, dryRun, user, progress == null ? (d, t) -> {
		} : progress);
		return created == null ? r : r.withProductCreated(created);
	}

	private Object tree(byte[] file) {
		try {
			return json.readValue(file, Object.class);
		}
		catch (JacksonException e) {
			throw new IllegalArgumentException("is not valid JSON: " + e.getOriginalMessage());
		}
	}

}
