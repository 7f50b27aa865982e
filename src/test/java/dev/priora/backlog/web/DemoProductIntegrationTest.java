package dev.priora.backlog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import dev.priora.support.ApiClient;
import dev.priora.support.IntegrationTestBase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo product as a product owner meets it on the first start: releases in every
 * state, a past of closed sprints with velocity and cycle times, a sprint half-way, the
 * team at work, objectives with aligned items, and a history that runs forward. It has a
 * context of its own (the property is read by nobody), so no other class has changed the
 * demo before.
 */
@TestPropertySource(properties = "priora.test.context=untouched-demo")
class DemoProductIntegrationTest extends IntegrationTestBase {

	private static final String BASE = "/api/v1/products/SHOP";

	private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

	@Test
	void hasAShippedACurrentAndANextReleaseWithConsistentItems() {
		ApiClient api = api();
		JsonNode board = api.get(BASE + "/releases").json();
		Map<String, JsonNode> byStatus = new HashMap<>();
		board.get("releases").forEach(r -> byStatus.put(r.get("status").asText(), r));
		assertThat(byStatus).containsOnlyKeys("RELEASED", "ACTIVE", "PLANNED");
		JsonNode shipped = byStatus.get("RELEASED");
		JsonNode current = byStatus.get("ACTIVE");
		assertThat(LocalDate.parse(shipped.get("targetDate").asText())).isBefore(today);
		assertThat(LocalDate.parse(current.get("targetDate").asText())).isBetween(today.plusDays(7),
				today.plusDays(42));
		assertThat(LocalDate.parse(byStatus.get("PLANNED").get("targetDate").asText()))
			.isAfter(LocalDate.parse(current.get("targetDate").asText()));
		board.get("releases").forEach(r -> {
			assertThat(r.get("capacity").decimalValue()).as(r.get("name").asText()).isPositive();
			assertThat(r.get("overCapacity").asBoolean()).as(r.get("name").asText()).isFalse();
		});
		shipped.get("items")
			.forEach(i -> assertThat(i.get("status").asText()).as(i.get("key").asText()).isEqualTo("Done"));
		Set<String> inShippedOrCurrent = new HashSet<>();
		shipped.get("items").forEach(i -> inShippedOrCurrent.add(i.get("key").asText()));
		current.get("items").forEach(i -> inShippedOrCurrent.add(i.get("key").asText()));
		api.get(BASE + "/items?limit=200&status=DONE")
			.json()
			.get("items")
			.forEach(i -> assertThat(inShippedOrCurrent).contains(i.get("key").asText()));

		JsonNode notes = api.get(BASE + "/releases/" + shipped.get("id").asLong() + "/release-notes").json();
		assertThat(notes.get("published").asText()).contains("## New").contains("Guest checkout without an account");
		assertThat(Instant.parse(notes.get("publishedAt").asText()))
			.isAfter(LocalDate.parse(shipped.get("targetDate").asText()).atStartOfDay(ZoneOffset.UTC).toInstant());
	}

	@Test
	void hasThreeClosedSprintsOneRunningHalfWayAndOneAhead() {
		ApiClient api = api();
		List<JsonNode> closed = new ArrayList<>();
		JsonNode active = null;
		JsonNode ahead = null;
		for (JsonNode run : api.get(BASE + "/sprint-runs").json()) {
			switch (run.get("state").asText()) {
				case "CLOSED" -> closed.add(run);
				case "ACTIVE" -> active = run;
				default -> ahead = run;
			}
		}
		assertThat(closed).hasSize(3);
		assertThat(closed).allSatisfy(r -> assertThat(r.get("completed").decimalValue()).isPositive());
		assertThat(closed).as("one sprint missed its commitment and spilled over").anySatisfy(r -> {
			assertThat(r.get("completed").decimalValue()).isLessThan(r.get("committed").decimalValue());
			assertThat(r.get("spillover")).isNotEmpty();
		});
		assertThat(api.get(BASE + "/charts/velocity").json()).hasSize(3);
		assertThat(active).isNotNull();
		assertThat(LocalDate.parse(active.get("sprint").get("start").asText())).isEqualTo(today.minusDays(7));
		assertThat(ahead).isNotNull();
		assertThat(LocalDate.parse(ahead.get("sprint").get("start").asText())).isAfter(today);

		JsonNode burndown = api.get(BASE + "/sprints/" + active.get("sprint").get("id").asLong() + "/burndown").json();
		assertThat(burndown).hasSize(8);
		double committed = burndown.get(0).get("scope").asDouble();
		double left = burndown.get(burndown.size() - 1).get("remaining").asDouble();
		assertThat(left / committed).as("half-way through the sprint").isBetween(0.3, 0.7);

		boolean scopeAdded = false;
		for (JsonNode run : closed) {
			JsonNode days = api.get(BASE + "/sprints/" + run.get("sprint").get("id").asLong() + "/burndown").json();
			for (int d = 1; d < days.size(); d++) {
				scopeAdded |= days.get(d).get("added").asDouble() > 0;
			}
			if (!run.get("spillover").isEmpty()) {
				JsonNode last = days.get(days.size() - 1);
				assertThat(last.get("remaining").asDouble()).as("a closed sprint's spillover is still left at its end")
					.isPositive();
				assertThat(last.get("removedItems").toString()).as("spillover is not scope taken out")
					.doesNotContain(run.get("spillover").get(0).asText());
			}
		}
		assertThat(scopeAdded).as("an item joined a sprint after it started").isTrue();
	}

	@Test
	void flowChartsReadARealHistory() {
		ApiClient api = api();
		JsonNode cycle = api.get(BASE + "/charts/cycle-times").json();
		assertThat(cycle.get("items").size()).isGreaterThanOrEqualTo(10);
		List<Double> days = new ArrayList<>();
		cycle.get("items").forEach(i -> days.add(i.get("days").asDouble()));
		assertThat(days).allSatisfy(d -> assertThat(d).isBetween(0.5, 15.0));
		assertThat(cycle.get("p95").asDouble()).isGreaterThan(cycle.get("p50").asDouble() + 2);

		JsonNode flow = api.get(BASE + "/charts/cumulative-flow?days=60").json();
		int doneBefore = flow.get(0).get("counts").get("DONE").asInt();
		int doneNow = flow.get(flow.size() - 1).get("counts").get("DONE").asInt();
		assertThat(doneBefore).isZero();
		assertThat(doneNow).isGreaterThanOrEqualTo(12);
		assertThat(flow.get(flow.size() - 1).get("counts").get("IN_PROGRESS").asInt()).isPositive();

		JsonNode progress = api.get(BASE + "/releases/" + activeRelease(api) + "/progress").json();
		assertThat(progress.get("velocities")).hasSize(3);
		assertThat(progress.get("forecast").isNull()).isFalse();
		assertThat(progress.get("blocked")).isNotEmpty();
		assertThat(progress.get("burnup").size()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void theTeamWorksOnTheItemsAndCannotSignIn() {
		ApiClient api = api();
		JsonNode team = api.get(BASE + "/team").json();
		assertThat(team.size()).isBetween(5, 6);
		team.forEach(m -> {
			assertThat(m.get("email").asText()).endsWith("@example.com");
			assertThat(m.get("capacity").decimalValue()).isPositive();
		});
		String users = api.get("/api/v1/users").text();
		team.forEach(m -> assertThat(users).doesNotContain(m.get("email").asText()));

		long sprint = 0;
		for (JsonNode run : api.get(BASE + "/sprint-runs").json()) {
			sprint = "ACTIVE".equals(run.get("state").asText()) ? run.get("sprint").get("id").asLong() : sprint;
		}
		int open = 0;
		boolean daysOff = false;
		for (JsonNode load : api.get(BASE + "/sprints/" + sprint + "/workload").json()) {
			open += load.get("openItems").asInt();
			daysOff |= load.get("daysOff").asInt() > 0;
			assertThat(load.get("over").asBoolean()).as(load.get("member").get("name").asText()).isFalse();
		}
		assertThat(open).as("open items of the running sprint with an assignee").isGreaterThanOrEqualTo(3);
		assertThat(daysOff).isTrue();
	}

	@Test
	void objectivesHaveAlignedItemsAndTheProductAGoal() {
		ApiClient api = api();
		JsonNode roadmap = api.get(BASE + "/roadmap").json();
		assertThat(roadmap.get("goal").asText()).isNotBlank();
		assertThat(roadmap.get("objectives").size()).isGreaterThanOrEqualTo(3);
		roadmap.get("objectives").forEach(o -> assertThat(o.get("items")).isNotEmpty());
		for (JsonNode column : roadmap.get("board")) {
			if (!"Later".equals(column.get("name").asText())) {
				assertThat(column.get("entries")).as(column.get("name").asText()).isNotEmpty();
			}
		}
		JsonNode alignment = api.get(BASE + "/alignment").json();
		alignment.get("objectives").forEach(o -> assertThat(o.get("plannedShare").asDouble()).isPositive());
		assertThat(alignment.get("objectives"))
			.anySatisfy(o -> assertThat(o.get("deliveredShare").asDouble()).isPositive());
	}

	@Test
	void feedbackSpansThreeMonthsAndDemandReachesAcrossTheBacklog() {
		ApiClient api = api();
		Instant oldest = Instant.MAX;
		for (JsonNode f : api.get(BASE + "/feedback?limit=200").json().get("feedback")) {
			Instant received = Instant.parse(f.get("receivedAt").asText());
			oldest = received.isBefore(oldest) ? received : oldest;
		}
		assertThat(oldest).isBefore(today.minusDays(80).atStartOfDay(ZoneOffset.UTC).toInstant());
		int demanded = 0;
		for (JsonNode i : api.get(BASE + "/items?limit=200").json().get("items")) {
			demanded += i.get("demand") != null && i.get("demand").get("customers").asInt() > 0 ? 1 : 0;
		}
		assertThat(demanded).isGreaterThanOrEqualTo(25);
	}

	@Test
	void thePortalIsOnWithIdeasVotesACommentAndStatusesFromItsItems() {
		ApiClient api = api();
		JsonNode settings = api.get(BASE + "/portal").json();
		assertThat(settings.get("enabled").asBoolean()).isTrue();
		Map<String, JsonNode> ideas = new HashMap<>();
		for (JsonNode i : api.get(BASE + "/portal/ideas").json()) {
			ideas.put(i.get("title").asText(), i);
		}
		assertThat(ideas).hasSizeGreaterThanOrEqualTo(5);
		JsonNode returns = ideas.get("Let shoppers start a return themselves");
		assertThat(returns.get("votes").asInt()).isEqualTo(4);
		assertThat(returns.get("customers").asInt()).isEqualTo(4);
		assertThat(returns.get("status").asText()).isEqualTo("PLANNED");
		assertThat(returns.get("statusByHand").asBoolean()).isTrue();
		assertThat(ideas.get("Notes on an order that the whole team sees").get("status").asText())
			.isEqualTo("IN_PROGRESS");
		assertThat(ideas.get("A dark theme for the shop admin").get("status").asText()).isEqualTo("UNDER_REVIEW");
		assertThat(Instant.parse(returns.get("createdAt").asText()))
			.isBefore(today.minusDays(20).atStartOfDay(ZoneOffset.UTC).toInstant());
		// visitors see it without signing in, with the comment and the team's reply
		ApiClient visitor = anonymous();
		String list = visitor.get("/portal/SHOP").text();
		assertThat(list).contains("Let shoppers start a return themselves", "Click and collect in our own stores");
		String idea = visitor.get("/portal/SHOP/ideas/" + returns.get("id").asLong()).text();
		assertThat(idea).contains("40 returns a day", "self-service returns are planned");
	}

	@Test
	void everyItemEndsWhereTheDemoSaysAndItsHistoryRunsForward() throws Exception {
		ApiClient api = api();
		Map<Long, String> expected = new HashMap<>();
		try (InputStream in = getClass().getResourceAsStream("/demo/product.json")) {
			long number = 1;
			for (JsonNode epic : JsonMapper.builder().build().readTree(in).get("epics")) {
				number++;
				for (JsonNode item : epic.get("items")) {
					expected.put(number++, item.has("status") ? item.get("status").asText() : "NEW");
				}
			}
		}
		Instant now = Instant.now();
		for (JsonNode i : api.get(BASE + "/items?limit=200").json().get("items")) {
			String key = i.get("key").asText();
			long number = Long.parseLong(key.substring(key.indexOf('-') + 1));
			if (expected.containsKey(number)) {
				assertThat(i.get("status").asText()).as(key).isEqualTo(expected.get(number));
			}
			// newest first: no change in the future, and the status changes chain up to
			// the
			// status the item has (each one starts where the one before it ended)
			Instant later = now;
			String status = i.get("status").asText();
			for (JsonNode h : api.get(BASE + "/items/" + key + "/history").json()) {
				Instant at = Instant.parse(h.get("changedAt").asText());
				assertThat(at).as(key + " " + h).isBeforeOrEqualTo(later);
				later = at;
				if ("status".equals(h.get("field").asText())) {
					assertThat(h.get("newValue").asText()).as(key + " " + h).isEqualTo(status);
					status = h.get("oldValue").asText();
				}
			}
			assertThat(status).as(key + " starts as new").isEqualTo("NEW");
		}
	}

	private static long activeRelease(ApiClient api) {
		for (JsonNode r : api.get(BASE + "/releases").json().get("releases")) {
			if ("ACTIVE".equals(r.get("status").asText())) {
				return r.get("id").asLong();
			}
		}
		throw new AssertionError("no active release");
	}

}
