package dev.priora.integration.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;
import dev.priora.accounts.SignedInUser;
import dev.priora.integration.Webhooks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Webhooks and their delivery log; the workspace's private-target setting for
 * administrators.
 */
@RestController
@Tag(name = "Webhooks")
class WebhookApiController {

	private static final String BASE = "/api/v1/products/{productKey}/webhooks";

	private final Webhooks webhooks;

	WebhookApiController(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	record HookBody(@NotBlank @Size(max = 2000) String url,
			@Size(max = 10) List<@NotBlank @Size(max = 40) String> events) {
	}

	record ActiveBody(@NotNull Boolean active) {
	}

	record SettingsBody(@NotNull Boolean allowPrivateTargets) {
	}

	@GetMapping(BASE)
	@Requires(Permission.MANAGE_PRODUCT)
	@Operation(summary = "The product's webhooks")
	List<Webhooks.Hook> list(@PathVariable String productKey) {
		return webhooks.hooks(productKey);
	}

	@PostMapping(BASE)
	@Requires(Permission.MANAGE_PRODUCT)
	@Operation(
			summary = "Subscribe a URL to events (item.created, item.updated, item.moved, feedback.received,"
					+ " plan.applied, sprint.closed, or * for all); the answer holds the signing secret, shown once",
			description = "Each delivery is a JSON POST {event, product, occurredAt, data} with headers X-Priora-Event,"
					+ " X-Priora-Delivery and X-Priora-Signature-256: sha256=<hex HMAC-SHA256 of the body with the secret>."
					+ " Non-2xx answers are retried with backoff. Private and loopback targets are refused unless an"
					+ " administrator allows them.")
	ResponseEntity<Webhooks.Hook> create(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@Valid @RequestBody HookBody body) {
		var hook = webhooks.create(productKey, body.url(), body.events(), user.id());
		return ResponseEntity.created(URI.create("/api/v1/products/" + productKey + "/webhooks/" + hook.id()))
			.body(hook);
	}

	@PutMapping(BASE + "/{id}")
	@Requires(Permission.MANAGE_PRODUCT)
	@Operation(summary = "Pause or resume a webhook")
	Webhooks.Hook setActive(@PathVariable String productKey, @PathVariable long id,
			@Valid @RequestBody ActiveBody body) {
		return webhooks.setActive(productKey, id, body.active());
	}

	@DeleteMapping(BASE + "/{id}")
	@Requires(Permission.MANAGE_PRODUCT)
	@Operation(summary = "Delete a webhook and its delivery log")
	ResponseEntity<Void> delete(@PathVariable String productKey, @PathVariable long id) {
		webhooks.delete(productKey, id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping(BASE + "/{id}/deliveries")
	@Requires(Permission.MANAGE_PRODUCT)
	@Operation(summary = "The webhook's latest deliveries: event, state, attempts, last answer")
	List<Webhooks.Delivery> deliveries(@PathVariable String productKey, @PathVariable long id,
			@RequestParam(defaultValue = "50") int limit) {
		return webhooks.deliveries(productKey, id, limit);
	}

	@PostMapping(BASE + "/{id}/ping")
	@Requires(Permission.MANAGE_PRODUCT)
	@Operation(summary = "Send a ping event now")
	ResponseEntity<Webhooks.Delivery> ping(@PathVariable String productKey, @PathVariable long id) {
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(webhooks.ping(productKey, id));
	}

	@PostMapping(BASE + "/{id}/deliveries/{deliveryId}/redeliver")
	@Requires(Permission.MANAGE_PRODUCT)
	@Operation(summary = "Send a delivery again")
	ResponseEntity<Webhooks.Delivery> redeliver(@PathVariable String productKey, @PathVariable long id,
			@PathVariable long deliveryId) {
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(webhooks.redeliver(productKey, id, deliveryId));
	}

	@GetMapping("/api/v1/admin/webhooks")
	@Operation(summary = "Workspace webhook settings (administrators)")
	Map<String, Object> settings() {
		return Map.of("allowPrivateTargets", webhooks.allowPrivateTargets());
	}

	@PutMapping("/api/v1/admin/webhooks")
	@Operation(summary = "Allow or refuse webhook targets on private and loopback addresses (administrators)")
	Map<String, Object> settings(@AuthenticationPrincipal SignedInUser user, @Valid @RequestBody SettingsBody body) {
		webhooks.allowPrivateTargets(body.allowPrivateTargets(), user.id());
		return Map.of("allowPrivateTargets", webhooks.allowPrivateTargets());
	}

}
