package dev.priora.progress.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import dev.priora.support.ApiClient;
import dev.priora.support.ApiClient.Response;
import dev.priora.support.IntegrationTestBase;

/**
 * A product with a release, a sprint and items planned into it: KEY-1…KEY-4 ready stories
 * (5 points each; KEY-4 waits on KEY-5), KEY-5 a bare story that is not ready (no
 * description, criteria or estimate), KEY-6 an epic holding KEY-1 and KEY-2. Team: "Ada
 * Admin" (the administrator's e-mail: "me") and "Bo Builder"; KEY-1 and KEY-3 are Ada's,
 * KEY-2 is Bo's.
 */
record BoardFixture(String key, String base, long release, long sprint, long ada, long bo) {

	static BoardFixture create(ApiClient api, String key) {
		String base = "/api/v1/products/" + key;
		assertThat(api.post("/api/v1/products", "{\"key\":\"" + key + "\",\"name\":\"Board " + key + "\"}").status())
			.isEqualTo(201);
		long release = api.post(base + "/releases", "{\"name\":\"Launch\",\"capacity\":40}").json().get("id").asLong();
		long sprint = ProgressApiIntegrationTest.sprint(api, base, "Sprint 1", LocalDate.now().minusDays(2), release);
		for (int i = 1; i <= 4; i++) {
			ProgressApiIntegrationTest.readyItem(api, base, "Story " + i, 5);
		}
		ok(api.post(base + "/items", "{\"type\":\"STORY\",\"title\":\"Bare story\"}"));
		ok(api.post(base + "/items", "{\"type\":\"EPIC\",\"title\":\"Checkout epic\"}"));
		for (int i = 1; i <= 5; i++) {
			ok(api.put(base + "/items/" + key + "-" + i + "/release",
					"{\"releaseId\":" + release + ",\"sprintId\":" + sprint + "}", null));
		}
		for (int i = 1; i <= 2; i++) {
			String etag = api.get(base + "/items/" + key + "-" + i).etag();
			ok(api.patch(base + "/items/" + key + "-" + i, "{\"parent\":\"" + key + "-6\"}", etag));
		}
		ok(api.post(base + "/items/" + key + "-4/dependencies",
				"{\"kind\":\"DEPENDS_ON\",\"target\":\"" + key + "-5\"}"));
		long ada = api
			.post(base + "/team",
					"{\"name\":\"Ada Admin\",\"email\":\"" + IntegrationTestBase.ADMIN_EMAIL + "\",\"capacity\":10}")
			.json()
			.get("id")
			.asLong();
		long bo = api.post(base + "/team", "{\"name\":\"Bo Builder\",\"email\":\"bo@example.com\",\"capacity\":10}")
			.json()
			.get("id")
			.asLong();
		ok(api.put(base + "/items/" + key + "-1/assignee", "{\"memberId\":" + ada + "}", null));
		ok(api.put(base + "/items/" + key + "-3/assignee", "{\"memberId\":" + ada + "}", null));
		ok(api.put(base + "/items/" + key + "-2/assignee", "{\"memberId\":" + bo + "}", null));
		return new BoardFixture(key, base, release, sprint, ada, bo);
	}

	private static void ok(Response r) {
		assertThat(r.status()).as(r.text()).isLessThan(300);
	}

}
