package dev.priora.integration;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import dev.priora.accounts.UserId;
import dev.priora.problem.DomainProblem;
import dev.priora.backlog.ProductJobs;
import dev.priora.backlog.ProductService;
import dev.priora.jobs.JobContext;
import dev.priora.jobs.JobState;
import dev.priora.jobs.JobWork;
import tools.jackson.databind.json.JsonMapper;

/**
 * Backlog imports in the background, with progress: the file is read and checked at once
 * (a bad file is refused before a job exists), then stored with the job so that any node
 * can write it, in one transaction, while the job's progress goes to the database in
 * separate ones, so any node can report it and take a cancel request. Cancelling rolls
 * the import back.
 */
@Service
public class BacklogImportJobs implements JobWork {

	static final String KIND = "backlog-import";

	/**
	 * A job: items to write and written so far, the report when done, the problem when
	 * failed.
	 */
	public record Job(String id, String productKey, String source, JobState state, int totalItems, int doneItems,
			boolean cancelRequested, BacklogImport.Report report, Map<String, Object> problem, Instant createdAt,
			Instant finishedAt) {

		@com.fasterxml.jackson.annotation.JsonProperty("percent")
		public int percent() {
			return state == JobState.DONE ? 100 : totalItems == 0 ? 0 : (int) (100L * doneItems / totalItems);
		}

	}

	/** What the job needs besides its file. */
	record Params(String source, BacklogImport.Options options) {
	}

	private final BacklogImport imports;

	private final ProductService products;

	private final ProductJobs jobs;

	private final JsonMapper json;

	BacklogImportJobs(BacklogImport imports, ProductService products, ProductJobs jobs, JsonMapper json) {
		this.imports = imports;
		this.products = products;
		this.jobs = jobs;
		this.json = json;
	}

	/** Checks the file, queues the import and returns its job at once. */
	public Job start(String productKey, BacklogImport.Source source, byte[] file, BacklogImport.Options options,
			UserId user) {
		String key = products.get(productKey).key();
		imports.read(source, file, options);
		return view(jobs.start(KIND, key, new Params(source.label(), options), new ByteArrayInputStream(file),
				user.value()));
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public Object run(JobContext context) {
		Params p = context.params(Params.class);
		return imports.run(context.productKey(), BacklogImport.Source.of(p.source()), context.input(), p.options(),
				false, new UserId(context.createdBy()), context::progress);
	}

	public Job get(String productKey, String id) {
		return view(jobs.get(KIND, productKey, id, "Import"));
	}

	/** The product's latest imports, newest first. */
	public List<Job> recent(String productKey, int limit) {
		return jobs.recent(KIND, productKey, limit).stream().map(this::view).toList();
	}

	/** Asks a queued or running import to stop (it rolls back); 409 once finished. */
	public Job cancel(String productKey, String id) {
		return view(jobs.cancel(KIND, productKey, id, "Import", "import-finished"));
	}

	private Job view(dev.priora.jobs.Job j) {
		Params p = j.params() == null ? null : json.readValue(j.params(), Params.class);
		return new Job(j.id(), j.productKey(), p == null ? null : p.source(), j.state(), (int) j.total(),
				(int) j.done(), j.cancelRequested(),
				j.result() == null ? null : json.readValue(j.result(), BacklogImport.Report.class), j.problem(),
				j.createdAt(), j.finishedAt());
	}

}
