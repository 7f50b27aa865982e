package dev.priora.progress.web;

import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.aRelease;
import static dev.priora.support.Fixtures.aSprint;
import static dev.priora.support.Fixtures.aStory;
import static dev.priora.support.Fixtures.aTeamMember;
import static dev.priora.support.Fixtures.anEpic;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import dev.priora.support.ApiClient;
import dev.priora.support.IntegrationTestBase;
import dev.priora.support.TestProduct;

/**
 * A product with a release, a sprint and items planned into it: KEY-1…KEY-4 ready stories
 * (5 points each; KEY-4 waits on KEY-5), KEY-5 a bare story that is not ready (no
 * description, criteria or estimate), KEY-6 an epic holding KEY-1 and KEY-2. Team: "Ada
 * Admin" (the administrator's e-mail: "me") and "Bo Builder"; KEY-1 and KEY-3 are Ada's,
 * KEY-2 is Bo's.
 */
record BoardFixture(TestProduct product, long release, long sprint, long ada, long bo) {

	static BoardFixture create(ApiClient api, String key) {
		TestProduct p = aProduct(key).named("Board " + key).createdBy(api);
		long release = aRelease("Launch").capacity(40).in(p);
		long sprint = aSprint("Sprint 1").starting(LocalDate.now().minusDays(2)).capacity(10).forRelease(release).in(p);
		for (int i = 1; i <= 4; i++) {
			aStory("Story " + i).estimate(5).ready().in(p);
		}
		aStory("Bare story").in(p);
		String epic = anEpic("Checkout epic").in(p);
		for (int i = 1; i <= 5; i++) {
			p.plan(p.item(i), release, sprint);
		}
		for (int i = 1; i <= 2; i++) {
			String etag = api.get(p.path("/items/" + p.item(i))).etag();
			assertThat(api.patch(p.path("/items/" + p.item(i)), "{\"parent\":\"" + epic + "\"}", etag).status())
				.isEqualTo(200);
		}
		assertThat(api
			.post(p.path("/items/" + p.item(4) + "/dependencies"),
					"{\"kind\":\"DEPENDS_ON\",\"target\":\"" + p.item(5) + "\"}")
			.status()).isEqualTo(201);
		long ada = aTeamMember("Ada Admin").email(IntegrationTestBase.ADMIN_EMAIL).capacity(10).in(p);
		long bo = aTeamMember("Bo Builder").email("bo@example.com").capacity(10).in(p);
		p.assign(p.item(1), ada);
		p.assign(p.item(3), ada);
		p.assign(p.item(2), bo);
		return new BoardFixture(p, release, sprint, ada, bo);
	}

	String key() {
		return this.product.key();
	}

	String base() {
		return this.product.base();
	}

}
