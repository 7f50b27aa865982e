package dev.priora.progress.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;
import dev.priora.accounts.SignedInUser;
import dev.priora.problem.DomainProblem;
import dev.priora.progress.WhatItTakes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** "What would it take" for a release off its target: the preview and its apply. */
@RestController
@Tag(name = "Progress")
class WhatItTakesApiController {

	private static final String PATH = "/api/v1/products/{productKey}/releases/{id}/what-it-takes";

	private final WhatItTakes whatItTakes;

	WhatItTakesApiController(WhatItTakes whatItTakes) {
		this.whatItTakes = whatItTakes;
	}

	/** The items from the preview, the confidence, and where they go: NEXT or BACKLOG. */
	record ApplyBody(Double confidence, @Size(max = 500) List<String> items, String to) {
	}

	@GetMapping(PATH)
	@Operation(summary = "The items to move out of the release, losing the least value, so that it is done by its"
			+ " target with the given probability (default 0.85): items, value lost, odds now and after")
	WhatItTakes.Preview preview(@PathVariable String productKey, @PathVariable long id,
			@RequestParam(defaultValue = "0.85") double confidence) {
		return whatItTakes.preview(productKey, id, confidence);
	}

	@PostMapping(PATH)
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Move the previewed items out of the release, to the next release (to: NEXT, the default"
			+ " when there is one) or the backlog (BACKLOG), as one change; answers the preview after it")
	WhatItTakes.Preview apply(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@PathVariable long id, @Valid @RequestBody ApplyBody body) {
		String to = body.to() == null ? "NEXT" : body.to().toUpperCase(java.util.Locale.ROOT);
		if (!to.equals("NEXT") && !to.equals("BACKLOG")) {
			throw DomainProblem.invalid("to", "must be NEXT or BACKLOG");
		}
		return whatItTakes
			.apply(productKey, id, body.confidence() == null ? 0.85 : body.confidence(), body.items(),
					to.equals("NEXT"), user.id())
			.after();
	}

}
