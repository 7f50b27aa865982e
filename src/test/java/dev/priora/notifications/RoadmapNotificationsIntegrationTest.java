package dev.priora.notifications;

import static dev.priora.support.Fixtures.aRelease;
import static dev.priora.support.Fixtures.aSprint;
import static dev.priora.support.Fixtures.aStory;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.priora.accounts.AccountService;
import dev.priora.accounts.ProductRole;
import dev.priora.accounts.ProductRoles;
import dev.priora.support.ApiClient;
import dev.priora.support.Eventually;
import dev.priora.support.IntegrationTestBase;
import dev.priora.support.TestProduct;
import tools.jackson.databind.JsonNode;

/**
 * What the roadmap notifies, on H2 and PostgreSQL: a release's forecast flag changing, to
 * its watchers, once per change; mentions in roadmap comments, never to someone without
 * access.
 */
class RoadmapNotificationsIntegrationTest extends IntegrationTestBase {

	@Autowired
	AccountService accounts;

	@Autowired
	ProductRoles roles;

	@Autowired
	JdbcClient jdbc;

	private People people(String product) {
		return new People(port, accounts, roles, api(), product);
	}

	/** The release's notifications to {@code who}: their messages, newest first. */
	private static List<String> flagChanges(ApiClient who, String product) {
		List<String> told = new java.util.ArrayList<>();
		for (JsonNode n : who.get("/api/v1/notifications?size=100").json().get("items")) {
			if (n.get("productKey").asText().equals(product) && n.get("kind").asText().equals("RELEASE_FLAG")) {
				told.add(n.get("subject").asText() + ": " + n.get("message").asText());
			}
		}
		return told;
	}

	/** The release's flag as last stored (null: none yet). */
	private String storedFlag(long release) {
		return jdbc.sql("select flag from release_flags where release_id = ?")
			.param(release)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	/**
	 * Release Launch (due in 45 days) of product {@code p} with three closed sprints of
	 * 10 points done and 10 points left: on track.
	 */
	private long launchOnTrack(People p) {
		TestProduct product = new TestProduct(api(), p.product);
		LocalDate today = LocalDate.now();
		long release = aRelease("Launch").capacity(40).targetDate(today.plusDays(45)).in(product);
		for (int s = 0; s < 3; s++) {
			long sprint = aSprint("Sprint " + (s + 1)).starting(today.minusDays(42 - 14L * s))
				.capacity(10)
				.forRelease(release)
				.in(product);
			String[] items = { aStory("Done " + s + "a").estimate(5).ready().in(product),
					aStory("Done " + s + "b").estimate(5).ready().in(product) };
			for (String item : items) {
				product.plan(item, release, sprint);
			}
			assertThat(api().post(product.base() + "/sprints/" + sprint + "/start", "{}").status()).isEqualTo(200);
			for (String item : items) {
				product.finish(item);
			}
			assertThat(api().post(product.base() + "/sprints/" + sprint + "/close", "{}").status()).isEqualTo(200);
		}
		for (int i = 0; i < 2; i++) {
			product.planInRelease(aStory("Left " + i).estimate(5).ready().in(product), release);
		}
		return release;
	}

	/** Waits until the product's flags are computed for every change so far. */
	private void settled(String product) {
		Eventually.eventually()
			.alias("the release flags of " + product + " are computed")
			.until(() -> jdbc.sql("select count(*) from release_flag_requests where product_key = ?")
				.param(product)
				.query(Long.class)
				.single(), n -> n == 0);
	}

	@Test
	void aReleasesWatchersAreToldWhenItsForecastFlagChangesAndOnlyThen() {
		People p = people("RFW");
		ApiClient ann = p.person("ann@rfw.test", "Ann Archer", ProductRole.VIEWER);
		ApiClient carol = p.person("carol@rfw.test", "Carol Cole", ProductRole.VIEWER);
		long release = launchOnTrack(p);
		settled("RFW");
		assertThat(storedFlag(release)).isEqualTo("on track");
		var watch = ann.put("/api/v1/products/RFW/releases/" + release + "/watch", "{\"watching\":true}", null);
		assertThat(watch.status()).as(watch.text()).isEqualTo(200);

		TestProduct product = new TestProduct(api(), "RFW");
		for (int i = 0; i < 20; i++) {
			product.planInRelease(aStory("Later " + i).estimate(5).ready().in(product), release);
		}
		List<String> told = Eventually.eventually()
			.alias("Ann is told")
			.until(() -> flagChanges(ann, "RFW"), l -> !l.isEmpty());
		assertThat(told).containsExactly("Launch: the forecast went from on track to off track");
		assertThat(storedFlag(release)).isEqualTo("off track");
		assertThat(flagChanges(carol, "RFW")).as("not a watcher").isEmpty();
		assertThat(flagChanges(api(), "RFW")).as("not a watcher").isEmpty();

		product.planInRelease(aStory("One more").estimate(5).ready().in(product), release);
		settled("RFW");
		assertThat(flagChanges(ann, "RFW")).as("still off track: no second notification").hasSize(1);
	}

	@Test
	void aReleasesOwnEditMovesItsFlag() {
		People p = people("RFE");
		ApiClient ann = p.person("ann@rfe.test", "Ann Archer", ProductRole.VIEWER);
		long release = launchOnTrack(p);
		settled("RFE");
		assertThat(storedFlag(release)).isEqualTo("on track");
		assertThat(ann.put("/api/v1/products/RFE/releases/" + release + "/watch", "{\"watching\":true}", null).status())
			.isEqualTo(200);

		String path = "/api/v1/products/RFE/releases/" + release;
		var moved = api().put(path,
				"{\"name\":\"Launch\",\"targetDate\":\"" + LocalDate.now().plusDays(1) + "\",\"capacity\":40}",
				api().get(path).etag());
		assertThat(moved.status()).as(moved.text()).isEqualTo(200);
		assertThat(Eventually.eventually()
			.alias("Ann is told of the target date moved to tomorrow")
			.until(() -> flagChanges(ann, "RFE"), l -> !l.isEmpty()))
			.containsExactly("Launch: the forecast went from on track to off track");
	}

	@Test
	void daysPassingAreSeenByTheRecurringRefreshWithoutAnyChange() {
		People p = people("RFD");
		ApiClient ann = p.person("ann@rfd.test", "Ann Archer", ProductRole.VIEWER);
		long release = launchOnTrack(p);
		settled("RFD");
		assertThat(ann.put("/api/v1/products/RFD/releases/" + release + "/watch", "{\"watching\":true}", null).status())
			.isEqualTo(200);
		// as if stored on an earlier day, when the same work was late against the target
		jdbc.sql("update release_flags set flag = 'off track' where release_id = ?").param(release).update();

		// the hourly task, made due now (nothing else changed in the product)
		jdbc.sql("update scheduled_tasks set execution_time = ? where task_name = 'release-flags-refresh'")
			.param(java.sql.Timestamp.from(java.time.Instant.now()))
			.update();
		assertThat(Eventually.eventually()
			.alias("the refresh computes RFD's flags again")
			.until(() -> flagChanges(ann, "RFD"), l -> !l.isEmpty()))
			.containsExactly("Launch: the forecast went from off track to on track");
		assertThat(storedFlag(release)).isEqualTo("on track");
	}

	@Test
	void aMentionInARoadmapCommentNotifiesTheMemberAndNeverSomeoneWithoutAccess() {
		People p = people("RMN");
		ApiClient bob = p.person("bob@rmn.test", "Bob Baker", ProductRole.VIEWER);
		ApiClient carol = p.person("carol@rmn.test", "Carol Cole", null);
		var posted = api().post("/api/v1/products/RMN/roadmap/comments",
				ApiClient.json(Map.of("entry", "", "body", "@Bob Baker and @Carol Cole: is this the right order?")));
		assertThat(posted.status()).as(posted.text()).isEqualTo(201);

		JsonNode told = bob.get("/api/v1/notifications?size=100").json().get("items").get(0);
		assertThat(told.get("kind").asText()).isEqualTo("MENTIONED");
		assertThat(told.get("subject").asText()).isEqualTo("Roadmap");
		assertThat(told.get("message").asText()).contains("mentioned you in a roadmap comment")
			.contains("is this the right order?");
		assertThat(told.get("link").asText()).isEqualTo("/p/RMN/roadmap");
		assertThat(p.told(carol)).as("no access to the product: never told").isEmpty();
		assertThat(p.told(api())).as("the author is not told of their own comment").isEmpty();
	}

	@Test
	void theRoadmapsCommentBoxOffersTheMentionAutocomplete() {
		people("RMA");
		var page = dev.priora.support.BrowserlessSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD)
			.get("/p/RMA/roadmap");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("data-mentions=\"/p/RMA/mentionable\"");
	}

}
