package dev.priora.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.priora.accounts.AccountService;
import dev.priora.accounts.ProductRole;
import dev.priora.accounts.ProductRoles;
import dev.priora.support.ApiClient;
import dev.priora.support.IntegrationTestBase;

/**
 * The team's and the product's work: assignment, sprint review, an applied plan, new
 * feedback in a watched inbox and an import's end notify the right people only, on H2 and
 * PostgreSQL.
 */
class WorkNotificationsIntegrationTest extends IntegrationTestBase {

	@Autowired
	AccountService accounts;

	@Autowired
	ProductRoles roles;

	private People people(String product) {
		return new People(port, accounts, roles, api(), product);
	}

	private static long member(ApiClient api, String product, String name, String email) {
		var r = api.post("/api/v1/products/" + product + "/team",
				"{\"name\":\"" + name + "\",\"email\":\"" + email + "\",\"capacity\":10}");
		assertThat(r.status()).as(r.text()).isEqualTo(201);
		return r.json().get("id").asLong();
	}

	private static void assign(ApiClient api, String product, String item, long member) {
		var r = api.put("/api/v1/products/" + product + "/items/" + item + "/assignee", "{\"memberId\":" + member + "}",
				null);
		assertThat(r.status()).as(r.text()).isLessThan(300);
	}

	@Test
	void anAssignmentNotifiesTheUserWithTheMembersEmailWhoThenWatches() {
		People p = people("NAS");
		ApiClient bob = p.person("bob@nas.test", "Bob Baker", ProductRole.MEMBER);
		ApiClient ann = p.person("ann@nas.test", "Ann Archer", ProductRole.OWNER);
		String item = p.item(api(), "Export", "");
		long bobMember = member(api(), "NAS", "Bob", "BOB@nas.test");
		long outsider = member(api(), "NAS", "Zed", "zed@elsewhere.test");

		assign(ann, "NAS", item, bobMember);
		assertThat(p.told(bob)).containsExactly("ASSIGNED " + item);
		assertThat(p.told(ann)).isEmpty();

		p.comment(api(), item, "Thanks");
		assertThat(p.told(bob)).as("the assignee watches").containsExactly("COMMENTED " + item, "ASSIGNED " + item);

		assign(api(), "NAS", item, outsider);
		assertThat(p.told(bob)).as("someone else assigned: nothing new").hasSize(2);
	}

	@Test
	void aReviewVerdictNotifiesTheItemsAssigneeAndAuthor() {
		People p = people("NRV");
		ApiClient bob = p.person("bob@nrv.test", "Bob Baker", ProductRole.OWNER);
		ApiClient ann = p.person("ann@nrv.test", "Ann Archer", ProductRole.VIEWER);
		String base = "/api/v1/products/NRV";
		long release = api().post(base + "/releases", "{\"name\":\"R\",\"capacity\":20}").json().get("id").asLong();
		LocalDate start = LocalDate.now().minusDays(7);
		var sprint = api().post(base + "/sprints", "{\"name\":\"S1\",\"start\":\"" + start + "\",\"end\":\""
				+ start.plusDays(13) + "\",\"capacity\":10,\"releaseId\":" + release + "}");
		assertThat(sprint.status()).as(sprint.text()).isEqualTo(201);
		long sprintId = sprint.json().get("id").asLong();
		var created = bob.post(base + "/items", "{\"type\":\"STORY\",\"title\":\"Coupons\",\"description\":\"Why\","
				+ "\"estimate\":3,\"acceptanceCriteria\":[{\"statement\":\"It works\"}]}");
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		String item = created.json().get("key").asText();
		api().put(base + "/items/" + item + "/release", "{\"releaseId\":" + release + ",\"sprintId\":" + sprintId + "}",
				null);
		for (String status : new String[] { "READY", "IN_PROGRESS", "DONE" }) {
			var r = api().patch(base + "/items/" + item, "{\"status\":\"" + status + "\"}",
					api().get(base + "/items/" + item).etag());
			assertThat(r.status()).as(r.text()).isEqualTo(200);
		}
		p.watch(ann, item, false);

		var rejected = api().post(base + "/sprints/" + sprintId + "/review",
				"{\"item\":\"" + item + "\",\"accepted\":false,\"reason\":\"Misses the edge cases\"}");
		assertThat(rejected.status()).as(rejected.text()).isEqualTo(200);

		var told = bob.get("/api/v1/notifications?size=100").json().get("items");
		assertThat(told.get(0).get("kind").asText()).isEqualTo("REVIEWED");
		assertThat(told.get(0).get("message").asText()).contains("rejected").contains("Misses the edge cases");
		assertThat(p.told(ann)).isEmpty();
	}

	@Test
	void anAppliedPlanNotifiesTheAssigneesOfTheItemsItMoved() throws InterruptedException {
		People p = people("NPL");
		ApiClient bob = p.person("bob@npl.test", "Bob Baker", ProductRole.VIEWER);
		String base = "/api/v1/products/NPL";
		for (String title : new String[] { "One", "Two" }) {
			assertThat(api().post(base + "/items", "{\"type\":\"STORY\",\"title\":\"" + title + "\",\"estimate\":3}")
				.status()).isEqualTo(201);
		}
		assign(api(), "NPL", "NPL-1", member(api(), "NPL", "Bob", "bob@npl.test"));
		long model = 0;
		for (var m : api().get(base + "/scoring-models").json()) {
			if ("VALUE_EFFORT".equals(m.get("preset").asText())) {
				model = m.get("id").asLong();
			}
		}
		api().post(base + "/scoring-models/" + model + "/activate", null);
		for (String item : new String[] { "NPL-1", "NPL-2" }) {
			assertThat(api().put(base + "/items/" + item + "/scores/" + model, "{\"inputs\":{\"value\":\"40\"}}", null)
				.status()).isEqualTo(200);
		}
		assertThat(api().post(base + "/releases", "{\"name\":\"R1\",\"capacity\":20}").status()).isEqualTo(201);
		long plan = api().post(base + "/plans", "{\"name\":\"Spring\",\"timeLimitSeconds\":5}")
			.json()
			.get("id")
			.asLong();
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (!api().get(base + "/plans/" + plan).json().get("state").asText().matches("DONE|CANCELLED|FAILED")
				&& Instant.now().isBefore(deadline)) {
			Thread.sleep(200);
		}
		var applied = api().post(base + "/plans/" + plan + "/apply", null);
		assertThat(applied.status()).as(applied.text()).isEqualTo(200);
		assertThat(api().get(base + "/items/NPL-1/history").text()).contains("applied");

		assertThat(p.told(bob)).containsExactly("PLAN_MOVED NPL-1", "ASSIGNED NPL-1");
	}

	@Test
	void newFeedbackNotifiesTheInboxsWatchers() {
		People p = people("NFB");
		ApiClient ann = p.person("ann@nfb.test", "Ann Archer", ProductRole.VIEWER);
		ApiClient bob = p.person("bob@nfb.test", "Bob Baker", ProductRole.VIEWER);
		var watch = ann.put("/api/v1/products/NFB/inbox/watch", "{\"watching\":true}", null);
		assertThat(watch.json().get("watching").asBoolean()).isTrue();

		var fb = api().post("/api/v1/products/NFB/feedback", "{\"text\":\"Dark mode please\"}");
		assertThat(fb.status()).as(fb.text()).isEqualTo(201);

		assertThat(p.told(ann)).containsExactly("FEEDBACK_RECEIVED -");
		assertThat(p.told(bob)).isEmpty();
	}

	@Test
	void anImportsEndNotifiesWhoStartedIt() throws InterruptedException {
		People p = people("NIM");
		ApiClient ann = p.person("ann@nim.test", "Ann Archer", ProductRole.OWNER);
		var started = ann.postFile("/api/v1/products/NIM/feedback/import?text=body&async=true",
				"body\nFaster search\n".getBytes(StandardCharsets.UTF_8), "text/csv");
		assertThat(started.status()).as(started.text()).isEqualTo(202);
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (p.told(ann).isEmpty() && Instant.now().isBefore(deadline)) {
			Thread.sleep(200);
		}
		var told = ann.get("/api/v1/notifications").json().get("items").get(0);
		assertThat(told.get("kind").asText()).isEqualTo("IMPORT_ENDED");
		assertThat(told.get("message").asText()).isEqualTo("finished");
		assertThat(told.get("link").asText()).startsWith("/p/NIM/feedback/import/");
		assertThat(p.told(api())).as("only who started it").isEmpty();
	}

}
