package dev.priora.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A refused or failed page request answers an HTML page in the shell ({@code error.html}:
 * 404, 403, 400, 500…) with the status of the refusal, instead of a bare status or JSON.
 * htmx requests get the reason as plain text (the script shows it as a toast). Requests
 * under {@code /api/} are left to {@link ApiProblemAdvice} (problem+json), which is
 * consulted first.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrorAdvice {

	static final String ERROR_VIEW = "error";

	private static final Logger LOG = LoggerFactory.getLogger(PageErrorAdvice.class);

	private final Shell shell;

	PageErrorAdvice(Shell shell) {
		this.shell = shell;
	}

	@ExceptionHandler(Exception.class)
	Object page(Exception ex, HttpServletRequest request, HttpServletResponse response) throws Exception {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/api/") || response.isCommitted()) {
			throw ex;
		}
		int status;
		String detail = null;
		if (ex instanceof ErrorResponse e) {
			status = e.getStatusCode().value();
			detail = e.getBody().getDetail();
		}
		else {
			status = HttpStatus.INTERNAL_SERVER_ERROR.value();
			LOG.error("unexpected failure of {} {}", request.getMethod(), path, ex);
		}
		if (status >= 500) {
			detail = null;
		}
		if ("true".equals(request.getHeader("HX-Request"))) {
			return ResponseEntity.status(status)
				.contentType(MediaType.TEXT_PLAIN)
				.body(detail != null ? detail : message(status));
		}
		if (status == HttpStatus.NOT_FOUND.value()) {
			// a not-found page never shows the product it was asked under: an object of
			// another
			// product and one that does not exist answer the same page, whichever check
			// refused it
			request.removeAttribute(dev.priora.accounts.ProductAccess.ATTRIBUTE);
		}
		ModelAndView mav = new ModelAndView(ERROR_VIEW);
		mav.setStatus(HttpStatus.valueOf(status));
		mav.addAllObjects(shell.attributes(request));
		mav.addObject("status", status);
		mav.addObject("detail", detail);
		mav.addObject("path", path);
		return mav;
	}

	static String message(int status) {
		return switch (status) {
			case 404 -> "This page does not exist, or you have no access to it.";
			case 403 -> "Your role does not allow this.";
			case 405 -> "This address cannot be opened this way.";
			default -> status >= 500 ? "Priora failed unexpectedly; nothing was changed." : "The request was refused.";
		};
	}

}
