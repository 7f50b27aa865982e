package dev.priora.portal.web;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;
import dev.priora.portal.PortalSso;
import dev.priora.portal.PortalSsoOffer;
import dev.priora.problem.Etags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Which single sign-on providers the portal's sign-in page offers, as JSON. */
@RestController
@RequestMapping("/api/v1/products/{productKey}/portal/sign-in-providers")
@Tag(name = "Customer portal")
class PortalSsoApiController {

	/** The registration ids to offer (none: only e-mail links). */
	record ProvidersBody(List<String> providers) {
	}

	private final PortalSso sso;

	PortalSsoApiController(PortalSso sso) {
		this.sso = sso;
	}

	@GetMapping
	@Operation(summary = "Every single sign-on provider of the workspace, marked when the portal offers it")
	ResponseEntity<PortalSsoOffer> get(@PathVariable String productKey) {
		PortalSsoOffer offer = sso.offer(productKey);
		return ResponseEntity.ok().eTag(Etags.of(offer.version())).body(offer);
	}

	@PutMapping
	@Requires(Permission.MANAGE_PRODUCT)
	@Operation(summary = "Offer exactly these providers on the portal's sign-in page (If-Match required)")
	ResponseEntity<PortalSsoOffer> put(@PathVariable String productKey,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody ProvidersBody body) {
		PortalSsoOffer offer = sso.change(productKey, body.providers(), Etags.versionFrom(ifMatch));
		return ResponseEntity.ok().eTag(Etags.of(offer.version())).body(offer);
	}

}
