package dev.priora.portal.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import dev.priora.portal.PortalSettings;
import dev.priora.portal.PortalVisitor;
import dev.priora.portal.Portals;

/**
 * What every visitor page starts with: the portal, open to this visitor (404 otherwise),
 * and the header's model.
 */
@Component
class PortalPages {

	private final Portals portals;

	PortalPages(Portals portals) {
		this.portals = portals;
	}

	/** The visitor signed in to this portal, or null. */
	PortalVisitor visitor(HttpServletRequest request, String portalKey) {
		return VisitorSession.of(request, portalKey);
	}

	/** The portal when it is open to this request's visitor; 404 otherwise. */
	PortalSettings open(HttpServletRequest request, String portalKey) {
		PortalVisitor visitor = visitor(request, portalKey);
		return portals.open(portalKey, visitor == null ? null : visitor.email());
	}

	/** The portal's sign-in page's portal: on, whoever asks. */
	PortalSettings enabled(String portalKey) {
		return portals.enabled(portalKey);
	}

	void header(Model model, PortalSettings portal, PortalVisitor visitor, String current) {
		model.addAttribute("portal", portal);
		model.addAttribute("portalNav", new PortalNav(portal.productKey(), portal.title(), portal.hasLogo(),
				visitor == null ? null : visitor.email(), current));
		model.addAttribute("visitor", visitor);
	}

}
