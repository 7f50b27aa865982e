package dev.priora.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every page of the demo product {@code SHOP} that a person opens (and the fragments the
 * pages load by htmx), as a concrete path per route pattern, with ids read from the
 * database ({@code get} answers a page's HTML, for the cursor of a second backlog page).
 * Used by the page benchmark and by the statement-count guard.
 */
public final class DemoPages {

	/**
	 * Page routes left out, with the reason: they need a background job to exist, or are
	 * a stream (live events) or an image rather than pages.
	 */
	public static final Set<String> LEFT_OUT = Set.of("/p/{key}/import/{jobId}", "/p/{key}/feedback/import/{jobId}",
			"/p/{key}/live", "/p/{key}/portal/logo");

	private DemoPages() {
	}

	/**
	 * Adds a release with a sprint and three planned items to the demo product when it
	 * has none, so the release and sprint pages have something to show.
	 */
	public static void ensurePlanning(ApiClient api, JdbcTemplate jdbc) {
		if (jdbc.queryForObject("select count(*) from releases where product_key = 'SHOP'", Long.class) > 0) {
			return;
		}
		java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
		long release = api
			.post("/api/v1/products/SHOP/releases",
					ApiClient
						.json(Map.of("name", "Release 1", "targetDate", today.plusDays(60).toString(), "capacity", 40)))
			.json()
			.get("id")
			.asLong();
		long sprint = api
			.post("/api/v1/products/SHOP/sprints",
					ApiClient.json(Map.of("name", "Sprint 1", "start", today.toString(), "end",
							today.plusDays(13).toString(), "capacity", 20, "releaseId", release)))
			.json()
			.get("id")
			.asLong();
		for (long number : jdbc.queryForList(
				"""
						select i.item_number from items i join products p on p.id = i.product_id
						where p.product_key = 'SHOP' and i.item_type <> 'EPIC' and i.status <> 'DONE' order by i.rank_key limit 3""",
				Long.class)) {
			api.put("/api/v1/products/SHOP/items/SHOP-" + number + "/release",
					ApiClient.json(Map.of("releaseId", release, "sprintId", sprint)), null);
		}
	}

	/** Route pattern → a path of the demo product that answers it. */
	public static Map<String, String> of(JdbcTemplate jdbc, Function<String, String> get) {
		long feedback = first(jdbc, "select min(id) from feedback where product_key = 'SHOP' and merged_into is null");
		long customer = first(jdbc, "select min(id) from customers where product_key = 'SHOP'");
		long release = first(jdbc, "select min(id) from releases where product_key = 'SHOP'");
		long sprint = first(jdbc, "select min(id) from sprints where product_key = 'SHOP'");
		Long plan = jdbc.queryForObject("select min(id) from release_plans where product_key = 'SHOP'", Long.class);
		// an item with customer demand and a parent, so its page shows everything
		long item = first(jdbc, """
				select min(i.item_number) from items i join products p on p.id = i.product_id
				where p.product_key = 'SHOP' and i.parent_id is not null
				  and exists (select 1 from feedback_links l where l.item_id = i.id)""");
		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("/p/{key}/backlog", "/p/SHOP/backlog");
		pages.put("/p/{key}/backlog/rows", moreRows(get.apply("/p/SHOP/backlog?order=demand")));
		pages.put("/p/{key}/items/{itemKey}", "/p/SHOP/items/SHOP-" + item);
		pages.put("/p/{key}/items/{itemKey}/demand", "/p/SHOP/items/SHOP-" + item + "/demand");
		pages.put("/p/{key}/items/{itemKey}/scores", "/p/SHOP/items/SHOP-" + item + "/scores");
		pages.put("/p/{key}/items/{itemKey}/objectives", "/p/SHOP/items/SHOP-" + item + "/objectives");
		pages.put("/p/{key}/feedback", "/p/SHOP/feedback");
		pages.put("/p/{key}/feedback/{id}", "/p/SHOP/feedback/" + feedback);
		pages.put("/p/{key}/feedback/{id}/story", "/p/SHOP/feedback/" + feedback + "/story");
		pages.put("/p/{key}/similar", "/p/SHOP/similar?title=" + "faster%20checkout%20with%20saved%20cards");
		pages.put("/p/{key}/feedback/import", "/p/SHOP/feedback/import");
		pages.put("/p/{key}/feedback/email", "/p/SHOP/feedback/email");
		pages.put("/p/{key}/customers", "/p/SHOP/customers");
		pages.put("/p/{key}/customers/{id}", "/p/SHOP/customers/" + customer);
		pages.put("/p/{key}/public-forms", "/p/SHOP/public-forms");
		pages.put("/p/{key}/scoring", "/p/SHOP/scoring");
		pages.put("/p/{key}/scoring/models", "/p/SHOP/scoring/models");
		pages.put("/p/{key}/priority-map", "/p/SHOP/priority-map");
		pages.put("/p/{key}/priority-order", "/p/SHOP/priority-order");
		pages.put("/p/{key}/dependencies", "/p/SHOP/dependencies");
		pages.put("/p/{key}/releases", "/p/SHOP/releases");
		pages.put("/p/{key}/releases/{id}/progress", "/p/SHOP/releases/" + release + "/progress");
		pages.put("/p/{key}/releases/{id}/notes", "/p/SHOP/releases/" + release + "/notes");
		pages.put("/p/{key}/sprints/{id}", "/p/SHOP/sprints/" + sprint);
		pages.put("/p/{key}/plans", "/p/SHOP/plans");
		pages.put("/p/{key}/scenarios", "/p/SHOP/scenarios");
		if (plan != null) {
			pages.put("/p/{key}/plans/{id}", "/p/SHOP/plans/" + plan);
		}
		pages.put("/p/{key}/charts", "/p/SHOP/charts");
		pages.put("/p/{key}/roadmap", "/p/SHOP/roadmap");
		pages.put("/p/{key}/health", "/p/SHOP/health");
		pages.put("/p/{key}/team", "/p/SHOP/team");
		pages.put("/p/{key}/settings", "/p/SHOP/settings");
		pages.put("/p/{key}/settings/estimates", "/p/SHOP/settings/estimates");
		pages.put("/p/{key}/items/{itemKey}/estimate-suggestion",
				"/p/SHOP/items/SHOP-" + item + "/estimate-suggestion");
		pages.put("/p/{key}/estimate-suggestion", "/p/SHOP/estimate-suggestion?title=" + "export%20orders%20to%20csv");
		pages.put("/p/{key}/members", "/p/SHOP/members");
		pages.put("/p/{key}/import", "/p/SHOP/import");
		pages.put("/p/{key}/webhooks", "/p/SHOP/webhooks");
		progressAndInsights(jdbc, pages, customer, plan, item);
		return pages;
	}

	/**
	 * The board, follow-ups, refinement, odds and promises, insights, scenarios and the
	 * team's portal pages (optional ones only when the demo has what they show).
	 */
	private static void progressAndInsights(JdbcTemplate jdbc, Map<String, String> pages, long customer, Long plan,
			long item) {
		pages.put("/p/{key}/board", "/p/SHOP/board");
		pages.put("/p/{key}/followups", "/p/SHOP/followups");
		pages.put("/p/{key}/refinement", "/p/SHOP/refinement");
		pages.put("/p/{key}/refinement/new", "/p/SHOP/refinement/new");
		pages.put("/p/{key}/settings/kinds", "/p/SHOP/settings/kinds");
		pages.put("/p/{key}/release-forecasts", "/p/SHOP/release-forecasts");
		optional(jdbc,
				"select min(id) from releases where product_key = 'SHOP' and status <> 'RELEASED'"
						+ " and target_date is not null")
			.ifPresent(open -> pages.put("/p/{key}/releases/{id}/what-it-takes",
					"/p/SHOP/releases/" + open + "/what-it-takes"));
		pages.put("/p/{key}/customers/{id}/promise", "/p/SHOP/customers/" + customer + "/promise");
		if (plan != null) {
			pages.put("/p/{key}/plans/{id}/forecasts", "/p/SHOP/plans/" + plan + "/forecasts");
			pages.put("/p/{key}/plans/{id}/customer-promises", "/p/SHOP/plans/" + plan + "/customer-promises");
		}
		pages.put("/p/{key}/insights", "/p/SHOP/insights");
		pages.put("/p/{key}/insights/week",
				"/p/SHOP/insights/week?week="
						+ java.time.LocalDate.now(java.time.ZoneOffset.UTC).with(java.time.DayOfWeek.MONDAY)
						+ "&filter=theme%3Dnone");
		pages.put("/p/{key}/insights/themes", "/p/SHOP/insights/themes");
		optional(jdbc, "select min(id) from themes where product_key = 'SHOP'")
			.ifPresent(theme -> pages.put("/p/{key}/insights/themes/{id}", "/p/SHOP/insights/themes/" + theme));
		optional(jdbc, "select min(id) from scenarios where product_key = 'SHOP'").ifPresent(scenario -> {
			pages.put("/p/{key}/scenarios/{id}", "/p/SHOP/scenarios/" + scenario);
			pages.put("/p/{key}/scenarios/compare", "/p/SHOP/scenarios/compare?ids=" + scenario);
		});
		// the team's side of the demo portal (DemoPortal): settings, an idea, an item's
		// portal part
		pages.put("/p/{key}/portal", "/p/SHOP/portal");
		optional(jdbc, "select min(id) from portal_ideas where product_key = 'SHOP'")
			.ifPresent(idea -> pages.put("/p/{key}/portal/ideas/{id}", "/p/SHOP/portal/ideas/" + idea));
		pages.put("/p/{key}/items/{itemKey}/portal", "/p/SHOP/items/SHOP-" + item + "/portal");
	}

	/**
	 * The product page routes (GET, HTML) of the application that {@link #of} must cover.
	 */
	public static List<String> routes(List<String> allRoutes) {
		return allRoutes.stream()
			.filter(r -> r.startsWith("GET /p/{key}"))
			.map(Routes::pattern)
			.filter(p -> !p.endsWith(".csv") && !LEFT_OUT.contains(p))
			.distinct()
			.sorted()
			.toList();
	}

	/** The "Load more" link of a page's HTML (its first {@code hx-get} with a cursor). */
	private static String moreRows(String html) {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("hx-get=\"(/p/SHOP/backlog/rows\\?cursor=[^\"]+)\"")
			.matcher(html);
		if (!m.find()) {
			throw new IllegalStateException("the demo backlog has no second page");
		}
		return m.group(1).replace("&amp;", "&");
	}

	private static java.util.Optional<Long> optional(JdbcTemplate jdbc, String sql) {
		return java.util.Optional.ofNullable(jdbc.queryForObject(sql, Long.class));
	}

	private static long first(JdbcTemplate jdbc, String sql) {
		Long id = jdbc.queryForObject(sql, Long.class);
		if (id == null) {
			throw new IllegalStateException("the demo product has nothing for: " + sql);
		}
		return id;
	}

}
