package dev.priora.progress.web;

import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.aRelease;
import static dev.priora.support.Fixtures.aSprint;
import static dev.priora.support.Fixtures.aStory;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.priora.support.ApiClient;
import dev.priora.support.BrowserlessSession;
import dev.priora.support.IntegrationTestBase;
import dev.priora.support.TestProduct;

/**
 * The sprint and release pages as a product owner uses them: the review keeps what was
 * ticked, and the release names its sprints where it shows their numbers.
 */
class ProgressPagesIntegrationTest extends IntegrationTestBase {

	private static final Pattern CHECKBOX = Pattern
		.compile("<input type=\"checkbox\" name=\"criteria\" value=\"(\\d)\"( checked=\"checked\")?");

	@Test
	void reviewShowsTheCriteriaTickedOnTheItemAndKeepsTheTicksAfterARefusalAndOnReload() {
		ApiClient api = api();
		TestProduct product = aProduct("PRT").named("Review ticks").createdBy(api);
		String base = product.base();
		long release = aRelease("R").capacity(20).in(product);
		long sprint = aSprint("S").starting(LocalDate.now().minusDays(3)).capacity(10).forRelease(release).in(product);
		api.post(base + "/items", """
				{"type":"STORY","title":"Gift cards","description":"Why","estimate":3,"acceptanceCriteria":[
				{"statement":"Buy a card","done":true},{"statement":"Redeem a card","done":false},
				{"statement":"See the balance","done":false}]}""");
		product.plan("PRT-1", release, sprint);
		api.post(base + "/sprints/" + sprint + "/start", "{\"force\":true}");
		product.finish("PRT-1");
		BrowserlessSession owner = BrowserlessSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		String page = "/p/PRT/sprints/" + sprint;

		// before any verdict, the review starts from what was ticked on the item
		assertThat(ticked(owner.get(page).body())).containsExactly(0);

		// accepting with a criterion open is refused on the item's card, the ticks and
		// the
		// reason kept
		HttpResponse<String> refused = owner.post(page + "/review",
				List.of(Map.entry("item", "PRT-1"), Map.entry("criteria", "0"), Map.entry("criteria", "2"),
						Map.entry("reason", "balance is late"), Map.entry("verdict", "accept")));
		// post/redirect/get: the sprint page at the item's card, so a reload posts
		// nothing
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(refused.headers().firstValue("Location").orElse("")).endsWith(page + "#review-PRT-1");
		String card = card(owner.get(page).body(), "PRT-1");
		assertThat(card).contains("error-summary").contains("Redeem a card");
		assertThat(ticked(card)).containsExactly(0, 2);
		assertThat(card).contains("value=\"balance is late\"");

		HttpResponse<String> accepted = owner.post(page + "/review",
				List.of(Map.entry("item", "PRT-1"), Map.entry("criteria", "0"), Map.entry("criteria", "1"),
						Map.entry("criteria", "2"), Map.entry("verdict", "accept")));
		assertThat(accepted.statusCode()).isEqualTo(302);
		assertThat(accepted.headers().firstValue("Location").orElse("")).endsWith(page);
		String reloaded = owner.get(page).body();
		assertThat(ticked(card(reloaded, "PRT-1"))).containsExactly(0, 1, 2);
		assertThat(card(reloaded, "PRT-1")).contains("accepted").doesNotContain("error-summary");
	}

	@Test
	void releaseProgressNamesItsSprintsInTheVelocityAndTheSpilloverWithOneNumberFormat() {
		ApiClient api = api();
		TestProduct product = aProduct("PRN").named("Named sprints").createdBy(api);
		String base = product.base();
		LocalDate today = LocalDate.now();
		long release = aRelease("Launch").capacity(40).in(product);
		long first = aSprint("Sprint Alpha").starting(today.minusDays(28)).capacity(10).forRelease(release).in(product);
		long second = aSprint("Sprint Beta").starting(today.minusDays(14)).capacity(10).forRelease(release).in(product);
		aStory("Done in alpha").estimate(5).ready().in(product);
		aStory("Spills over").estimate(3).ready().in(product);
		for (String key : new String[] { "PRN-1", "PRN-2" }) {
			product.plan(key, release, first);
		}
		api.post(base + "/sprints/" + first + "/start", "{\"force\":true}");
		product.finish("PRN-1");
		assertThat(api.post(base + "/sprints/" + first + "/close", "{\"nextSprintId\":" + second + "}").status())
			.isEqualTo(200);

		BrowserlessSession owner = BrowserlessSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		String body = owner.get("/p/PRN/releases/" + release + "/progress").body();
		assertThat(body).contains("id=\"spillover-trend\"");
		String risk = body.substring(body.indexOf("id=\"spillover-trend\""));
		risk = risk.substring(0, risk.indexOf("</li>"));
		assertThat(risk).contains("Sprint Alpha: 3 points").doesNotContain("3.00");
		Matcher chart = Pattern
			.compile("id=\"velocity\"[^>]*data-chart=\"([^\"]*)\"|data-chart=\"([^\"]*)\"[^>]*id=\"velocity\"")
			.matcher(body);
		assertThat(chart.find()).as("the velocity chart is on the page").isTrue();
		String json = chart.group(1) != null ? chart.group(1) : chart.group(2);
		assertThat(json).contains("Sprint Alpha");
	}

	/** The indexes of the ticked criteria checkboxes in this HTML, in order. */
	private static List<Integer> ticked(String html) {
		Matcher m = CHECKBOX.matcher(html);
		List<Integer> ticked = new java.util.ArrayList<>();
		while (m.find()) {
			if (m.group(2) != null) {
				ticked.add(Integer.valueOf(m.group(1)));
			}
		}
		return ticked;
	}

	/** The review card of an item. */
	private static String card(String html, String key) {
		int start = html.indexOf("data-key=\"" + key + "\" class=\"review-item");
		if (start < 0) {
			start = html.indexOf("class=\"review-item card\" data-key=\"" + key + "\"");
		}
		if (start < 0) {
			start = html.indexOf("class=\"review-item card\" id=\"review-" + key + "\"");
		}
		assertThat(start).as("the review card of " + key).isNotNegative();
		int end = html.indexOf("class=\"review-item", start + 30);
		return html.substring(start, end < 0 ? html.length() : end);
	}

}
