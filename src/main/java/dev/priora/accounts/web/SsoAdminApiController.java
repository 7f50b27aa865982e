package dev.priora.accounts.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.priora.accounts.SignedInUser;
import dev.priora.accounts.SsoAdmin;
import dev.priora.accounts.SsoGroupRole;
import dev.priora.accounts.SsoPolicy;
import dev.priora.accounts.SsoProviderView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Single sign-on for the workspace admin: providers, policy, group roles. */
@RestController
@Tag(name = "Single sign-on")
class SsoAdminApiController {

	/** Everything the admin page shows. */
	record SsoOverview(List<SsoProviderView> providers, SsoPolicy policy, List<SsoGroupRole> groupRoles) {
	}

	/** A provider change at the version read. */
	record ProviderChange(String name, String issuerUri, String clientId, String clientSecret, long version) {
	}

	/** A group role: {@code productKey} and {@code role} left out for workspace admin. */
	record GroupRoleRequest(String group, String productKey, String role) {
	}

	/** The answer of a discovery test. */
	record DiscoveryResult(String authorizationEndpoint) {
	}

	private final SsoAdmin sso;

	SsoAdminApiController(SsoAdmin sso) {
		this.sso = sso;
	}

	@GetMapping("/api/v1/admin/sso")
	@Operation(summary = "Providers (never their secrets), sign-in policy and group roles (admin)")
	SsoOverview overview() {
		return new SsoOverview(sso.providers(), sso.policy(), sso.groupRoles());
	}

	@PostMapping("/api/v1/admin/sso/providers")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add an OpenID provider (admin); the secret is sealed and never shown again")
	SsoProviderView add(@AuthenticationPrincipal SignedInUser admin, @RequestBody SsoAdmin.ProviderForm form) {
		return sso.addProvider(form, admin.id());
	}

	@PutMapping("/api/v1/admin/sso/providers/{id}")
	@Operation(summary = "Change a provider at the version read (admin); a blank secret keeps the old one")
	SsoProviderView change(@AuthenticationPrincipal SignedInUser admin, @PathVariable long id,
			@RequestBody ProviderChange change) {
		return sso.changeProvider(id, change.version(),
				new SsoAdmin.ProviderForm(change.name(), change.issuerUri(), change.clientId(), change.clientSecret()),
				admin.id());
	}

	@DeleteMapping("/api/v1/admin/sso/providers/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a provider (admin)")
	void remove(@AuthenticationPrincipal SignedInUser admin, @PathVariable long id) {
		sso.removeProvider(id, admin.id());
	}

	@PostMapping("/api/v1/admin/sso/providers/{id}/discovery")
	@Operation(summary = "Read the provider's discovery document now (admin); 422 with the reason if it fails")
	DiscoveryResult discover(@PathVariable("id") String registrationId) {
		return new DiscoveryResult(sso.testDiscovery(registrationId));
	}

	@PutMapping("/api/v1/admin/sso/policy")
	@Operation(summary = "Change the sign-in policy at the version read (admin)")
	SsoPolicy policy(@AuthenticationPrincipal SignedInUser admin, @RequestBody SsoAdmin.PolicyForm form) {
		return sso.changePolicy(form, admin.id());
	}

	@PostMapping("/api/v1/admin/sso/group-roles")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Map a provider group to workspace admin or to a product role (admin)")
	List<SsoGroupRole> addGroupRole(@AuthenticationPrincipal SignedInUser admin,
			@RequestBody GroupRoleRequest request) {
		sso.addGroupRole(request.group(), request.productKey(), request.role(), admin.id());
		return sso.groupRoles();
	}

	@DeleteMapping("/api/v1/admin/sso/group-roles/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a group role (admin)")
	void removeGroupRole(@AuthenticationPrincipal SignedInUser admin, @PathVariable long id) {
		sso.removeGroupRole(id, admin.id());
	}

}
