package dev.priora.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A subcommand that did not do its work, as the JSON object printed on standard output:
 * the API's problem shape (RFC 9457: {@code type}, {@code title}, {@code status},
 * {@code detail}, and {@code errors} naming each bad argument or field) plus the
 * process's {@code exitCode} — 2 when the input was refused (bad arguments, a bad file,
 * no such product, a conflict), 1 when Priora failed.
 */
final class CliProblem extends RuntimeException {

	static final int REFUSED = 2;

	static final int FAILED = 1;

	private static final long serialVersionUID = 1L;

	private final transient Map<String, Object> json;

	private final int exitCode;

	private CliProblem(Map<String, Object> json, int exitCode, Throwable cause) {
		super((String) json.get("detail"), cause);
		this.json = json;
		this.exitCode = exitCode;
	}

	/** A bad argument or file: 400, exit code 2; the message is a whole sentence. */
	static CliProblem invalid(String field, String message) {
		Map<String, Object> p = shape("invalid-request", "Invalid request", 400, message);
		p.put("errors", List.of(Map.of("field", field, "reason", message)));
		return new CliProblem(p, REFUSED, null);
	}

	/** Priora failed: 500, exit code 1. */
	static CliProblem failed(String message, Throwable cause) {
		return new CliProblem(shape("internal-error", "Failed", 500, message), FAILED, cause);
	}

	/**
	 * A refusal from the services (a {@code DomainProblem} and its kin), with its own
	 * type, status and properties; {@code hint} (or null) is added to the detail.
	 */
	static CliProblem of(ErrorResponseException e, String hint) {
		ProblemDetail body = e.getBody();
		String detail = body.getDetail() + (hint == null ? "" : " " + hint);
		Map<String, Object> p = shape(null, body.getTitle(), body.getStatus(), detail);
		p.put("type", String.valueOf(body.getType()));
		if (body.getProperties() != null) {
			p.putAll(body.getProperties());
		}
		return new CliProblem(p, body.getStatus() < 500 ? REFUSED : FAILED, e);
	}

	private static Map<String, Object> shape(String slug, String title, int status, String detail) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("type", "https://priora.dev/problems/" + slug);
		p.put("title", title);
		p.put("status", status);
		p.put("detail", detail);
		return p;
	}

	/** The object to print: the problem and its exit code. */
	Map<String, Object> json() {
		Map<String, Object> p = new LinkedHashMap<>(json);
		p.put("exitCode", exitCode);
		return p;
	}

	int exitCode() {
		return exitCode;
	}

}
