package dev.priora.portal.web;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.priora.portal.PortalSettings;
import dev.priora.portal.PortalVisitor;
import dev.priora.portal.Portals;
import dev.priora.problem.DomainProblem;

/**
 * The portal's colour as a tiny stylesheet (pages carry no inline styles) and its logo,
 * served with the type its bytes were checked to be.
 */
@RestController
class PortalAssetController {

	private final PortalPages pages;

	private final Portals portals;

	PortalAssetController(PortalPages pages, Portals portals) {
		this.pages = pages;
		this.portals = portals;
	}

	@GetMapping(path = "/portal/{portal}/theme.css", produces = "text/css")
	ResponseEntity<String> theme(@PathVariable String portal) {
		PortalSettings settings = pages.enabled(portal);
		String c = settings.colour();
		String css = ":root { --accent: " + c + "; --accent-hover: " + c + "; --accent-text: " + c + "; --focus: " + c
				+ "; }\n";
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)))
			.contentType(MediaType.valueOf("text/css"))
			.body(css);
	}

	@GetMapping("/portal/{portal}/logo")
	ResponseEntity<byte[]> logo(@PathVariable String portal, HttpServletRequest request) {
		PortalVisitor visitor = pages.visitor(request, portal);
		var logo = portals.logo(portal, visitor == null ? null : visitor.email())
			.orElseThrow(() -> DomainProblem.notFound("This portal's logo"));
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)))
			.contentType(MediaType.parseMediaType(logo.mediaType()))
			.body(logo.bytes());
	}

}
