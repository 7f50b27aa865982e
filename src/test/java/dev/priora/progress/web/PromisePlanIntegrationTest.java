package dev.priora.progress.web;

import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.aRelease;
import static dev.priora.support.Fixtures.aSprint;
import static dev.priora.support.Fixtures.aStory;
import static dev.priora.support.Fixtures.aTeamMember;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.priora.support.ApiClient;
import dev.priora.support.ApiClient.Response;
import dev.priora.support.Eventually;
import dev.priora.support.IntegrationTestBase;
import dev.priora.support.TestProduct;
import tools.jackson.databind.JsonNode;

/**
 * "Only what we can promise" through the API: each release holds only what the team
 * finishes by its target date at the plan's confidence, the result names what the plain
 * plan had that was left out, and the plan's odds reach the confidence.
 */
class PromisePlanIntegrationTest extends IntegrationTestBase {

	/**
	 * Product {@code key}: R1 due in 28 days and R2 in 56, 40 points each as set; four
	 * two-week sprints of 10 points (the stated velocity); twelve 5-point stories with
	 * typed values 120, 110, … 10. Answers the typed values as JSON; the sprints' ids go
	 * to {@code sprints}.
	 */
	private static String setUp(TestProduct product, LocalDate today, List<Long> sprints) {
		long r1 = aRelease("R1").targetDate(today.plusDays(28)).capacity(40).in(product);
		long r2 = aRelease("R2").targetDate(today.plusDays(56)).capacity(40).in(product);
		for (int s = 0; s < 4; s++) {
			sprints.add(aSprint("Sprint " + (s + 1)).starting(today.plusDays(14L * s))
				.ending(today.plusDays(14L * s + 13))
				.capacity(10)
				.forRelease(s < 2 ? r1 : r2)
				.in(product));
		}
		List<String> values = new ArrayList<>();
		for (int i = 1; i <= 12; i++) {
			aStory("Story " + i).estimate(5).in(product);
			values.add("\"" + product.key() + "-" + i + "\":" + (130 - 10 * i));
		}
		return "{" + String.join(",", values) + "}";
	}

	private static JsonNode plan(TestProduct product, String settings) {
		Response started = product.api().post(product.base() + "/plans", settings);
		assertThat(started.status()).as(started.text()).isEqualTo(202);
		JsonNode plan = Eventually.ended(product.api(), product.base() + "/plans/" + started.json().get("id").asLong());
		assertThat(plan.get("state").asText()).as(plan.toString()).isEqualTo("DONE");
		return plan;
	}

	@Test
	void fillsEachReleaseOnlyUpToWhatTheTeamFinishesByItsTargetAtTheConfidence() {
		ApiClient api = api();
		TestProduct product = aProduct("PRM").named("Promises").createdBy(api);
		String values = setUp(product, LocalDate.now(), new ArrayList<>());
		JsonNode plan = plan(product, "{\"name\":\"Promise\",\"value\":\"TYPED\",\"values\":" + values
				+ ",\"discount\":0,\"timeLimitSeconds\":4,\"confidence\":0.85}");
		JsonNode result = plan.get("result");
		JsonNode promise = result.get("promise");
		assertThat(plan.get("settings").get("confidence").asDouble()).isEqualTo(0.85);
		assertThat(promise.get("confidence").asDouble()).isEqualTo(0.85);
		assertThat(promise.get("releases")).hasSize(2);
		JsonNode w1 = promise.get("releases").get(0);
		assertThat(w1.get("release").asText()).isEqualTo("R1");
		assertThat(w1.get("capacity").asDouble()).isEqualTo(40);
		// 10 points a sprint ± 30 %, two sprints: far below the 40 points set, above
		// nothing
		assertThat(w1.get("promised").asDouble()).isBetween(5.0, 19.0);
		assertThat(w1.get("note").asText()).contains("85 % odds");
		for (JsonNode use : result.get("capacity")) {
			JsonNode window = promise.get("releases").get(use.get("release").asText().equals("R1") ? 0 : 1);
			assertThat(use.get("used").asDouble()).isLessThanOrEqualTo(window.get("promised").asDouble());
		}
		// the plain plan planned all twelve (60 of 80 points); this one leaves some out
		assertThat(promise.get("plainValue").asLong()).isEqualTo(78000);
		assertThat(promise.get("leftOut").size()).isGreaterThan(0);
		assertThat(promise.get("leftOut").size() + result.get("planned").size()).isEqualTo(12);
		assertThat(promise.get("valueLost").asLong()).isPositive()
			.isEqualTo(promise.get("plainValue").asLong() - result.get("value").asLong());
		assertThat(promise.get("leftOut").get(0).get("reason").asText()).contains("left out to reach 85 %");
		JsonNode odds = api.get(product.base() + "/plans/" + plan.get("id").asLong() + "/forecasts").json();
		for (JsonNode release : odds) {
			assertThat(release.get("forecast").get("probability").asDouble()).as(release.toString())
				.isGreaterThanOrEqualTo(0.83);
		}
	}

	@Test
	void daysOffShrinkWhatCanBePromisedAndABadConfidenceIsRefusedByName() {
		ApiClient api = api();
		TestProduct product = aProduct("PDOFF").named("Promises with days off").createdBy(api);
		LocalDate today = LocalDate.now();
		List<Long> sprints = new ArrayList<>();
		String values = setUp(product, today, sprints);
		Response refused = api.post(product.base() + "/plans",
				"{\"value\":\"TYPED\",\"values\":" + values + ",\"confidence\":1.2}");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.text()).contains("\"field\":\"confidence\"");
		String settings = "{\"value\":\"TYPED\",\"values\":" + values
				+ ",\"discount\":0,\"timeLimitSeconds\":2,\"confidence\":0.5}";
		double before = plan(product, settings).get("result")
			.get("promise")
			.get("releases")
			.get(0)
			.get("promised")
			.asDouble();
		long ann = aTeamMember("Ann").capacity(10).in(product);
		long sprint1 = sprints.get(0);
		Response off = api.put(product.base() + "/team/" + ann + "/days-off",
				"{\"sprintId\":" + sprint1 + ",\"days\":14}", null);
		assertThat(off.status()).as(off.text()).isLessThan(300);
		JsonNode after = plan(product, settings).get("result").get("promise").get("releases").get(0);
		// Ann is the whole team and off for the first of R1's two sprints: about half is
		// left
		assertThat(after.get("promised").asDouble()).isLessThan(before * 0.7).isGreaterThan(before * 0.3);
		assertThat(after.get("note").asText()).contains("(1 sprint of working time after days off)");
	}

}
