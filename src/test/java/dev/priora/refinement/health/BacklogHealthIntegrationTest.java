package dev.priora.refinement.health;

import static dev.priora.support.Eventually.eventually;
import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.aStory;
import static dev.priora.support.Fixtures.anEpic;
import static dev.priora.support.Fixtures.someFeedback;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.priora.accounts.AccountService;
import dev.priora.accounts.ProductRole;
import dev.priora.accounts.ProductRoles;
import dev.priora.mail.LoopbackSmtp;
import dev.priora.support.ApiClient;
import dev.priora.support.IntegrationTestBase;
import dev.priora.support.TestProduct;

import tools.jackson.databind.JsonNode;

/**
 * A product with one item per kind of finding (and items that are healthy), read through
 * the API: each finding lists exactly its item, the score is what the documented formula
 * gives, the settings are checked field by field, the daily task records one score per
 * day, and the weekly summary reaches each owner once by e-mail (a real SMTP server on a
 * loopback port), unless they turned it off.
 */
class BacklogHealthIntegrationTest extends IntegrationTestBase {

	static final String BASE_URL = "https://priora.example.test";

	static final LoopbackSmtp SMTP = new LoopbackSmtp();

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		SMTP.configure(registry, BASE_URL);
	}

	@AfterAll
	static void stopServer() {
		SMTP.stop();
	}

	@Autowired
	AccountService accounts;

	@Autowired
	ProductRoles roles;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	HealthDaily daily;

	@Test
	void eachFindingListsExactlyItsItemAndTheScoreFollowsTheFormula() {
		TestProduct p = aProduct("HLT").createdBy(api());
		seedOneItemPerKind(p);
		String b = p.item(2);
		String c = p.item(3);
		String d = p.item(4);
		String e = p.item(5);
		String f = p.item(6);
		String g = p.item(7);
		String i = p.item(9);
		String j = p.item(10);
		String k = p.item(11);
		String l = p.item(12);
		String m = p.item(13);
		String n = p.item(14);
		String o = p.item(15);

		JsonNode report = api().get(p.path("/health")).json();

		assertThat(keysByKind(report))
			.containsExactlyEntriesOf(ordered("NOT_READY", List.of(b), "UNESTIMATED", List.of(d), "NO_CRITERIA",
					List.of(e), "STALE", List.of(f), "LONG_IN_PROGRESS", List.of(g), "BLOCKED_CHAIN", List.of(i),
					"DUPLICATE", List.of(m), "EMPTY_EPIC", List.of(n), "UNLINKED_FEEDBACK", List.of(o)));
		assertThat(List.of(p.item(1), c, k)).as("healthy items are nowhere")
			.doesNotContainAnyElementsOf(allKeys(report));
		JsonNode chain = finding(report, "BLOCKED_CHAIN").get("items").get(0);
		assertThat(chain.get("related").toString()).isEqualTo("[\"" + j + "\",\"" + k + "\"]");
		assertThat(chain.get("fixLink").asText()).isEqualTo("/p/HLT/items/" + k);
		assertThat(finding(report, "BLOCKED_CHAIN").get("link").asText()).isEqualTo("/p/HLT/dependencies");
		JsonNode unestimated = finding(report, "UNESTIMATED").get("items").get(0);
		assertThat(unestimated.get("fixLink").asText()).isEqualTo("/p/HLT/items/" + d + "#edit-estimate");
		assertThat(finding(report, "NOT_READY").get("items").get(0).get("detail").asText())
			.isEqualTo("It waits on unfinished " + c + ".");
		assertThat(finding(report, "DUPLICATE").get("items").get(0).get("related").toString())
			.isEqualTo("[\"" + l + "\"]");
		assertThat(finding(report, "UNLINKED_FEEDBACK").get("items").get(0).get("fixLink").asText())
			.startsWith("/p/HLT/feedback/");
		// lost: 25·1/2 + 15·1/12 + 10·1/12 + 15·1/13 + 10·1/1 + 10·1/13 + 5·2/13 + 5·1/1
		// + 5·1/2
		// = 34.8 of 100 (13 open items, 12 of them no epic; 2 done)
		assertThat(report.get("score").asInt()).isEqualTo(65);
		assertThat(part(report, "DUPLICATE")).isEqualTo("5 2/13 0.8");
		assertThat(part(report, "NOT_READY")).isEqualTo("25 1/2 12.5");
	}

	@Test
	void settingsAreCheckedFieldByField() {
		TestProduct p = aProduct("HLS").createdBy(api());
		assertThat(api().get(p.path("/health/settings")).json().toString()).isEqualTo("{\"topN\":20,\"staleDays\":90}");
		var bad = api().put(p.path("/health/settings"), "{\"topN\":0,\"staleDays\":5}", null);
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.text()).contains("topN", "from 1 to 200", "staleDays", "from 7 to 3650");
		var missing = api().put(p.path("/health/settings"), "{\"staleDays\":30}", null);
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().get("errors").toString()).contains("topN").doesNotContain("staleDays");
		assertThat(api().put(p.path("/health/settings"), "{\"topN\":\"many\",\"staleDays\":30}", null).status())
			.isEqualTo(400);
		assertThat(api().get(p.path("/health/settings")).json().get("topN").asInt()).as("nothing written")
			.isEqualTo(20);
		assertThat(api().put(p.path("/health/settings"), "{\"topN\":200,\"staleDays\":7}", null).status())
			.isEqualTo(200);
		assertThat(api().get(p.path("/health")).json().get("settings").toString())
			.isEqualTo("{\"topN\":200,\"staleDays\":7}");
		assertThat(api().get(p.path("/health/history?days=0")).text()).contains("days", "from 1 to 730");
		assertThat(api().get("/api/v1/products/NOPE/health").status()).isEqualTo(404);
	}

	@Test
	void theDailyRunRecordsOneScorePerDay() {
		TestProduct p = aProduct("HLD").createdBy(api());
		aStory("Without an estimate").description("Why").criteria("It works").in(p);
		assertThat(api().get(p.path("/health/history")).json()).isEmpty();
		daily.run("HLD", false);
		aStory("Another one").in(p);
		daily.run("HLD", false);
		JsonNode history = api().get(p.path("/health/history?days=7")).json();
		assertThat(history).hasSize(1);
		assertThat(history.get(0).get("day").asText()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
		assertThat(history.get(0).get("score").asInt())
			.isEqualTo(api().get(p.path("/health")).json().get("score").asInt());
		assertThat(history.get(0).get("findings").asInt()).as("the later run of the day wins").isEqualTo(5);
	}

	@Test
	void theWeeklySummaryMailsEachOwnerOnceUnlessTheyTurnedItOff() throws Exception {
		TestProduct p = aProduct("HWS").named("Webshop").createdBy(api());
		aStory("Refund flow").description("Why").criteria("It works").in(p);
		ApiClient olive = person("olive@hws.test", "Olive Owner", ProductRole.OWNER);
		ApiClient otto = person("otto@hws.test", "Otto Owner", ProductRole.OWNER);
		person("vic@hws.test", "Vic Viewer", ProductRole.VIEWER);
		assertThat(otto.put("/api/v1/notifications/preferences", "{\"BACKLOG_HEALTH\":\"OFF\"}", null).status())
			.isEqualTo(200);
		assertThat(olive.get("/api/v1/notifications/preferences").text())
			.contains("\"kind\":\"BACKLOG_HEALTH\",\"delivery\":\"EMAIL_NOW\"");
		int score = api().get(p.path("/health")).json().get("score").asInt();

		assertThat(daily.run("HWS", true)).isTrue();
		assertThat(daily.run("HWS", true)).as("announced once").isFalse();

		MimeMessage m = eventually().until(() -> SMTP.to("olive@hws.test"), l -> !l.isEmpty()).get(0);
		assertThat(m.getSubject()).isEqualTo("[HWS] Backlog health of Webshop: scored " + score + " of 100");
		String text = LoopbackSmtp.part(m, "text/plain");
		assertThat(text).contains("> Not ready in the top 20: 1", "> Without an estimate: 1",
				BASE_URL + "/p/HWS/health");
		assertThat(LoopbackSmtp.header(m, "List-Unsubscribe")).contains(".backlog-health.");
		assertThat(olive.get("/api/v1/notifications?size=10").text()).contains("BACKLOG_HEALTH");
		Thread.sleep(1000);
		assertThat(SMTP.to("olive@hws.test")).hasSize(1);
		assertThat(SMTP.to("otto@hws.test")).as("turned off").isEmpty();
		assertThat(otto.get("/api/v1/notifications?size=10").text()).doesNotContain("BACKLOG_HEALTH");
		assertThat(SMTP.to("vic@hws.test")).as("not an owner").isEmpty();
	}

	private ApiClient person(String email, String name, ProductRole role) {
		accounts.createUser(email, name, "password-health", false);
		roles.grant("HWS", email, role, accounts.findByEmail(ADMIN_EMAIL).orElseThrow().id());
		return ApiClient.signIn(port, email, "password-health");
	}

	/**
	 * Items 1 to 15 of the product, one per kind of finding and some healthy: with the
	 * top 2 and 30 stale days, 2 waits on 3 (not ready in the top), 4 has no estimate, 5
	 * no criteria, 6 is untouched for 40 days, 7 in progress for 20 days (8 took 3 and 15
	 * none), 9 waits on 10 which waits on 11, 13 reads like 12, 14 is an empty epic, and
	 * open feedback asks for the done 15; then waits for every item's vector.
	 */
	private void seedOneItemPerKind(TestProduct p) {
		settings(p, 2, 30);
		String a = ready(p, "Checkout by card");
		String b = ready(p, "Search filters for orders");
		String c = ready(p, "Address book");
		link(p, b, c);
		String d = aStory("Gift cards").description("Customers need gift cards").criteria("It works").in(p);
		String e = aStory("Loyalty points").description("Customers need loyalty points").estimate(3).in(p);
		String f = ready(p, "Printable receipts");
		String g = ready(p, "Shipping labels");
		String h = ready(p, "Invoice numbering");
		String i = ready(p, "Returns portal");
		String j = ready(p, "Refund rules");
		String k = ready(p, "Payment provider contract");
		link(p, i, j);
		link(p, j, k);
		String l = ready(p, "Export all orders as a CSV file");
		String m = ready(p, "Export all the orders as a CSV file");
		String n = anEpic("Mobile app").description("Customers want an app").in(p);
		String o = ready(p, "Dark mode for the dashboard");
		status(p, g, "READY", "IN_PROGRESS");
		p.finish(h);
		p.finish(o);
		someFeedback("Please add a dark mode for the dashboard, my eyes hurt at night")
			.titled("Dark mode for the dashboard")
			.in(p);
		backdate("update items set updated_at = ? where " + item(f), 40);
		backdate("update item_history set changed_at = ? where field = 'status' and new_value = 'IN_PROGRESS' and "
				+ itemId(g), 20);
		backdate("update item_history set changed_at = ? where field = 'status' and new_value = 'IN_PROGRESS' and "
				+ itemId(h), 3);
		eventually().alias("every item has its sentence vector")
			.until(() -> jdbc
				.queryForObject("select count(*) from item_vectors v join products p on p.id = v.product_id"
						+ " where p.product_key = 'HLT'", Long.class),
					count -> count == 15);
	}

	private void settings(TestProduct p, int topN, int staleDays) {
		var r = api().put(p.path("/health/settings"), ApiClient.json(Map.of("topN", topN, "staleDays", staleDays)),
				null);
		assertThat(r.status()).as(r.text()).isEqualTo(200);
	}

	private static String ready(TestProduct p, String title) {
		return aStory(title).description("Customers need " + title.toLowerCase(java.util.Locale.ROOT))
			.criteria("It works")
			.estimate(3)
			.in(p);
	}

	private void link(TestProduct p, String waiter, String prerequisite) {
		var r = api().post(p.path("/items/" + waiter + "/dependencies"),
				ApiClient.json(Map.of("kind", "DEPENDS_ON", "target", prerequisite)));
		assertThat(r.status()).as(r.text()).isEqualTo(201);
	}

	private void status(TestProduct p, String item, String... statuses) {
		for (String s : statuses) {
			String etag = api().get(p.path("/items/" + item)).etag();
			var r = api().patch(p.path("/items/" + item), ApiClient.json(Map.of("status", s)), etag);
			assertThat(r.status()).as(r.text()).isEqualTo(200);
		}
	}

	private void backdate(String update, int days) {
		assertThat(jdbc.update(update, OffsetDateTime.now(ZoneOffset.UTC).minus(Duration.ofDays(days)))).isPositive();
	}

	private static String item(String key) {
		return "product_id = (select id from products where product_key = 'HLT') and item_number = "
				+ key.substring(key.indexOf('-') + 1);
	}

	private static String itemId(String key) {
		return "item_id = (select id from items where " + item(key) + ")";
	}

	private static Map<String, List<String>> keysByKind(JsonNode report) {
		Map<String, List<String>> result = new LinkedHashMap<>();
		for (JsonNode f : report.get("findings")) {
			List<String> keys = new java.util.ArrayList<>();
			f.get("items").forEach(i -> keys.add(i.get("key").asText()));
			result.put(f.get("kind").asText(), keys);
		}
		return result;
	}

	private static List<String> allKeys(JsonNode report) {
		return keysByKind(report).values().stream().flatMap(List::stream).toList();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, List<String>> ordered(Object... kindsAndKeys) {
		Map<String, List<String>> result = new LinkedHashMap<>();
		for (int x = 0; x < kindsAndKeys.length; x += 2) {
			result.put((String) kindsAndKeys[x], (List<String>) kindsAndKeys[x + 1]);
		}
		return result;
	}

	private static JsonNode finding(JsonNode report, String kind) {
		for (JsonNode f : report.get("findings")) {
			if (f.get("kind").asText().equals(kind)) {
				return f;
			}
		}
		throw new AssertionError("no finding " + kind);
	}

	/** "weight count/of lost" of the kind's part of the score. */
	private static String part(JsonNode report, String kind) {
		for (JsonNode part : report.get("parts")) {
			if (part.get("kind").asText().equals(kind)) {
				return part.get("weight").asInt() + " " + part.get("count").asInt() + "/" + part.get("of").asInt() + " "
						+ part.get("lost").asDouble();
			}
		}
		throw new AssertionError("no part " + kind);
	}

}
