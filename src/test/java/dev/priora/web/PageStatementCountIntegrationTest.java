package dev.priora.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

import dev.priora.support.ApiClient;
import dev.priora.support.BrowserlessSession;
import dev.priora.support.Eventually;
import dev.priora.support.IntegrationTestBase;
import dev.priora.support.RequestProbe;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQL statements a page runs do not grow with the number of items: the backlog, the
 * scoring grid and its next rows, the feedback inbox and a feedback page (with its
 * similar feedback and items) and the backlog health page run as many statements for a
 * product of 200 items as for one of 10 built the same way (labels, epics, estimates,
 * scores, feedback linked to items, a sprint with done items and a team), or fewer.
 * Statements are counted with datasource-proxy ({@link RequestProbe}); an N+1 query makes
 * the large product's count larger and fails this test.
 */
@Import(RequestProbe.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageStatementCountIntegrationTest extends IntegrationTestBase {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationContext context;

	BrowserlessSession session;

	@BeforeAll
	void products() {
		ApiClient api = api();
		seed(api, "SMALL", 10);
		seed(api, "LARGE", 200);
		for (String key : List.of("SMALL", "LARGE")) {
			assertThat(api.post("/api/v1/products/" + key + "/insights/recompute", null).status()).isEqualTo(202);
			Eventually.eventually()
				.alias("the themes of " + key)
				.until(() -> api.get("/api/v1/products/" + key + "/insights/themes").json().size() > 0);
		}
		session = BrowserlessSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
	}

	/**
	 * N items (every tenth an epic over the next nine), a third labelled, scored, asked
	 * for.
	 */
	private void seed(ApiClient api, String key, int n) {
		assertThat(api.post("/api/v1/products", "{\"key\":\"" + key + "\",\"name\":\"" + key + "\"}").status())
			.isEqualTo(201);
		long epic = 0;
		for (int i = 1; i <= n; i++) {
			Map<String, Object> item = new LinkedHashMap<>();
			boolean isEpic = i % 10 == 1;
			item.put("type", isEpic ? "EPIC" : "STORY");
			item.put("title", "Item " + i + (i % 2 == 0 ? " checkout payment" : " search filters"));
			item.put("description", "Customers want item " + i + " to work faster.");
			item.put("estimate", new int[] { 1, 2, 3, 5, 8 }[i % 5]);
			if (!isEpic && epic > 0) {
				item.put("parent", key + "-" + epic);
			}
			if (i % 3 == 0) {
				item.put("labels", List.of("web", "l" + i % 4));
			}
			assertThat(api.post("/api/v1/products/" + key + "/items", ApiClient.json(item)).status())
				.as("item %d of %s", i, key)
				.isEqualTo(201);
			if (isEpic) {
				epic = i;
			}
		}
		long rice = 0;
		for (JsonNode m : api.get("/api/v1/products/" + key + "/scoring-models").json()) {
			if ("RICE".equals(m.get("preset").asText())) {
				rice = m.get("id").asLong();
			}
		}
		for (int i = 2; i <= n; i += 2) {
			assertThat(api
				.put("/api/v1/products/" + key + "/items/" + key + "-" + i + "/scores/" + rice,
						"{\"inputs\":{\"impact\":\"high\",\"confidence\":\"medium\"}}", null)
				.status()).isEqualTo(200);
		}
		sprint(api, key, n);
		for (int i = 1; i <= n; i += 4) {
			long id = api
				.post("/api/v1/products/" + key + "/feedback", ApiClient.json(Map.of("title", "Feedback " + i, "text",
						"Please make item " + i + " faster, checkout is slow")))
				.json()
				.get("id")
				.asLong();
			assertThat(api
				.post("/api/v1/products/" + key + "/feedback/" + id + "/links",
						ApiClient.json(Map.of("item", key + "-" + (i + 1), "importance", "IMPORTANT")))
				.status()).isEqualTo(200);
		}
	}

	/**
	 * A sprint holding every fifth item (2 of 10, 40 of 200), some done with a criterion
	 * (the review lists them: the tenth of 10, every tenth of the last 50 of 200, clear
	 * of the scoring grid's first pages), and two team members (the page suggests one per
	 * item).
	 */
	private void sprint(ApiClient api, String key, int n) {
		String base = "/api/v1/products/" + key;
		java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
		long release = api
			.post(base + "/releases",
					ApiClient.json(Map.of("name", "R1", "targetDate", today.plusDays(60).toString(), "capacity", 400)))
			.json()
			.get("id")
			.asLong();
		long sprint = api
			.post(base + "/sprints", ApiClient.json(Map.of("name", "S1", "start", today.toString(), "end",
					today.plusDays(13).toString(), "capacity", 300, "releaseId", release)))
			.json()
			.get("id")
			.asLong();
		for (String member : List.of("Ada", "Grace")) {
			assertThat(api
				.post(base + "/team",
						ApiClient.json(Map.of("name", member, "capacity", 20, "skills", List.of("web", "l1"))))
				.status()).isEqualTo(201);
		}
		for (int i = 5; i <= n; i += 5) {
			String item = base + "/items/" + key + "-" + i;
			assertThat(
					api.put(item + "/release", ApiClient.json(Map.of("releaseId", release, "sprintId", sprint)), null)
						.status())
				.as("item %d into the sprint", i)
				.isEqualTo(204);
			if (i % 10 == 0 && (i == n || i > n - 50)) {
				String etag = api.get(item).etag();
				etag = api
					.put(item, ApiClient.json(Map.of("type", "STORY", "title", "Item " + i + " done",
							"acceptanceCriteria", List.of(Map.of("statement", "It works", "done", true)))), etag)
					.etag();
				for (String status : List.of("READY", "IN_PROGRESS", "DONE")) {
					var changed = api.patch(item + "?force=true", ApiClient.json(Map.of("status", status)), etag);
					assertThat(changed.status()).as("item %d to %s: %s", i, status, changed.text()).isEqualTo(200);
					etag = changed.etag();
				}
			}
		}
		sprints.put(key, sprint);
	}

	private final Map<String, Long> sprints = new java.util.HashMap<>();

	@Test
	void pagesRunAsManyStatementsFor200ItemsAsFor10() {
		Map<String, Integer> small = counts("SMALL");
		Map<String, Integer> large = counts("LARGE");
		assertThat(large).containsOnlyKeys(small.keySet());
		// fewer is fine (e.g. no similar feedback to look up), more is a query per item
		small.forEach((page, count) -> assertThat(large.get(page))
			.as("statements of the %s page with 200 items (with 10: %s)", page, small)
			.isLessThanOrEqualTo(count));
	}

	@Test
	void theScoringGridShowsAPageOfRowsWithMoreToLoad() {
		String html = session.get("/p/LARGE/scoring").body();
		// a screen and a half as the page opens, the next 50 when its end scrolls into
		// view
		assertThat(html.split("class=\"score-row\"", -1)).hasSize(26);
		assertThat(html).contains("id=\"scores-more\"");
		String next = rowsLink(html);
		String more = session.get(next).body();
		// 200 items, none finished: the second page has the next 50
		assertThat(more).contains("id=\"score-LARGE-26\"", "id=\"score-LARGE-75\"")
			.doesNotContain("id=\"score-LARGE-25\"", "id=\"score-LARGE-76\"");
		String small = session.get("/p/SMALL/scoring").body();
		// 10 items, the tenth done (the sprint's review): 9 rows
		assertThat(small.split("class=\"score-row\"", -1)).hasSize(10);
		assertThat(small).doesNotContain("id=\"scores-more\"");
		// the second page of rows and the last: as many statements
		String third = rowsLink(more);
		String last = rowsLink(session.get(third).body());
		assertThat(probe(last).count()).isEqualTo(probe(next).count());
	}

	@Test
	void linksAreNotLookedUpAsStaticResources() {
		// with the resource chain on, every link a page builds was searched for on the
		// class path: most of a page's CPU
		assertThat(context.getBeansOfType(ResourceUrlEncodingFilter.class)).isEmpty();
	}

	/** Each page visited twice (the first builds caches such as the similarity index). */
	private Map<String, Integer> counts(String key) {
		long feedback = jdbc.queryForObject("select max(id) from feedback where product_key = ?", Long.class, key);
		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("backlog", "/p/" + key + "/backlog");
		pages.put("scoring", "/p/" + key + "/scoring");
		pages.put("feedback inbox", "/p/" + key + "/feedback");
		pages.put("feedback page", "/p/" + key + "/feedback/" + feedback);
		pages.put("item demand", "/p/" + key + "/items/" + key + "-2/demand");
		pages.put("backlog health", "/p/" + key + "/health");
		pages.put("insights", "/p/" + key + "/insights");
		pages.put("themes", "/p/" + key + "/insights/themes");
		long theme = jdbc.queryForObject("select min(id) from themes where product_key = ?", Long.class, key);
		pages.put("theme page", "/p/" + key + "/insights/themes/" + theme);
		pages.put("sprint", "/p/" + key + "/sprints/" + sprints.get(key));
		Map<String, Integer> counts = new LinkedHashMap<>();
		pages.forEach((name, path) -> {
			probe(path);
			counts.put(name, probe(path).count());
		});
		return counts;
	}

	private RequestProbe.Result probe(String path) {
		String id = UUID.randomUUID().toString();
		var response = session.withHeader(RequestProbe.HEADER, id).get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return RequestProbe.await(id);
	}

	private static String rowsLink(String html) {
		var m = java.util.regex.Pattern.compile("hx-get=\"(/p/\\w+/scoring/rows\\?[^\"]+)\"").matcher(html);
		assertThat(m.find()).as("a Load more link").isTrue();
		return m.group(1).replace("&amp;", "&");
	}

}
