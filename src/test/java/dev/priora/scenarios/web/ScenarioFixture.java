package dev.priora.scenarios.web;

import static dev.priora.support.Fixtures.aCustomer;
import static dev.priora.support.Fixtures.aRelease;
import static dev.priora.support.Fixtures.aSprint;
import static dev.priora.support.Fixtures.aStory;
import static dev.priora.support.Fixtures.aTeamMember;
import static dev.priora.support.Fixtures.someFeedback;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.priora.support.ApiClient.Response;
import dev.priora.support.TestProduct;

/**
 * A product to plan scenarios in: R1 due in 28 days and R2 in 56, 40 points each as set;
 * four two-week sprints of 10 points from today (two per release: the stated velocity);
 * Ann and Bob with 5 points a sprint each; twelve 5-point stories, story {@code i} asked
 * for by customer C{@code i} of weight 130 − 10 × i.
 */
record ScenarioFixture(TestProduct product, long r1, long r2, List<Long> sprints, long ann, long bob) {

	static ScenarioFixture in(TestProduct product) {
		LocalDate today = LocalDate.now();
		long r1 = aRelease("R1").targetDate(today.plusDays(28)).capacity(40).in(product);
		long r2 = aRelease("R2").targetDate(today.plusDays(56)).capacity(40).in(product);
		List<Long> sprints = new ArrayList<>();
		for (int s = 0; s < 4; s++) {
			sprints.add(aSprint("Sprint " + (s + 1)).starting(today.plusDays(14L * s))
				.ending(today.plusDays(14L * s + 13))
				.capacity(10)
				.forRelease(s < 2 ? r1 : r2)
				.in(product));
		}
		long ann = aTeamMember("Ann").capacity(5).in(product);
		long bob = aTeamMember("Bob").capacity(5).in(product);
		for (int i = 1; i <= 12; i++) {
			aStory("Story " + i).estimate(5).in(product);
			long customer = aCustomer("C" + i).weight(130 - 10 * i).in(product);
			long feedback = someFeedback("please do story " + i).from(customer).in(product);
			Response link = product.api()
				.post(product.base() + "/feedback/" + feedback + "/links",
						"{\"item\":\"" + product.item(i) + "\",\"importance\":\"IMPORTANT\"}");
			assertThat(link.status()).as(link.text()).isLessThan(300);
		}
		return new ScenarioFixture(product, r1, r2, sprints, ann, bob);
	}

}
