package dev.priora.refinement.health.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;
import dev.priora.refinement.health.BacklogHealth;
import dev.priora.refinement.health.HealthDay;
import dev.priora.refinement.health.HealthReport;
import dev.priora.refinement.health.HealthSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A product's backlog health: the report, the daily scores and the settings. */
@RestController
@Tag(name = "Backlog health")
class HealthApiController {

	private static final String BASE = "/api/v1/products/{productKey}/health";

	private final BacklogHealth health;

	HealthApiController(BacklogHealth health) {
		this.health = health;
	}

	/** The settings as sent: both required, checked by the service. */
	record SettingsBody(Integer topN, Integer staleDays) {
	}

	@GetMapping(BASE)
	@Operation(summary = "The backlog's health now: the score (0 to 100) with its parts, and the findings by kind with"
			+ " their items and the links that fix them")
	HealthReport report(@PathVariable String productKey) {
		return health.report(productKey);
	}

	@GetMapping(BASE + "/history")
	@Operation(summary = "The scores recorded per day over the last days (1 to 730, default 90), oldest first")
	List<HealthDay> history(@PathVariable String productKey, @RequestParam(defaultValue = "90") int days) {
		return health.history(productKey, days);
	}

	@GetMapping(BASE + "/settings")
	@Operation(summary = "How many top items should be ready, and after how many days an open item is stale")
	HealthSettings settings(@PathVariable String productKey) {
		return health.settings(productKey);
	}

	@PutMapping(BASE + "/settings")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Set the top N (1 to 200) and the stale days (7 to 3650); 400 naming each field out of range")
	HealthSettings settings(@PathVariable String productKey, @RequestBody SettingsBody body) {
		return health.updateSettings(productKey, HealthSettings.checked(body.topN(), body.staleDays()));
	}

}
