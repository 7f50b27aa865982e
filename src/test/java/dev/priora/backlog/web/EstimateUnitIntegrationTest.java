package dev.priora.backlog.web;

import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.aRelease;
import static dev.priora.support.Fixtures.aStory;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.priora.support.ApiClient;
import dev.priora.support.BrowserlessSession;
import dev.priora.support.IntegrationTestBase;
import dev.priora.support.TestProduct;

/** A product that estimates in hours: capacities, boards and the team count hours. */
class EstimateUnitIntegrationTest extends IntegrationTestBase {

	@Test
	void aProductEstimatedInHoursSaysHoursEverywhere() {
		ApiClient api = api();
		TestProduct product = aProduct("HRS").named("Hours").createdBy(api);
		var updated = api.put("/api/v1/products/HRS",
				"{\"name\":\"Hours\",\"estimateScale\":[1,2,4,8,16],\"estimateUnit\":\"HOURS\"}", "\"0\"");
		assertThat(updated.status()).as(updated.text()).isEqualTo(200);
		assertThat(api.get("/api/v1/products/HRS").json().get("estimateUnit").asText()).isEqualTo("HOURS");
		assertThat(api.put("/api/v1/products/HRS", "{\"name\":\"Hours\",\"estimateUnit\":\"DAYS\"}", "\"1\"").status())
			.isEqualTo(400);
		String scaleBefore = api.get("/api/v1/products/HRS").json().get("estimateScale").toString();
		for (String scale : new String[] { "[1,4,2]", "[1,2,2,4]", "[1,2.0,2]" }) {
			var refused = api.put("/api/v1/products/HRS", "{\"name\":\"Hours\",\"estimateScale\":" + scale + "}",
					"\"1\"");
			assertThat(refused.status()).as(scale).isEqualTo(400);
			assertThat(refused.text()).as(scale).contains("estimateScale", "from the smallest to the largest");
		}
		assertThat(api.get("/api/v1/products/HRS").json().get("estimateScale").toString()).as("unchanged")
			.isEqualTo(scaleBefore);
		aStory("Hourly work").estimate(4).in(product);
		long release = aRelease("H1").capacity(40).in(product);
		api.put("/api/v1/products/HRS/items/HRS-1/release", "{\"releaseId\":" + release + "}", null);

		BrowserlessSession owner = BrowserlessSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		String board = owner.get("/p/HRS/releases").body();
		assertThat(board).contains("4 / 40 h").contains("4 h");
		assertThat(owner.get("/p/HRS/items/HRS-1").body()).contains("4 hours");
		assertThat(owner.get("/p/HRS/team").body()).contains("<span>Capacity per sprint (hours)</span>");
		assertThat(owner.get("/p/HRS/settings").body()).contains("<option value=\"HOURS\" selected=\"selected\">hours");
		assertThat(owner.get("/p/SHOP/releases").body()).contains(" pts</span>").doesNotContain(" h</span>");
	}

}
