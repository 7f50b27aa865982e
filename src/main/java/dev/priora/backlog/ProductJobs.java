package dev.priora.backlog;

import dev.priora.problem.DomainProblem;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;

import dev.priora.jobs.Job;
import dev.priora.jobs.Jobs;

/**
 * A product's background jobs of one kind, answered with the backlog's problems: 404 for
 * an unknown product or job, 409 when a finished job is cancelled. The product key is
 * checked and normalised first.
 */
@Service
public class ProductJobs {

	private final ProductService products;

	private final Jobs jobs;

	ProductJobs(ProductService products, Jobs jobs) {
		this.products = products;
		this.jobs = jobs;
	}

	/** Queues a job of the product; see {@link Jobs#start}. */
	public Job start(String kind, String productKey, Object params, InputStream input, long user) {
		return jobs.start(kind, products.get(productKey).key(), params, input, user);
	}

	/** The job, or 404 naming it {@code what} ("Import"). */
	public Job get(String kind, String productKey, String id, String what) {
		return jobs.find(kind, products.get(productKey).key(), id)
			.orElseThrow(() -> DomainProblem.notFound(what + " " + id));
	}

	/** The product's latest jobs of the kind, newest first. */
	public List<Job> recent(String kind, String productKey, int limit) {
		return jobs.recent(kind, products.get(productKey).key(), limit);
	}

	/**
	 * Cancels a queued job or asks a running one to stop; 404 when there is none, 409
	 * ({@code slug}) when it has finished.
	 */
	public Job cancel(String kind, String productKey, String id, String what, String slug) {
		var cancel = jobs.cancel(kind, products.get(productKey).key(), id)
			.orElseThrow(() -> DomainProblem.notFound(what + " " + id));
		if (!cancel.accepted()) {
			throw DomainProblem.conflict(slug,
					what + " " + id + " is " + cancel.job().state().name().toLowerCase(Locale.ROOT)
							+ "; only a running " + what.toLowerCase(Locale.ROOT) + " can be cancelled.");
		}
		return cancel.job();
	}

}
