package dev.priora.feedback.web;

import static dev.priora.support.Fixtures.aProduct;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.priora.feedback.EmailIntake;
import dev.priora.feedback.Mails;
import dev.priora.support.ApiClient.Response;
import dev.priora.support.ApiClient;
import dev.priora.support.BrowserlessSession;
import dev.priora.support.IntegrationTestBase;

/**
 * Pasted e-mails built to exhaust the parser (20,000 nested multipart levels, more parts
 * than the limit) are refused quickly with a 400 naming the limit; everyday nesting with
 * attachments still works.
 */
class EmailIntakeLimitsIntegrationTest extends IntegrationTestBase {

	private static final String BASE = "/api/v1/products/ELM";

	@Test
	void refusesTwentyThousandNestedLevelsQuicklyAndNamesTheLimit() {
		ApiClient api = api();
		aProduct("ELM").named("E-mail limits").createdBy(api);
		Response everyday = api.post(BASE + "/feedback/email", ApiClient.json(Map.of("email", Mails.everyday())));
		assertThat(everyday.status()).as(everyday.text()).isEqualTo(201);
		assertThat(everyday.json().get("feedback").get("text").asText())
			.isEqualTo("We need an Excel export of all orders.");

		String deep = Mails.nested(20_000);
		assertThat(deep.length()).isBetween(1_200_000, EmailIntake.MAX_CHARS);
		String body = ApiClient.json(Map.of("email", deep));
		long start = System.nanoTime();
		Response refused = api.post(BASE + "/feedback/email", body);
		long millis = (System.nanoTime() - start) / 1_000_000;
		assertThat(refused.status()).as(refused.text()).isEqualTo(400);
		assertThat(refused.isProblem()).isTrue();
		assertThat(refused.json().get("detail").asText())
			.contains("more than " + EmailIntake.MAX_DEPTH + " levels deep");
		assertThat(refused.json().get("limit").asText()).isEqualTo("depth");
		assertThat(refused.json().get("max").asInt()).isEqualTo(EmailIntake.MAX_DEPTH);
		assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("email");
		// before the limit: 30 s of CPU, then a stack overflow and a 500. The parse takes
		// about 0.1 s of CPU (EmailIntakeTest); the bound leaves room for a busy build
		// machine and the 1.3 MB request itself.
		assertThat(millis).as("milliseconds to refuse 20,000 levels").isLessThan(5000);

		Response shallowEnough = api.post(BASE + "/feedback/email",
				ApiClient.json(Map.of("email", Mails.nested(EmailIntake.MAX_DEPTH))));
		assertThat(shallowEnough.status()).as(shallowEnough.text()).isEqualTo(201);
		assertThat(shallowEnough.json().get("feedback").get("text").asText()).isEqualTo("Deep down");
	}

	@Test
	void refusesMorePartsThanTheLimit() {
		ApiClient api = api();
		aProduct("ELP").named("E-mail parts").createdBy(api);
		String base = "/api/v1/products/ELP";
		long start = System.nanoTime();
		Response refused = api.post(base + "/feedback/email",
				ApiClient.json(Map.of("email", Mails.withAttachments(2_000))));
		long millis = (System.nanoTime() - start) / 1_000_000;
		assertThat(refused.status()).as(refused.text()).isEqualTo(400);
		assertThat(refused.json().get("limit").asText()).isEqualTo("parts");
		assertThat(refused.json().get("detail").asText()).contains("more than " + EmailIntake.MAX_PARTS + " parts");
		assertThat(millis).as("milliseconds to refuse 2,000 parts").isLessThan(5000);
		Response many = api.post(base + "/feedback/email",
				ApiClient.json(Map.of("email", Mails.withAttachments(EmailIntake.MAX_PARTS - 1))));
		assertThat(many.status()).as(many.text()).isEqualTo(201);
		assertThat(many.json().get("feedback").get("text").asText()).isEqualTo("See attached");
	}

	@Test
	void thePastePageShowsTheLimitInsteadOfFailing() {
		aProduct("ELW").named("E-mail page").createdBy(api());
		BrowserlessSession browser = BrowserlessSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		var page = browser.post("/p/ELW/feedback/email", Map.of("email", Mails.nested(2_000), "tags", ""));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("more than " + EmailIntake.MAX_DEPTH + " levels deep");
	}

}
