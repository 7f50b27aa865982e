package dev.priora.progress.web;

import static dev.priora.support.Fixtures.aCustomer;
import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.aRelease;
import static dev.priora.support.Fixtures.aSprint;
import static dev.priora.support.Fixtures.aStory;
import static dev.priora.support.Fixtures.someFeedback;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.priora.support.ApiClient;
import dev.priora.support.ApiClient.Response;
import dev.priora.support.IntegrationTestBase;
import dev.priora.support.TestProduct;
import tools.jackson.databind.JsonNode;

/**
 * "What would it take" through the API: the preview names the least valuable items whose
 * move lets the release reach the confidence, the apply moves them in one change, and the
 * release's odds then reach it.
 */
class WhatItTakesIntegrationTest extends IntegrationTestBase {

	/**
	 * Product {@code key}: R1 due in 28 days with six 5-point stories valued 60, 50, … 10
	 * (value ÷ effort), R2 due in 56 days and empty; four two-week sprints of 10 points.
	 * Answers R1's and R2's ids and Sprint 2's (R1's second sprint).
	 */
	static long[] offTrack(TestProduct product) {
		LocalDate today = LocalDate.now();
		long r1 = aRelease("R1").targetDate(today.plusDays(28)).capacity(40).in(product);
		long r2 = aRelease("R2").targetDate(today.plusDays(56)).capacity(40).in(product);
		long second = 0;
		for (int s = 0; s < 4; s++) {
			long sprint = aSprint("Sprint " + (s + 1)).starting(today.plusDays(14L * s))
				.ending(today.plusDays(14L * s + 13))
				.capacity(10)
				.forRelease(s < 2 ? r1 : r2)
				.in(product);
			second = s == 1 ? sprint : second;
		}
		ApiClient api = product.api();
		long model = 0;
		for (JsonNode m : api.get(product.base() + "/scoring-models").json()) {
			if ("VALUE_EFFORT".equals(m.get("preset").asText())) {
				model = m.get("id").asLong();
			}
		}
		api.post(product.base() + "/scoring-models/" + model + "/activate", null);
		for (int i = 1; i <= 6; i++) {
			aStory("Story " + i).estimate(5).in(product);
			product.planInRelease(product.item(i), r1);
			api.put(product.base() + "/items/" + product.item(i) + "/scores/" + model,
					"{\"inputs\":{\"value\":\"" + (70 - 10 * i) + "\"}}", null);
		}
		return new long[] { r1, r2, second };
	}

	@Test
	void previewsTheLeastValuableItemsToMoveAndAppliesThemToTheNextRelease() {
		ApiClient api = api();
		TestProduct product = aProduct("PWT").named("What it takes").createdBy(api);
		long[] releases = offTrack(product);
		String path = product.base() + "/releases/" + releases[0] + "/what-it-takes";
		JsonNode preview = api.get(path).json();
		assertThat(preview.get("confidence").asDouble()).isEqualTo(0.85);
		assertThat(preview.get("oddsNow").asDouble()).isLessThan(0.5);
		assertThat(preview.get("oddsAfter").asDouble()).isGreaterThanOrEqualTo(0.85);
		assertThat(preview.get("reachable").asBoolean()).isTrue();
		assertThat(preview.get("nextRelease").asText()).isEqualTo("R2");
		List<String> keys = new ArrayList<>();
		preview.get("items").forEach(i -> keys.add(i.get("key").asText()));
		// 30 points where about 13 can be promised: the least valuable stories go, the
		// most valuable stay
		assertThat(keys).hasSizeBetween(3, 5).contains(product.item(6)).doesNotContain(product.item(1));
		for (int i = 6; i > 6 - keys.size(); i--) {
			assertThat(keys).contains(product.item(i));
		}
		assertThat(preview.get("valueLost").asLong()).isPositive();

		Response applied = api.post(path, "{\"confidence\":0.85,\"to\":\"NEXT\",\"items\":" + json(keys) + "}");
		assertThat(applied.status()).as(applied.text()).isEqualTo(200);
		assertThat(applied.json().get("oddsNow").asDouble()).isGreaterThanOrEqualTo(0.85);
		assertThat(applied.json().get("items")).isEmpty();
		JsonNode again = api.get(path).json();
		assertThat(again.get("note").asText()).startsWith("already done by its target");
		String history = api.get(product.base() + "/items/" + keys.get(0) + "/history").text();
		assertThat(history).contains("moved out of R1 to reach 85 %").contains("R2");

		Response twice = api.post(path, "{\"items\":" + json(keys) + "}");
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.contentType()).startsWith("application/problem+json");
	}

	@Test
	void refusesABadConfidenceOrDestinationByNameAndMovesNothing() {
		ApiClient api = api();
		TestProduct product = aProduct("PWU").named("What it takes, refused").createdBy(api);
		long[] releases = offTrack(product);
		String path = product.base() + "/releases/" + releases[0] + "/what-it-takes";
		Response badConfidence = api.get(path + "?confidence=2");
		assertThat(badConfidence.status()).isEqualTo(400);
		assertThat(badConfidence.text()).contains("\"field\":\"confidence\"");
		Response badTo = api.post(path, "{\"items\":[\"PWU-6\"],\"to\":\"MARS\"}");
		assertThat(badTo.status()).isEqualTo(400);
		assertThat(badTo.text()).contains("\"field\":\"to\"");
		Response notThere = api.post(path, "{\"items\":[\"PWU-6\",\"PWU-99\"],\"to\":\"BACKLOG\"}");
		assertThat(notThere.status()).isEqualTo(404);
		assertThat(api.get(path).json().get("oddsNow").asDouble()).isLessThan(0.5);
		String history = api.get(product.base() + "/items/PWU-6/history").text();
		assertThat(history).doesNotContain("moved out of R1");
	}

	@Test
	void datesWhatEachCustomerAskedForByTheLastReleaseItIsIn() {
		ApiClient api = api();
		TestProduct product = aProduct("PWC").named("Customer promises").createdBy(api);
		long[] releases = offTrack(product);
		aStory("Unplanned").estimate(3).in(product);
		product.planInRelease("PWC-6", releases[1]);
		long early = aCustomer("Early").in(product);
		long late = aCustomer("Late").in(product);
		long waiting = aCustomer("Waiting").in(product);
		String[][] links = { { "" + early, "PWC-1" }, { "" + late, "PWC-2" }, { "" + late, "PWC-6" },
				{ "" + waiting, "PWC-7" } };
		for (String[] link : links) {
			long f = someFeedback("please").from(Long.parseLong(link[0])).in(product);
			api.post(product.base() + "/feedback/" + f + "/links",
					"{\"item\":\"" + link[1] + "\",\"importance\":\"IMPORTANT\"}");
		}
		JsonNode promises = api.get(product.base() + "/customer-promises").json();
		JsonNode r1 = api.get(product.base() + "/release-forecasts").json().get(0).get("forecast");
		JsonNode r2 = api.get(product.base() + "/release-forecasts").json().get(1).get("forecast");
		assertThat(promises).hasSize(3);
		assertThat(promises.get(0).get("customer").asText()).isEqualTo("Early");
		assertThat(promises.get(0).get("p50").asText()).isEqualTo(r1.get("p50Date").asText());
		assertThat(promises.get(0).get("p85").asText()).isEqualTo(r1.get("p85Date").asText());
		assertThat(promises.get(1).get("release").asText()).isEqualTo("R2");
		assertThat(promises.get(1).get("p85").asText()).isEqualTo(r2.get("p85Date").asText());
		assertThat(promises.get(2).get("p50").isNull()).isTrue();
		assertThat(promises.get(2).get("why").asText()).isEqualTo("PWC-7 is in no unreleased release");
		String page = dev.priora.support.BrowserlessSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD)
			.withHeader("HX-Request", "true")
			.get("/p/PWC/customers/" + late + "/promise")
			.body();
		assertThat(page).contains("id=\"promise-p85\"").contains("the last of them is in R2");

		long plan = api.post(product.base() + "/plans", "{\"value\":\"CUSTOMER\",\"timeLimitSeconds\":2}")
			.json()
			.get("id")
			.asLong();
		dev.priora.support.Eventually.ended(api, product.base() + "/plans/" + plan);
		JsonNode odds = api.get(product.base() + "/plans/" + plan + "/forecasts").json();
		JsonNode underPlan = api.get(product.base() + "/plans/" + plan + "/customer-promises").json();
		assertThat(underPlan).hasSize(3);
		int dated = 0;
		for (JsonNode c : underPlan) {
			for (JsonNode r : odds) {
				if (r.get("name").asText().equals(c.get("release").asText())) {
					assertThat(c.get("p85").asText()).isEqualTo(r.get("forecast").get("p85Date").asText());
					dated++;
				}
			}
		}
		assertThat(dated).isPositive();
	}

	private static String json(List<String> keys) {
		return "[\"" + String.join("\",\"", keys) + "\"]";
	}

}
