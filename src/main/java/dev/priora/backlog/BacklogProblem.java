package dev.priora.backlog;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A refused backlog command, carrying its RFC 9457 problem detail. */
public class BacklogProblem extends ErrorResponseException {

	private final transient ProblemDetail problem;

	private BacklogProblem(HttpStatus status, String slug, String title, String detail) {
		this(status, problem(status, slug, title, detail));
	}

	private BacklogProblem(HttpStatus status, ProblemDetail problem) {
		super(status, problem, null);
		this.problem = problem;
	}

	private static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
		ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
		p.setType(URI.create("https://priora.dev/problems/" + slug));
		p.setTitle(title);
		return p;
	}

	@Override
	public String getMessage() {
		return problem.getDetail();
	}

	/**
	 * The problem's properties, e.g. {@code errors}, {@code cycle} or {@code reasons}.
	 */
	public Map<String, Object> properties() {
		return problem.getProperties() == null ? Map.of() : problem.getProperties();
	}

	/** Adds a property to the problem (e.g. the objects a conflict is about). */
	public BacklogProblem with(String property, Object value) {
		problem.setProperty(property, value);
		return this;
	}

	/**
	 * Throws {@code e} again when it says that something does not exist: pages show other
	 * refusals inline, but an object that is not in the page's product is a 404, as in
	 * the API.
	 */
	public static void rethrowNotFound(ErrorResponseException e) {
		if (e.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
			throw e;
		}
	}

	public static BacklogProblem notFound(String what) {
		return new BacklogProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " does not exist.");
	}

	/** One bad field: 400 with {@code errors: [{field, reason}]}. */
	public static BacklogProblem invalid(String field, String reason) {
		BacklogProblem e = new BacklogProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
				field + ": " + reason);
		e.problem.setProperty("errors", List.of(Map.of("field", field, "reason", reason)));
		return e;
	}

	/**
	 * Several bad fields at once: 400 with {@code errors: [{field, reason}]}, in the
	 * order given.
	 */
	public static BacklogProblem invalid(Map<String, String> reasonsByField) {
		List<Map<String, String>> errors = reasonsByField.entrySet()
			.stream()
			.map(e -> Map.of("field", e.getKey(), "reason", e.getValue()))
			.toList();
		String detail = errors.stream()
			.map(e -> e.get("field") + ": " + e.get("reason"))
			.collect(java.util.stream.Collectors.joining("; "));
		BacklogProblem e = new BacklogProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
		e.problem.setProperty("errors", errors);
		return e;
	}

	/**
	 * A refused document: 400 with the detail and {@code errors} as given (e.g.
	 * {@code [{table, row, column, reason}]}).
	 */
	public static BacklogProblem invalid(String detail, List<? extends Map<String, ?>> errors) {
		BacklogProblem e = new BacklogProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
		e.problem.setProperty("errors", List.copyOf(errors));
		return e;
	}

	public static BacklogProblem conflict(String slug, String detail) {
		return new BacklogProblem(HttpStatus.CONFLICT, slug, "Conflict", detail);
	}

	/**
	 * A dependency would close a cycle; the cycle is named, e.g.
	 * {@code PAY-3 → PAY-7 → PAY-3}.
	 */
	public static BacklogProblem cycle(List<String> cycle) {
		BacklogProblem e = new BacklogProblem(HttpStatus.CONFLICT, "dependency-cycle", "Dependency cycle",
				"This dependency would close a cycle: " + String.join(" → ", cycle));
		e.problem.setProperty("cycle", cycle);
		return e;
	}

	/** The item fails its Definition of Ready. */
	public static BacklogProblem notReady(ItemKey key, List<String> reasons) {
		BacklogProblem e = new BacklogProblem(HttpStatus.CONFLICT, "not-ready", "Not ready",
				key + " does not meet the Definition of Ready: " + String.join("; ", reasons));
		e.problem.setProperty("reasons", reasons);
		return e;
	}

	public static BacklogProblem invalidTransition(ItemKey key, ItemStatus from, ItemStatus to) {
		BacklogProblem e = new BacklogProblem(HttpStatus.CONFLICT, "invalid-transition", "Invalid status change",
				key + " cannot go from " + from + " to " + to + "; allowed: " + from.next());
		e.problem.setProperty("allowed", from.next());
		return e;
	}

	/** The caller's version is stale: 412 with the current version and who changed it. */
	public static BacklogProblem stale(String what, long current, String changedBy) {
		BacklogProblem e = new BacklogProblem(HttpStatus.PRECONDITION_FAILED, "stale-version", "Changed meanwhile",
				what + " was changed by " + changedBy + " meanwhile; the current version is " + current + ".");
		e.problem.setProperty("currentVersion", current);
		e.problem.setProperty("changedBy", changedBy);
		e.getHeaders().setETag(Etags.of(current));
		return e;
	}

	public static BacklogProblem versionRequired() {
		return new BacklogProblem(HttpStatus.PRECONDITION_REQUIRED, "version-required", "Version required",
				"Send the ETag you read as 'If-Match' so that no update is lost.");
	}

}
