package dev.priora.web;

import java.net.URI;
import java.util.Set;

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
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Every refused or failed page request, in one place, by kind of request:
 * <ul>
 * <li>an htmx request gets the reason as plain text with the refusal's status (the script
 * shows it as an error toast; htmx swaps nothing);</li>
 * <li>a form posted without htmx that was refused (400, 409, 412, 422, 428, or an
 * {@link IllegalArgumentException} from parsing a field) goes back to the page it came
 * from (post/redirect/get, so a reload posts nothing) with the reason as the flash
 * attribute {@value #FLASH_ERROR}, which each page shows in its error area, and what was
 * typed as a {@link RefusedForm}, which the page's form shows again;</li>
 * <li>anything else answers an HTML page in the shell ({@code error.html}: 404, 403, 400,
 * 500…) with the status of the refusal.</li>
 * </ul>
 * An object that is not in the page's product is always the not-found page, as in the
 * API. Requests under {@code /api/} are left to {@link ApiProblemAdvice} (problem+json),
 * which is consulted first. A controller catches a refusal itself only where its form is
 * shown again with what was typed and the reason next to the field.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrorAdvice {

	static final String ERROR_VIEW = "error";

	/** The flash attribute a refused form post brings back to its page. */
	static final String FLASH_ERROR = "error";

	/** Refusals of what a form sent, as opposed to who sent it or what it names. */
	private static final Set<Integer> FORM_REFUSALS = Set.of(400, 409, 412, 422, 428);

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
		else if (ex instanceof IllegalArgumentException) {
			// a field that does not parse (an unknown choice, a malformed number), as in
			// the API
			status = HttpStatus.BAD_REQUEST.value();
			detail = ex.getMessage();
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
		if ("POST".equals(request.getMethod()) && FORM_REFUSALS.contains(status) && detail != null) {
			RequestContextUtils.getOutputFlashMap(request).put(FLASH_ERROR, detail);
			RequestContextUtils.getOutputFlashMap(request).put(RefusedForm.ATTRIBUTE, RefusedForm.of(request));
			return new ModelAndView("redirect:" + back(request, path));
		}
		if (status == HttpStatus.NOT_FOUND.value()) {
			// a not-found page never shows the product it was asked under: an object of
			// another product and one that does not exist answer the same page, whichever
			// check refused it
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

	/**
	 * The page a refused form came from: the path and query of its {@code Referer} (only
	 * those, so the answer never leaves this server), else the sidebar page the form's
	 * path belongs to.
	 */
	static String back(HttpServletRequest request, String path) {
		String referer = request.getHeader("Referer");
		if (referer != null) {
			try {
				URI uri = URI.create(referer);
				String from = uri.getRawPath();
				if (from != null && from.startsWith(request.getContextPath())) {
					from = from.substring(request.getContextPath().length());
				}
				if (from != null && from.startsWith("/") && !from.startsWith("//")) {
					return from + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
				}
			}
			catch (IllegalArgumentException e) {
				// not a URI: the sidebar page instead
			}
		}
		return Shell.home(path);
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
