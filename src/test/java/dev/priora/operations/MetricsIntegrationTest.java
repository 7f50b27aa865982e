package dev.priora.operations;

import static dev.priora.support.Fixtures.aProduct;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import dev.priora.accounts.AccountService;
import dev.priora.cli.Cli;
import dev.priora.support.ApiClient;
import dev.priora.support.Eventually;
import dev.priora.support.IntegrationTestBase;

/**
 * {@code /actuator/prometheus} as a scraper and an operator see it: administrators only,
 * requests counted by route pattern, Priora's own meters moving with real work (a
 * feedback import, a failed sign-in, a webhook delivery), and every metric the alerts in
 * {@code deploy/prometheus-alerts.yaml} use present. The database gauges are read afresh
 * at every scrape here ({@code priora.metrics.database-refresh=0s}).
 */
@TestPropertySource(properties = "priora.metrics.database-refresh=0s")
class MetricsIntegrationTest extends IntegrationTestBase {

	@Autowired
	AccountService accounts;

	@Test
	void onlyAdministratorsReadTheMetrics() {
		assertThat(anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
		assertThat(anonymous().get("/actuator/metrics").status()).isEqualTo(401);
		accounts.createUser("watcher@metrics.test", "Watcher", "password-watcher", false);
		ApiClient user = ApiClient.signIn(port, "watcher@metrics.test", "password-watcher");
		ApiClient.Response refused = user.get("/actuator/prometheus");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(user.get("/actuator/metrics/jvm.memory.used").status()).isEqualTo(403);
		ApiClient.Response scrape = api().get("/actuator/prometheus");
		assertThat(scrape.status()).isEqualTo(200);
		assertThat(scrape.contentType()).startsWith("text/plain");
		assertThat(api().get("/actuator/metrics").status()).isEqualTo(200);
		assertThat(anonymous().get("/actuator/health/liveness").status()).isEqualTo(200);
		assertThat(anonymous().get("/actuator/health/readiness").text()).contains("\"UP\"");
	}

	@Test
	void requestsAreCountedByTheRoutePatternNotTheAddress() {
		api().get("/api/v1/products/SHOP/items/SHOP-1/comments");
		String scrape = scrape();
		assertThat(scrape).contains("uri=\"/api/v1/products/{productKey}/items/{itemKey}/comments\"")
			.doesNotContain("uri=\"/api/v1/products/SHOP/items/SHOP-1/comments\"");
	}

	@Test
	void anImportCountsItsJobItsRowsAndItsTime() {
		importThreeRows("METR");
		Eventually.eventually()
			.until(() -> value(scrape(), "priora_jobs_ended_total", "kind=\"feedback-import\",state=\"done\""),
					v -> v >= 1);
		String scrape = scrape();
		assertThat(value(scrape, "priora_jobs_items_total", "kind=\"feedback-import\"")).isGreaterThanOrEqualTo(3);
		assertThat(value(scrape, "priora_jobs_duration_seconds_count", "kind=\"feedback-import\",state=\"done\""))
			.isGreaterThanOrEqualTo(1);
		assertThat(value(scrape, "priora_jobs_unfinished", "state=\"queued\"")).isGreaterThanOrEqualTo(0);
	}

	@Test
	void aFailedSignInAndAWaitingWebhookShowInTheDatabaseMeters() {
		double before = value(scrape(), "priora_signin_failures_total", "reason=\"bad-credentials\"");
		String wrong = "Basic " + Base64.getEncoder()
			.encodeToString((ADMIN_EMAIL + ":not the password").getBytes(StandardCharsets.UTF_8));
		assertThat(ApiClient.withAuthorization(port, wrong).post("/api/v1/tokens", "{\"name\":\"x\"}").status())
			.isEqualTo(401);
		assertThat(value(scrape(), "priora_signin_failures_total", "reason=\"bad-credentials\"")).isEqualTo(before + 1);
		ApiClient admin = api();
		admin.put("/api/v1/admin/webhooks", "{\"allowPrivateTargets\":true}", null);
		long hook = admin.post("/api/v1/products/SHOP/webhooks", "{\"url\":\"http://127.0.0.1:9/metrics\"}")
			.json()
			.get("id")
			.asLong();
		admin.put("/api/v1/admin/webhooks", "{\"allowPrivateTargets\":false}", null);
		assertThat(admin.post("/api/v1/products/SHOP/webhooks/" + hook + "/ping", null).status()).isLessThan(300);
		String scrape = scrape();
		assertThat(value(scrape, "priora_outbox_pending", "outbox=\"webhooks\"")
				+ value(scrape, "priora_outbox_failed", "outbox=\"webhooks\""))
			.isGreaterThanOrEqualTo(1);
		assertThat(value(scrape, "priora_outbox_pending", "outbox=\"mail\"")).isGreaterThanOrEqualTo(0);
		assertThat(scrape).contains("priora_outbox_oldest_pending_age_seconds{");
	}

	@Test
	void everyMetricTheAlertsUseIsScraped() throws IOException {
		importThreeRows("METRA");
		Eventually.eventually()
			.until(() -> value(scrape(), "priora_jobs_ended_total", "kind=\"feedback-import\",state=\"done\""),
					v -> v >= 1);
		String rules = Files.readString(Path.of("deploy/prometheus-alerts.yaml"));
		Set<String> used = new TreeSet<>();
		Matcher m = Pattern.compile("\\b((?:priora|http_server|hikaricp|jvm)_[a-z_]+)\\b").matcher(rules);
		while (m.find()) {
			used.add(m.group(1));
		}
		assertThat(used).contains("priora_outbox_oldest_pending_age_seconds", "priora_jobs_ended_total");
		String scrape = scrape();
		assertThat(used).allSatisfy(name -> assertThat(scrape).as(name).contains("\n" + name));
	}

	@Test
	void theHealthCommandOfTheImagesAsksTheRunningServer() throws IOException {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		java.io.PrintStream err = new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true,
				StandardCharsets.UTF_8);
		int up = Cli.run(new String[] { "health", "--url", "http://127.0.0.1:" + port + "/actuator/health" },
				new java.io.PrintStream(out, true, StandardCharsets.UTF_8), err);
		assertThat(up).as(out.toString(StandardCharsets.UTF_8)).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"status\":\"UP\"");
		int closed;
		try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
			closed = s.getLocalPort();
		}
		assertThat(Cli.run(new String[] { "health", "--url", "http://127.0.0.1:" + closed + "/actuator/health" },
				new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true, StandardCharsets.UTF_8), err))
			.isEqualTo(1);
	}

	private void importThreeRows(String key) {
		ApiClient admin = api();
		aProduct(key).named("Metrics " + key).createdBy(admin);
		String job = admin
			.postFile("/api/v1/products/" + key + "/feedback/import?text=body&async=true",
					"body\nfirst\nsecond\nthird\n".getBytes(StandardCharsets.UTF_8), "text/csv")
			.json()
			.get("id")
			.asText();
		assertThat(
				Eventually.ended(admin, "/api/v1/products/" + key + "/feedback/imports/" + job).get("state").asText())
			.isEqualTo("DONE");
	}

	private String scrape() {
		ApiClient.Response r = api().get("/actuator/prometheus");
		assertThat(r.status()).isEqualTo(200);
		return r.text();
	}

	/** The sample's value, or 0 when the meter has no such sample yet. */
	private static double value(String scrape, String name, String labels) {
		Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)").matcher(scrape);
		while (m.find()) {
			if (m.group(1).contains(labels)) {
				return Double.parseDouble(m.group(2));
			}
		}
		return 0;
	}

}
