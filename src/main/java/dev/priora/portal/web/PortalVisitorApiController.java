package dev.priora.portal.web;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.priora.portal.Ideas;
import dev.priora.portal.PortalSettings;
import dev.priora.portal.PortalVisitor;
import dev.priora.problem.DomainProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The visitors' small JSON API's one command: posting an idea as the signed-in visitor
 * (their session, with the CSRF token in {@code X-CSRF-TOKEN}), limited per visitor and
 * per address as the form is; refusals are problem+json (400 naming the field, 401
 * without a visitor, 429 when posting too often).
 */
@RestController
@Tag(name = "Customer portal (visitors)")
class PortalVisitorApiController {

	/** An idea to post; {@code website} is the honeypot, left empty by people. */
	record IdeaBody(String title, String text, String category, String website) {
	}

	/** The posted idea and its page (id 0 when the honeypot was filled). */
	record Posted(long id, String url) {
	}

	private final PortalPages pages;

	private final Ideas ideas;

	PortalVisitorApiController(PortalPages pages, Ideas ideas) {
		this.pages = pages;
		this.ideas = ideas;
	}

	@PostMapping(path = "/portal/{portal}/api/ideas", consumes = "application/json")
	@Operation(summary = "Post an idea as the signed-in visitor")
	ResponseEntity<Posted> post(@PathVariable String portal, @RequestBody IdeaBody body, HttpServletRequest request) {
		PortalSettings settings = pages.open(request, portal);
		PortalVisitor visitor = pages.visitor(request, portal);
		if (visitor == null) {
			throw DomainProblem.of(HttpStatus.UNAUTHORIZED, "portal-sign-in", "Sign in first",
					"Sign in to the portal with the link it e-mails you before posting an idea.");
		}
		long id = ideas.post(settings, visitor, body.title(), body.text(), body.category(), body.website(),
				request.getRemoteAddr());
		String url = "/portal/" + settings.productKey() + "/ideas/" + id;
		return ResponseEntity.status(HttpStatus.CREATED).location(URI.create(url)).body(new Posted(id, url));
	}

}
