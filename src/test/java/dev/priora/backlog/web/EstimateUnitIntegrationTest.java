package dev.priora.backlog.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.priora.support.ApiClient;
import dev.priora.support.BrowserlessSession;
import dev.priora.support.IntegrationTestBase;

/** A product that estimates in hours: capacities, boards and the team count hours. */
class EstimateUnitIntegrationTest extends IntegrationTestBase {

	@Test
	void aProductEstimatedInHoursSaysHoursEverywhere() {
		ApiClient api = api();
		api.post("/api/v1/products", "{\"key\":\"HRS\",\"name\":\"Hours\"}");
		var updated = api.put("/api/v1/products/HRS",
				"{\"name\":\"Hours\",\"estimateScale\":[1,2,4,8,16],\"estimateUnit\":\"HOURS\"}", "\"0\"");
		assertThat(updated.status()).as(updated.text()).isEqualTo(200);
		assertThat(api.get("/api/v1/products/HRS").json().get("estimateUnit").asText()).isEqualTo("HOURS");
		assertThat(api.put("/api/v1/products/HRS", "{\"name\":\"Hours\",\"estimateUnit\":\"DAYS\"}", "\"1\"").status())
			.isEqualTo(400);
		api.post("/api/v1/products/HRS/items", "{\"type\":\"STORY\",\"title\":\"Hourly work\",\"estimate\":4}");
		long release = api.post("/api/v1/products/HRS/releases", "{\"name\":\"H1\",\"capacity\":40}")
			.json()
			.get("id")
			.asLong();
		api.put("/api/v1/products/HRS/items/HRS-1/release", "{\"releaseId\":" + release + "}", null);

		BrowserlessSession owner = BrowserlessSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		String board = owner.get("/p/HRS/releases").body();
		assertThat(board).contains("4 / 40 h").contains("4 h");
		assertThat(owner.get("/p/HRS/items/HRS-1").body()).contains("4 hours");
		assertThat(owner.get("/p/HRS/team").body()).contains("Capacity per sprint (<span>hours</span>)");
		assertThat(owner.get("/p/HRS/settings").body()).contains("<option value=\"HOURS\" selected=\"selected\">hours");
		assertThat(owner.get("/p/SHOP/releases").body()).contains(" pts</span>").doesNotContain(" h</span>");
	}

}
