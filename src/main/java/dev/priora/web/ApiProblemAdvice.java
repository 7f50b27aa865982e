package dev.priora.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;

/**
 * Turns every failure of a JSON API call into RFC 9457 problem+json naming the bad field
 * and why; nothing reaches the client as a bare 500.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemAdvice extends ResponseEntityExceptionHandler {

	private static final Logger LOG = LoggerFactory.getLogger(ApiProblemAdvice.class);

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(e -> Map.of("field", e.getField(), "reason", String.valueOf(e.getDefaultMessage())))
			.toList();
		return problem(errors);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap(r -> r.getResolvableErrors()
				.stream()
				.map(e -> Map.of("field", String.valueOf(r.getMethodParameter().getParameterName()), "reason",
						String.valueOf(e.getDefaultMessage()))))
			.toList();
		return problem(errors);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var crossed = BodyLimitFilter.crossed(ex);
		if (crossed.isPresent()) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
				.header(HttpHeaders.CONNECTION, "close")
				.body(BodyLimitFilter.problem(crossed.get()));
		}
		Throwable cause = ex.getMostSpecificCause();
		if (ex.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
			String field = jackson.getPath()
				.stream()
				.map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
				.collect(Collectors.joining("."))
				.replace(".[", "[");
			String reason = jackson.getClass().getSimpleName().startsWith("UnrecognizedProperty")
					? "is not a known field"
					: "has the wrong type or format: " + firstLine(jackson.getOriginalMessage());
			return problem(List.of(Map.of("field", field, "reason", reason)));
		}
		String reason = cause instanceof JacksonException j ? "malformed JSON: " + firstLine(j.getOriginalMessage())
				: "the request body is missing or unreadable";
		return problem(List.of(Map.of("field", "body", "reason", reason)));
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<Object> integrity(DataIntegrityViolationException ex) {
		LOG.info("refused by a database constraint: {}", ex.getMostSpecificCause().getMessage());
		return status(HttpStatus.CONFLICT, "conflict", "The change conflicts with data stored meanwhile; try again.");
	}

	@ExceptionHandler(PessimisticLockingFailureException.class)
	ResponseEntity<Object> locking(PessimisticLockingFailureException ex) {
		return status(HttpStatus.CONFLICT, "conflict", "A concurrent change held the data; try again.");
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<Object> illegalArgument(IllegalArgumentException ex) {
		return problem(List.of(Map.of("field", "request", "reason", String.valueOf(ex.getMessage()))));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex) {
		var crossed = BodyLimitFilter.crossed(ex);
		if (crossed.isPresent()) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
				.header(HttpHeaders.CONNECTION, "close")
				.body(BodyLimitFilter.problem(crossed.get()));
		}
		LOG.error("unexpected failure of an API call", ex);
		return status(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
				"Priora failed unexpectedly; nothing was changed.");
	}

	private static ResponseEntity<Object> problem(List<Map<String, String>> errors) {
		ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				errors.stream().map(e -> e.get("field") + ": " + e.get("reason")).collect(Collectors.joining("; ")));
		p.setType(URI.create("https://priora.dev/problems/invalid-request"));
		p.setTitle("Invalid request");
		p.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(p);
	}

	private static ResponseEntity<Object> status(HttpStatus status, String slug, String detail) {
		ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
		p.setType(URI.create("https://priora.dev/problems/" + slug));
		return ResponseEntity.status(status).body(p);
	}

	private static String firstLine(String s) {
		if (s == null) {
			return "";
		}
		int nl = s.indexOf('\n');
		String line = nl < 0 ? s : s.substring(0, nl);
		int hint = line.indexOf(" (set `");
		line = hint < 0 ? line : line.substring(0, hint);
		return line.length() > 200 ? line.substring(0, 200) : line;
	}

}
