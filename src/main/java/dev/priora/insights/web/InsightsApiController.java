package dev.priora.insights.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
import dev.priora.backlog.ItemKey;
import dev.priora.insights.Insights;
import dev.priora.insights.InsightsView;
import dev.priora.insights.ThemeDetail;
import dev.priora.insights.ThemeItems;
import dev.priora.insights.ThemeSummary;
import dev.priora.insights.Themes;
import dev.priora.jobs.Job;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A product's feedback themes and insights, their edits, and every table as CSV. */
@RestController
@Tag(name = "Insights")
class InsightsApiController {

	private static final String BASE = "/api/v1/products/{productKey}/insights";

	private final Themes themes;

	private final Insights insights;

	private final ThemeItems items;

	InsightsApiController(Themes themes, Insights insights, ThemeItems items) {
		this.themes = themes;
		this.insights = insights;
		this.items = items;
	}

	record NameBody(String name) {
	}

	record MergeBody(Long into) {
	}

	record MoveBody(List<Long> feedbackIds) {
	}

	record ItemBody(String type, String title, String description) {
	}

	@GetMapping(BASE + "/themes")
	@Operation(summary = "The product's themes with feedback, customers, revenue, trend and coverage, most feedback"
			+ " first")
	List<ThemeSummary> themes(@PathVariable String productKey) {
		return themes.list(productKey);
	}

	@GetMapping(BASE + "/themes/{id}")
	@Operation(summary = "One theme: its figures, segments, kinds, sentiment, representative quotes, feedback and"
			+ " edits")
	ThemeDetail theme(@PathVariable String productKey, @PathVariable long id) {
		return themes.get(productKey, id);
	}

	@GetMapping(BASE + "/trends")
	@Operation(summary = "Top themes by revenue, customers and growth, unaddressed demand, the segment × theme grid,"
			+ " weekly volume by kind and theme, and this week's spikes")
	InsightsView trends(@PathVariable String productKey) {
		return insights.view(productKey);
	}

	@GetMapping(BASE + "/weeks/{week}")
	@Operation(summary = "The feedback of one week (its Monday, yyyy-mm-dd) of a kind or a theme, newest first")
	List<ThemeDetail.Quote> week(@PathVariable String productKey, @PathVariable String week,
			@RequestParam(required = false) String kind, @RequestParam(required = false) Long theme) {
		return insights.week(productKey, week, kind, theme);
	}

	@PostMapping(BASE + "/recompute")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Queue a recompute of the themes (202 with the job; one already queued is returned)")
	ResponseEntity<Job> recompute(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey) {
		return ResponseEntity.accepted().body(themes.recompute(productKey, user.id()));
	}

	@PutMapping(BASE + "/themes/{id}/name")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Rename the theme (1 to 120 characters; recomputes keep it); 400 naming name")
	ThemeDetail rename(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@PathVariable long id, @RequestBody NameBody body) {
		return themes.rename(productKey, id, body.name(), user.id());
	}

	@PostMapping(BASE + "/themes/{id}/merge")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Merge the theme into another ({\"into\": id}); answers the merged theme")
	ThemeDetail merge(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@PathVariable long id, @RequestBody MergeBody body) {
		return themes.merge(productKey, id, body.into(), user.id());
	}

	@PostMapping(BASE + "/themes/{id}/split")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Split the theme in two by meaning; answers the new theme")
	ThemeDetail split(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@PathVariable long id) {
		return themes.split(productKey, id, user.id());
	}

	@PostMapping(BASE + "/themes/{id}/feedback")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Move feedback into the theme ({\"feedbackIds\": [...]}, 1 to 500); recomputes keep them"
			+ " with it")
	ThemeDetail move(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey, @PathVariable long id,
			@RequestBody MoveBody body) {
		return themes.move(productKey, null, body.feedbackIds(), id, user.id());
	}

	@GetMapping(BASE + "/themes/{id}/item-draft")
	@Operation(summary = "The story or epic drafted from the theme: its name and its most representative quotes")
	ThemeItems.Draft draft(@PathVariable String productKey, @PathVariable long id) {
		return items.draft(productKey, id);
	}

	@PostMapping(BASE + "/themes/{id}/items")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Create a STORY or EPIC from the theme and link all its feedback to it (201)")
	ResponseEntity<Map<String, String>> createItem(@AuthenticationPrincipal SignedInUser user,
			@PathVariable String productKey, @PathVariable long id, @RequestBody ItemBody body) {
		ItemKey key = items.create(productKey, id, body.type(), body.title(), body.description(), user.id());
		return ResponseEntity.created(URI.create("/api/v1/products/" + key.productKey() + "/items/" + key))
			.body(Map.of("key", key.toString()));
	}

	@GetMapping(value = BASE + "/{table}.csv", produces = "text/csv")
	@Operation(summary = "A table of the themes and insights pages as CSV: themes, top-revenue, top-customers,"
			+ " top-growth, unaddressed, segments, weekly-kinds, weekly-themes")
	ResponseEntity<String> csv(@PathVariable String productKey, @PathVariable String table) {
		if (!InsightsCsv.TABLES.contains(table)) {
			throw dev.priora.problem.DomainProblem.notFound("Table " + table);
		}
		return InsightsCsv.table(table, themes.list(productKey),
				table.equals("themes") ? null : insights.view(productKey));
	}

}
