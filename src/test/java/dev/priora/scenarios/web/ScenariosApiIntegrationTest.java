package dev.priora.scenarios.web;

import static dev.priora.support.Fixtures.aProduct;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.priora.support.ApiClient;
import dev.priora.support.ApiClient.Response;
import dev.priora.support.Eventually;
import dev.priora.support.IntegrationTestBase;
import dev.priora.support.TestProduct;
import tools.jackson.databind.JsonNode;

/**
 * Scenarios through the API: saved with their changes, run in the background by the
 * planner and the forecaster, compared with the board; bad input refused by field and
 * nothing written.
 */
class ScenariosApiIntegrationTest extends IntegrationTestBase {

	private static JsonNode create(TestProduct p, String body) {
		Response r = p.api().post(p.base() + "/scenarios", body);
		assertThat(r.status()).as(r.text()).isEqualTo(201);
		assertThat(r.etag()).isEqualTo("\"" + r.json().get("version").asLong() + "\"");
		return r.json();
	}

	private static JsonNode run(TestProduct p, long id) {
		Response started = p.api().post(p.base() + "/scenarios/" + id + "/run", "");
		assertThat(started.status()).as(started.text()).isEqualTo(202);
		JsonNode done = Eventually.within(Duration.ofSeconds(120))
			.until(() -> p.api().get(p.base() + "/scenarios/" + id).json(),
					j -> Set.of("DONE", "FAILED").contains(j.get("state").asText()));
		assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("DONE");
		return done;
	}

	private static String field(Response r) {
		assertThat(r.status()).as(r.text()).isEqualTo(400);
		assertThat(r.contentType()).startsWith("application/problem+json");
		return r.json().get("errors").get(0).get("field").asText();
	}

	@Test
	void aMemberLeavingPlansLessAndLaterAndTheComparisonNamesWhatMoved() {
		ApiClient api = api();
		TestProduct p = aProduct("SCNA").named("Scenarios").createdBy(api);
		ScenarioFixture f = ScenarioFixture.in(p);
		String settings = "\"value\":\"CUSTOMER\",\"discount\":0,\"timeLimitSeconds\":3";
		long full = create(p, "{\"name\":\"Full team\"," + settings + "}").get("id").asLong();
		JsonNode leaving = create(p,
				"{\"name\":\"Ann leaves\"," + settings + ",\"changes\":[{\"kind\":\"MEMBER_LEAVES\",\"memberId\":"
						+ f.ann() + ",\"from\":\"" + LocalDate.now() + "\"}]}");
		assertThat(leaving.get("state").asText()).isEqualTo("NEW");
		assertThat(leaving.get("changes").get(0).get("memberId").asLong()).isEqualTo(f.ann());
		Response early = api.get(p.base() + "/scenarios/compare?ids=" + full);
		assertThat(early.status()).as(early.text()).isEqualTo(409);

		JsonNode a = run(p, full).get("result");
		JsonNode b = run(p, leaving.get("id").asLong()).get("result");
		assertThat(a.get("items")).hasSize(12);
		assertThat(a.get("releases").get(0).get("capacity").asDouble()).isEqualTo(40);
		// Ann is half the team and gone from today: each release keeps half its capacity
		assertThat(b.get("releases").get(0).get("capacity").asDouble()).isEqualTo(20);
		assertThat(b.get("releases").get(1).get("capacity").asDouble()).isEqualTo(20);
		assertThat(b.get("items")).hasSize(8);
		assertThat(b.get("value").asLong()).isLessThan(a.get("value").asLong());
		assertThat(b.get("boardValue").asLong()).isZero();
		assertThat(b.get("notes").toString()).contains(
				"Ann leaves on " + LocalDate.now().format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)),
				"50 %");
		// 60 points at 10 a sprint against 40 points at 5: R2 is done later without Ann
		JsonNode fullR2 = a.get("releases").get(1);
		JsonNode leavingR2 = b.get("releases").get(1);
		assertThat(LocalDate.parse(leavingR2.get("p50Date").asText()))
			.isAfter(LocalDate.parse(fullR2.get("p50Date").asText()));
		assertThat(leavingR2.get("p85Date").asText()).isNotEmpty();
		assertThat(leavingR2.get("probability").asDouble()).isBetween(0.0, 1.0);

		JsonNode c = api.get(p.base() + "/scenarios/compare?ids=" + full + "," + leaving.get("id").asLong()).json();
		assertThat(c.get("columns")).hasSize(3);
		assertThat(c.get("columns").get(0).get("name").asText()).isEqualTo("Current board");
		assertThat(c.get("columns").get(0).get("id").isNull()).isTrue();
		assertThat(c.get("columns").get(2).get("value").asLong()).isEqualTo(b.get("value").asLong());
		assertThat(c.get("columns").get(2).get("releases").get(1).get("p50Date").asText())
			.isEqualTo(leavingR2.get("p50Date").asText());
		List<String> droppedWithoutAnn = new ArrayList<>();
		for (JsonNode d : c.get("differences")) {
			if (d.get("releases").get(2).isNull() && !d.get("releases").get(1).isNull()) {
				droppedWithoutAnn.add(d.get("key").asText());
			}
		}
		assertThat(droppedWithoutAnn).hasSize(4);
		assertThat(c.get("differences")).hasSize(12);
	}

	@Test
	void comparesAtMostThreeScenariosAndOnlyTheProductsOwn() {
		ApiClient api = api();
		TestProduct p = aProduct("SCNC").named("Scenario comparisons").createdBy(api);
		ScenarioFixture.in(p);
		assertThat(field(api.get(p.base() + "/scenarios/compare?ids=1,2,3,4"))).isEqualTo("ids");
		assertThat(field(api.get(p.base() + "/scenarios/compare?ids=one"))).isEqualTo("ids");
		assertThat(field(api.get(p.base() + "/scenarios/compare"))).isEqualTo("ids");
		assertThat(api.get(p.base() + "/scenarios/compare?ids=999999").status()).isEqualTo(404);
		long id = create(p, "{\"name\":\"Sprint 2 lost\",\"timeLimitSeconds\":2}").get("id").asLong();
		TestProduct other = aProduct("SCNO").named("Another").createdBy(api);
		assertThat(api.get(other.base() + "/scenarios/" + id).status()).isEqualTo(404);
		assertThat(api.post(other.base() + "/scenarios/" + id + "/run", "").status()).isEqualTo(404);
		assertThat(api.delete(other.base() + "/scenarios/" + id, null).status()).isEqualTo(404);
	}

	@Test
	void badChangesAreRefusedByFieldAndWriteNothing() {
		ApiClient api = api();
		TestProduct p = aProduct("SCNB").named("Scenario checks").createdBy(api);
		ScenarioFixture f = ScenarioFixture.in(p);
		String base = p.base() + "/scenarios";
		String leave = "{\"kind\":\"MEMBER_LEAVES\",\"memberId\":" + f.ann() + ",\"from\":\"" + LocalDate.now() + "\"}";
		assertThat(field(api.post(base, "{\"name\":\"X\",\"changes\":[" + leave
				+ ",{\"kind\":\"MEMBER_LEAVES\",\"memberId\":999999,\"from\":\"" + LocalDate.now() + "\"}]}")))
			.isEqualTo("changes[1].memberId");
		assertThat(
				field(api.post(base,
						"{\"name\":\"X\",\"changes\":[{\"kind\":\"MEMBER_LEAVES\",\"memberId\":" + f.ann()
								+ ",\"from\":\"" + LocalDate.now().plusYears(2) + "\"}]}")))
			.isEqualTo("changes[0].from");
		assertThat(
				field(api
					.post(base,
							"{\"name\":\"X\",\"changes\":[{\"kind\":\"DAYS_OFF\",\"memberId\":" + f.bob()
									+ ",\"sprintId\":" + f.sprints().get(0) + ",\"days\":15}]}")))
			.isEqualTo("changes[0].days");
		assertThat(field(api.post(base,
				"{\"name\":\"X\",\"changes\":[{\"kind\":\"RELEASE_CAPACITY\",\"releaseId\":999999,\"capacity\":5}]}")))
			.isEqualTo("changes[0].releaseId");
		assertThat(field(api.post(base, "{\"name\":\"X\",\"changes\":[{\"kind\":\"SPRINT_LOST\"}]}")))
			.isEqualTo("changes[0].sprintId");
		assertThat(field(api.post(base, "{\"name\":\"X\",\"changes\":[{\"memberId\":1}]}")))
			.isEqualTo("changes[0].kind");
		assertThat(field(api.post(base, "{\"name\":\" \"}"))).isEqualTo("name");
		assertThat(field(api.post(base, "{\"name\":\"X\",\"discount\":2}"))).isEqualTo("discount");
		Response badKind = api.post(base, "{\"name\":\"X\",\"changes\":[{\"kind\":\"LEAVES\"}]}");
		assertThat(badKind.status()).as(badKind.text()).isEqualTo(400);
		assertThat(badKind.contentType()).startsWith("application/problem+json");
		assertThat(api.get(base).json()).isEmpty();

		JsonNode saved = create(p, "{\"name\":\"Ann leaves\",\"timeLimitSeconds\":2,\"changes\":[" + leave + "]}");
		long id = saved.get("id").asLong();
		assertThat(field(api.post(base, "{\"name\":\"ann LEAVES\"}"))).isEqualTo("name");
		Response stale = api.put(base + "/" + id, "{\"name\":\"Y\"}", "\"7\"");
		assertThat(stale.status()).isEqualTo(412);
		assertThat(api.put(base + "/" + id, "{\"name\":\"Y\"}", null).status()).isEqualTo(428);
		String version = "\"" + saved.get("version").asLong() + "\"";
		assertThat(field(api.put(base + "/" + id,
				"{\"name\":\"Y\",\"changes\":[" + leave + ",{\"kind\":\"SPRINT_LOST\",\"sprintId\":999999}]}",
				version)))
			.isEqualTo("changes[1].sprintId");
		JsonNode unchanged = api.get(base + "/" + id).json();
		assertThat(unchanged.get("name").asText()).isEqualTo("Ann leaves");
		assertThat(unchanged.get("changes")).hasSize(1);
		assertThat(unchanged.get("version").asLong()).isEqualTo(saved.get("version").asLong());

		Response changed = api.put(base + "/" + id, "{\"name\":\"Sprint 4 lost\",\"timeLimitSeconds\":2,"
				+ "\"changes\":[{\"kind\":\"SPRINT_LOST\",\"sprintId\":" + f.sprints().get(3) + "}]}", version);
		assertThat(changed.status()).as(changed.text()).isEqualTo(200);
		assertThat(changed.json().get("version").asLong()).isEqualTo(saved.get("version").asLong() + 1);
		assertThat(changed.json().get("changes").get(0).get("kind").asText()).isEqualTo("SPRINT_LOST");
		// the sprint it names is deleted: running it is refused by name until it is
		// changed
		assertThat(api.delete(p.base() + "/sprints/" + f.sprints().get(3), null).status()).isLessThan(300);
		Response outdated = api.post(base + "/" + id + "/run", "");
		assertThat(outdated.status()).as(outdated.text()).isEqualTo(409);
		assertThat(outdated.text()).contains("changes[0].sprintId");
		assertThat(api.delete(base + "/" + id, null).status()).isEqualTo(204);
		assertThat(api.get(base + "/" + id).status()).isEqualTo(404);
	}

}
