package dev.priora.progress.web;

import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.aRelease;
import static dev.priora.support.Fixtures.aSprint;
import static dev.priora.support.Fixtures.aStory;
import static dev.priora.support.Fixtures.aTeamMember;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import dev.priora.support.ApiClient;
import dev.priora.support.BrowserlessSession;
import dev.priora.support.HookReceiver;
import dev.priora.support.IntegrationTestBase;
import dev.priora.support.TestProduct;
import tools.jackson.databind.JsonNode;

class TeamApiIntegrationTest extends IntegrationTestBase {

	/**
	 * Release R (30 points) with sprint S starting today; Ann (10 points, payments) and
	 * Bob (8, search); KEY-1 Wallets (8) and KEY-2 Refunds (5) labelled payments, KEY-3
	 * Filters (3) labelled search, all three in S.
	 */
	private record Team(TestProduct product, long release, long sprint, long ann, long bob) {

		String path(String rest) {
			return product.path(rest);
		}

	}

	private Team team(String key) {
		TestProduct product = aProduct(key).named("Team").createdBy(api());
		long release = aRelease("R").capacity(30).in(product);
		long sprint = aSprint("S").starting(LocalDate.now()).capacity(10).forRelease(release).in(product);
		long ann = aTeamMember("Ann").capacity(10).skills("Payments").in(product);
		long bob = aTeamMember("Bob").capacity(8).skills("search").in(product);
		aStory("Wallets").estimate(8).labels("payments").in(product);
		aStory("Refunds").estimate(5).labels("payments").in(product);
		aStory("Filters").estimate(3).labels("search").in(product);
		for (int i = 1; i <= 3; i++) {
			product.plan(product.item(i), release, sprint);
		}
		return new Team(product, release, sprint, ann, bob);
	}

	@Test
	void refusesAMemberWithATakenNameOrANegativeCapacity() {
		Team team = team("TEN");
		ApiClient api = team.product().api();
		assertThat(api.post(team.path("/team"), "{\"name\":\"Ann\",\"capacity\":5}").status()).isEqualTo(400);
		assertThat(api.post(team.path("/team"), "{\"name\":\"Eve\",\"capacity\":-1}").status()).isEqualTo(400);
		assertThat(api.get(team.path("/team")).json()).as("nobody was added").hasSize(2);
	}

	@Test
	void suggestsWhoShouldTakeAnItemBySkillThenByCapacityLeft() {
		Team team = team("TEM");
		ApiClient api = team.product().api();
		// the payments item goes to Ann, who knows payments
		JsonNode first = api.get(team.path("/items/TEM-1/suggested-assignees?sprint=" + team.sprint())).json();
		assertThat(first.get(0).get("member").get("name").asText()).isEqualTo("Ann");
		assertThat(first.get(0).get("why").asText()).contains("1 matching skill");
		assertThat(api.put(team.path("/items/TEM-1/assignee"), "{\"memberId\":" + team.ann() + "}", null).status())
			.isEqualTo(204);
		assertThat(api.put(team.path("/items/TEM-2/assignee"), "{\"memberId\":" + team.ann() + "}", null).status())
			.isEqualTo(204);
		// the search item: Bob matches; and when skills tie, capacity left decides
		assertThat(api.get(team.path("/items/TEM-3/suggested-assignees?sprint=" + team.sprint()))
			.json()
			.get(0)
			.get("member")
			.get("name")
			.asText()).isEqualTo("Bob");
		assertThat(api.put(team.path("/items/TEM-3/assignee"), "{\"memberId\":999999}", null).status()).isEqualTo(404);
		assertThat(api.get(team.path("/sprints/" + team.sprint() + "/workload"))
			.json()
			.get(1)
			.get("assigned")
			.decimalValue()).as("nobody got TEM-3").isEqualByComparingTo("0");
	}

	@Test
	void showsWorkloadAgainstCapacityInASprintAndAcrossTheRelease() {
		Team team = team("TEW");
		ApiClient api = team.product().api();
		team.product().assign("TEW-1", team.ann());
		team.product().assign("TEW-2", team.ann());
		assertThat(api
			.put(team.path("/team/" + team.ann() + "/days-off"), "{\"sprintId\":" + team.sprint() + ",\"days\":7}",
					null)
			.status()).isEqualTo(204);
		JsonNode load = api.get(team.path("/sprints/" + team.sprint() + "/workload")).json();
		JsonNode annLoad = load.get(0);
		assertThat(annLoad.get("member").get("name").asText()).isEqualTo("Ann");
		assertThat(annLoad.get("capacity").decimalValue()).isEqualByComparingTo("5.0");
		assertThat(annLoad.get("assigned").decimalValue()).isEqualByComparingTo("13");
		assertThat(annLoad.get("over").asBoolean()).isTrue();
		assertThat(load.get(1).get("assigned").decimalValue()).isEqualByComparingTo("0");
		// across the release: a second sprint adds Ann's full 10 to the 5 left in the
		// first
		long second = aSprint("S2").starting(LocalDate.now().plusDays(14))
			.capacity(10)
			.forRelease(team.release())
			.in(team.product());
		JsonNode releaseLoad = api.get(team.path("/releases/" + team.release() + "/workload")).json();
		assertThat(releaseLoad.get(0).get("capacity").decimalValue()).isEqualByComparingTo("15.0");
		assertThat(releaseLoad.get(0).get("daysOff").asInt()).isEqualTo(7);
		assertThat(releaseLoad.get(0).get("assigned").decimalValue()).isEqualByComparingTo("13");
		assertThat(releaseLoad.get(0).get("over").asBoolean()).isFalse();
		assertThat(releaseLoad.get(1).get("capacity").decimalValue()).isEqualByComparingTo("16.0");
		assertThat(api.delete(team.path("/sprints/" + second), null).status()).isEqualTo(204);
		// more days off than the sprint has are refused, and Bob keeps his capacity
		assertThat(api
			.put(team.path("/team/" + team.bob() + "/days-off"), "{\"sprintId\":" + team.sprint() + ",\"days\":99}",
					null)
			.status()).isEqualTo(400);
		assertThat(api.get(team.path("/sprints/" + team.sprint() + "/workload"))
			.json()
			.get(1)
			.get("capacity")
			.decimalValue()).isEqualByComparingTo("8");
	}

	@Test
	void editsAMemberKeepingTheirAssignmentsAndRefusesAClashOrBadCapacityWhole() {
		Team team = team("TEE");
		ApiClient api = team.product().api();
		team.product().assign("TEE-1", team.ann());
		var edited = api.put(team.path("/team/" + team.ann()),
				"{\"name\":\"Ann Lee\",\"email\":\"ann@example.com\",\"capacity\":12,\"skills\":[\"payments\",\"UX\"]}",
				null);
		assertThat(edited.status()).as(edited.text()).isEqualTo(200);
		assertThat(edited.json().get("name").asText()).isEqualTo("Ann Lee");
		assertThat(edited.json().get("skills").toString()).isEqualTo("[\"payments\",\"ux\"]");
		assertThat(api.get(team.path("/sprints/" + team.sprint() + "/workload"))
			.json()
			.get(0)
			.get("assigned")
			.decimalValue()).as("Ann keeps TEE-1").isEqualByComparingTo("8");
		var clash = api.put(team.path("/team/" + team.ann()), "{\"name\":\"Bob\",\"capacity\":12}", null);
		assertThat(clash.status()).isEqualTo(400);
		assertThat(clash.text()).contains("name");
		var negative = api.put(team.path("/team/" + team.ann()), "{\"name\":\"Ann\",\"capacity\":-2}", null);
		assertThat(negative.status()).isEqualTo(400);
		assertThat(negative.text()).contains("capacity");
		assertThat(api.get(team.path("/team")).json().get(0).get("name").asText()).isEqualTo("Ann Lee");
		assertThat(api.get(team.path("/team")).json().get(0).get("capacity").decimalValue()).isEqualByComparingTo("12");
		assertThat(api.put(team.path("/team/999999"), "{\"name\":\"X\",\"capacity\":1}", null).status()).isEqualTo(404);
		assertThat(api.delete(team.path("/team/" + team.bob()), null).status()).isEqualTo(204);
		assertThat(api.get(team.path("/team")).json()).hasSize(1);
	}

	@Test
	void assigneeChangesAreInTheItemHistoryAndSendItemUpdated() throws Exception {
		HttpServer receiver = HookReceiver.start();
		ApiClient api = api();
		String base = "/api/v1/products/TAH";
		try {
			TestProduct product = aProduct("TAH").named("Assignee history").createdBy(api);
			aStory("Wallets").in(product);
			long ann = aTeamMember("Ann").capacity(10).in(product);
			long bob = aTeamMember("Bob").capacity(8).in(product);
			api.put("/api/v1/admin/webhooks", "{\"allowPrivateTargets\":true}", null);
			long hook = api
				.post(base + "/webhooks",
						"{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort()
								+ "/hook\",\"events\":[\"item.updated\"]}")
				.json()
				.get("id")
				.asLong();

			assertThat(api.put(base + "/items/TAH-1/assignee", "{\"memberId\":" + ann + "}", null).status())
				.isEqualTo(204);
			assertThat(api.put(base + "/items/TAH-1/assignee", "{\"memberId\":" + ann + "}", null).status())
				.as("the same member again changes nothing")
				.isEqualTo(204);
			BrowserlessSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD)
				.withHeader("HX-Request", "true")
				.post("/p/TAH/items/TAH-1/assignee", java.util.Map.of("member", "" + bob));
			assertThat(api.put(base + "/items/TAH-1/assignee", "{\"memberId\":null}", null).status()).isEqualTo(204);

			java.util.List<String> history = new java.util.ArrayList<>();
			api.get(base + "/items/TAH-1/history").json().forEach(h -> {
				if ("assignee".equals(h.get("field").asText())) {
					history.add(h.path("oldValue").asText("-") + " → " + h.path("newValue").asText("-") + " by "
							+ h.get("changedBy").asText());
				}
			});
			assertThat(history).containsExactlyInAnyOrder("- → Ann by Administrator", "Ann → Bob by Administrator",
					"Bob → - by Administrator");
			JsonNode log = api.get(base + "/webhooks/" + hook + "/deliveries").json();
			assertThat(log).hasSize(3);
			log.forEach(d -> assertThat(d.get("event").asText()).isEqualTo("item.updated"));
			assertThat(log.get(0).get("payload").asText()).contains("\"key\":\"TAH-1\"");
		}
		finally {
			api.put("/api/v1/admin/webhooks", "{\"allowPrivateTargets\":false}", null);
			receiver.stop(0);
		}
	}

	@Test
	void removingAMemberUnassignsTheirItemsInEachItemsHistory() throws Exception {
		HttpServer receiver = HookReceiver.start();
		ApiClient api = api();
		String base = "/api/v1/products/TRM";
		try {
			TestProduct product = aProduct("TRM").named("Removing members").createdBy(api);
			for (String title : new String[] { "Wallets", "Refunds", "Filters" }) {
				aStory(title).in(product);
			}
			long maya = aTeamMember("Maya Okafor").capacity(10).in(product);
			long ann = aTeamMember("Ann").capacity(8).in(product);
			api.put(base + "/items/TRM-1/assignee", "{\"memberId\":" + maya + "}", null);
			api.put(base + "/items/TRM-2/assignee", "{\"memberId\":" + maya + "}", null);
			api.put(base + "/items/TRM-3/assignee", "{\"memberId\":" + ann + "}", null);
			api.put("/api/v1/admin/webhooks", "{\"allowPrivateTargets\":true}", null);
			long hook = api
				.post(base + "/webhooks",
						"{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort()
								+ "/hook\",\"events\":[\"item.updated\"]}")
				.json()
				.get("id")
				.asLong();

			assertThat(api.delete(base + "/team/" + maya, null).status()).isEqualTo(204);

			assertThat(assigneeHistory(api, base, "TRM-1")).containsExactly("Maya Okafor → - by Administrator",
					"- → Maya Okafor by Administrator");
			assertThat(assigneeHistory(api, base, "TRM-2")).containsExactly("Maya Okafor → - by Administrator",
					"- → Maya Okafor by Administrator");
			assertThat(assigneeHistory(api, base, "TRM-3")).containsExactly("- → Ann by Administrator");
			JsonNode log = api.get(base + "/webhooks/" + hook + "/deliveries").json();
			assertThat(log).hasSize(2);
			log.forEach(d -> assertThat(d.get("event").asText()).isEqualTo("item.updated"));
			assertThat(log.toString()).contains("TRM-1").contains("TRM-2").doesNotContain("TRM-3");
		}
		finally {
			api.put("/api/v1/admin/webhooks", "{\"allowPrivateTargets\":false}", null);
			receiver.stop(0);
		}
	}

	/** The item's assignee changes, newest first: "old → new by someone". */
	private static java.util.List<String> assigneeHistory(ApiClient api, String base, String item) {
		java.util.List<String> history = new java.util.ArrayList<>();
		api.get(base + "/items/" + item + "/history").json().forEach(h -> {
			if ("assignee".equals(h.get("field").asText())) {
				history.add(h.path("oldValue").asText("-") + " → " + h.path("newValue").asText("-") + " by "
						+ h.get("changedBy").asText());
			}
		});
		return history;
	}

}
