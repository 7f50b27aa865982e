package dev.priora.notifications.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;
import dev.priora.accounts.SignedInUser;
import dev.priora.backlog.ItemKey;
import dev.priora.notifications.Notifications;
import dev.priora.problem.DomainProblem;

/**
 * The signed-in user's notifications, delivery preferences and watches. Notifications and
 * preferences are always the caller's own; watching a product's item, release or inbox
 * needs read access to the product.
 */
@RestController
@Tag(name = "Notifications")
class NotificationApiController {

	private static final String BASE = "/api/v1/notifications";

	private static final String PRODUCT = "/api/v1/products/{productKey}";

	private final Notifications notifications;

	NotificationApiController(Notifications notifications) {
		this.notifications = notifications;
	}

	/** Whether to watch. */
	record WatchBody(Boolean watching) {
	}

	/** Whether the caller watches it now. */
	record Watching(boolean watching) {
	}

	/** How many notifications were marked read. */
	record Marked(int marked) {
	}

	@GetMapping(BASE)
	@Operation(
			summary = "Your notifications, newest first (page from 0, size 1 to 100; unread=true for the unread only)")
	Notifications.Page list(@AuthenticationPrincipal SignedInUser user,
			@RequestParam(defaultValue = "false") boolean unread, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return notifications.page(user.id(), unread, page, size);
	}

	@PostMapping(BASE + "/{id}/read")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Mark one of your notifications read (404 if it is not yours)")
	void read(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
		notifications.markRead(user.id(), id);
	}

	@PostMapping(BASE + "/read-all")
	@Operation(summary = "Mark all your notifications read")
	Marked readAll(@AuthenticationPrincipal SignedInUser user) {
		return new Marked(notifications.markAllRead(user.id()));
	}

	@GetMapping(BASE + "/preferences")
	@Operation(summary = "Your delivery choice per kind: IN_APP, EMAIL_NOW, EMAIL_DIGEST or OFF")
	List<Notifications.Preference> preferences(@AuthenticationPrincipal SignedInUser user) {
		return notifications.preferences(user.id());
	}

	@PutMapping(BASE + "/preferences")
	@Operation(summary = "Set the delivery of some kinds, e.g. {\"COMMENTED\": \"OFF\"}; the others stay")
	List<Notifications.Preference> setPreferences(@AuthenticationPrincipal SignedInUser user,
			@RequestBody Map<String, String> choices) {
		return notifications.setPreferences(user.id(), choices);
	}

	@PutMapping(PRODUCT + "/items/{itemKey}/watch")
	@Requires(Permission.READ)
	@Operation(summary = "Watch or unwatch an item (an epic: also its children's news)")
	Watching watchItem(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@PathVariable String itemKey, @RequestBody WatchBody body) {
		ItemKey key = ItemKey.inProduct(productKey, itemKey);
		notifications.watchItem(user.id(), key, required(body));
		return new Watching(notifications.watchesItem(user.id(), key));
	}

	@PutMapping(PRODUCT + "/releases/{id}/watch")
	@Requires(Permission.READ)
	@Operation(summary = "Watch or unwatch a release (its items' comments and status changes, its forecast flag)")
	Watching watchRelease(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@PathVariable long id, @RequestBody WatchBody body) {
		notifications.watchRelease(user.id(), productKey, id, required(body));
		return new Watching(notifications.watchesRelease(user.id(), productKey, id));
	}

	@PutMapping(PRODUCT + "/inbox/watch")
	@Requires(Permission.READ)
	@Operation(summary = "Watch or unwatch the product's feedback inbox (new feedback)")
	Watching watchInbox(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@RequestBody WatchBody body) {
		notifications.watchInbox(user.id(), productKey, required(body));
		return new Watching(notifications.watchesInbox(user.id(), productKey));
	}

	private static boolean required(WatchBody body) {
		if (body == null || body.watching() == null) {
			throw DomainProblem.invalid("watching", "is required (true or false)");
		}
		return body.watching();
	}

}
