package dev.priora.problem;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refused command of any feature, carrying its RFC 9457 problem detail: the API answers
 * it as problem+json ({@code web/ApiProblemAdvice}), pages show its detail
 * ({@code web/PageErrorAdvice}). Features add factories of their own on top of
 * {@link #of}, e.g. {@code backlog.BacklogProblems}.
 */
public class DomainProblem extends ErrorResponseException {

	private final transient ProblemDetail problem;

	private DomainProblem(HttpStatus status, String slug, String title, String detail) {
		this(status, problem(status, slug, title, detail));
	}

	private DomainProblem(HttpStatus status, ProblemDetail problem) {
		super(status, problem, null);
		this.problem = problem;
	}

	/**
	 * A refusal with the given status, problem type slug
	 * ({@code https://priora.dev/problems/<slug>}), title and detail; add properties with
	 * {@link #with}.
	 */
	public static DomainProblem of(HttpStatus status, String slug, String title, String detail) {
		return new DomainProblem(status, slug, title, detail);
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
	public DomainProblem with(String property, Object value) {
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

	public static DomainProblem notFound(String what) {
		return new DomainProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " does not exist.");
	}

	/** One bad field: 400 with {@code errors: [{field, reason}]}. */
	public static DomainProblem invalid(String field, String reason) {
		DomainProblem e = new DomainProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
				field + ": " + reason);
		e.problem.setProperty("errors", List.of(Map.of("field", field, "reason", reason)));
		return e;
	}

	/**
	 * Several bad fields at once: 400 with {@code errors: [{field, reason}]}, in the
	 * order given.
	 */
	public static DomainProblem invalid(Map<String, String> reasonsByField) {
		List<Map<String, String>> errors = reasonsByField.entrySet()
			.stream()
			.map(e -> Map.of("field", e.getKey(), "reason", e.getValue()))
			.toList();
		String detail = errors.stream()
			.map(e -> e.get("field") + ": " + e.get("reason"))
			.collect(java.util.stream.Collectors.joining("; "));
		DomainProblem e = new DomainProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
		e.problem.setProperty("errors", errors);
		return e;
	}

	/**
	 * A refused document: 400 with the detail and {@code errors} as given (e.g.
	 * {@code [{table, row, column, reason}]}).
	 */
	public static DomainProblem invalid(String detail, List<? extends Map<String, ?>> errors) {
		DomainProblem e = new DomainProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
		e.problem.setProperty("errors", List.copyOf(errors));
		return e;
	}

	public static DomainProblem conflict(String slug, String detail) {
		return new DomainProblem(HttpStatus.CONFLICT, slug, "Conflict", detail);
	}

	/** The caller's version is stale: 412 with the current version and who changed it. */
	public static DomainProblem stale(String what, long current, String changedBy) {
		DomainProblem e = new DomainProblem(HttpStatus.PRECONDITION_FAILED, "stale-version", "Changed meanwhile",
				what + " was changed by " + changedBy + " meanwhile; the current version is " + current + ".");
		e.problem.setProperty("currentVersion", current);
		e.problem.setProperty("changedBy", changedBy);
		e.getHeaders().setETag(Etags.of(current));
		return e;
	}

	public static DomainProblem versionRequired() {
		return new DomainProblem(HttpStatus.PRECONDITION_REQUIRED, "version-required", "Version required",
				"Send the ETag you read as 'If-Match' so that no update is lost.");
	}

}
