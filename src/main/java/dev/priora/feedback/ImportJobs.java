package dev.priora.feedback;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import dev.priora.accounts.UserId;
import dev.priora.problem.DomainProblem;
import dev.priora.backlog.ProductJobs;
import dev.priora.backlog.ProductService;
import dev.priora.jobs.Job;
import dev.priora.jobs.JobContext;
import dev.priora.jobs.JobState;
import dev.priora.jobs.JobWork;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feedback imports as background jobs: the file is stored with the job, so any node can
 * run it; state, progress and result are the job's, so any node reports them and takes a
 * cancel. The import itself is one transaction; cancelling rolls it back, so nothing of a
 * cancelled import is kept. A product's imports run one at a time, in the order they were
 * started.
 */
@Service
public class ImportJobs implements JobWork {

	static final String KIND = "feedback-import";

	/**
	 * A job: rows to insert and inserted so far, the result when done, and when it failed
	 * the problem (detail and per-row errors).
	 */
	public record Job(String id, String productKey, FeedbackImporter.Format format, JobState state, int totalRows,
			int doneRows, boolean cancelRequested, ImportResult result, Map<String, Object> problem, Instant createdAt,
			Instant finishedAt) {

		@com.fasterxml.jackson.annotation.JsonProperty("percent")
		public int percent() {
			return state == JobState.DONE ? 100 : totalRows == 0 ? 0 : (int) (100L * doneRows / totalRows);
		}

	}

	/** What the job needs besides its file. */
	record Params(FeedbackImporter.Format format, ImportMapping mapping) {
	}

	private final FeedbackImporter importer;

	private final ProductService products;

	private final ProductJobs jobs;

	private final JsonMapper json;

	ImportJobs(FeedbackImporter importer, ProductService products, ProductJobs jobs, JsonMapper json) {
		this.importer = importer;
		this.products = products;
		this.jobs = jobs;
		this.json = json;
	}

	/**
	 * Queues the import of the file ({@code size} bytes, stored with the job as it
	 * streams in) and returns its job at once.
	 */
	public Job start(String productKey, FeedbackImporter.Format format, InputStream file, long size,
			ImportMapping mapping, UserId user) {
		String key = products.get(productKey).key();
		FeedbackImporter.checkSize(size);
		if (mapping.text() == null || mapping.text().isBlank()) {
			throw DomainProblem.invalid("text", "name the column that holds the feedback text");
		}
		dev.priora.jobs.Job job = jobs.start(KIND, key, new Params(format, mapping), file, user.value());
		return view(job);
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public Object run(JobContext context) {
		Params p = context.params(Params.class);
		byte[] file = context.input();
		return importer.importFile(context.productKey(), p.format(), file, p.mapping(), false,
				new UserId(context.createdBy()), (done, total) -> context.progress(done, total));
	}

	public Job get(String productKey, String id) {
		return view(jobs.get(KIND, productKey, id, "Import"));
	}

	/** The product's latest imports, newest first. */
	public List<Job> recent(String productKey, int limit) {
		return jobs.recent(KIND, productKey, limit).stream().map(this::view).toList();
	}

	/**
	 * Asks a queued or running import to stop; it rolls back at its next progress step. A
	 * finished import cannot be cancelled (409).
	 */
	public Job cancel(String productKey, String id) {
		return view(jobs.cancel(KIND, productKey, id, "Import", "import-finished"));
	}

	private Job view(dev.priora.jobs.Job j) {
		Params p = j.params() == null ? null : json.readValue(j.params(), Params.class);
		return new Job(j.id(), j.productKey(), p == null ? null : p.format(), j.state(), (int) j.total(),
				(int) j.done(), j.cancelRequested(),
				j.result() == null ? null : json.readValue(j.result(), ImportResult.class), j.problem(), j.createdAt(),
				j.finishedAt());
	}

}
