package dev.priora.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.priora.support.ApiClient;
import dev.priora.support.BrowserlessSession;
import dev.priora.support.IntegrationTestBase;

/**
 * A refused page request is answered by kind of request, in one place
 * ({@link PageErrorAdvice}): a plain form post goes back to its page with the reason
 * shown there, an htmx request gets the reason for its toast, and an object that is not
 * there is the not-found page. The layout's product key comes from the shell.
 */
class PageErrorsIntegrationTest extends IntegrationTestBase {

	private static final String DUPLICATE = "another release is called";

	@Autowired
	JdbcClient jdbc;

	private static final AtomicInteger PRODUCTS = new AtomicInteger();

	private String key;

	@BeforeEach
	void product() {
		key = "PGE" + PRODUCTS.incrementAndGet();
		ApiClient api = api();
		api.post("/api/v1/products", "{\"key\":\"" + key + "\",\"name\":\"Page errors\"}");
		api.post("/api/v1/products/" + key + "/releases", "{\"name\":\"R1\",\"capacity\":10}");
	}

	private long releases() {
		return jdbc.sql("select count(*) from releases where product_key = ?").param(key).query(Long.class).single();
	}

	@Test
	void aRefusedFormPostGoesBackToItsPageWithTheReasonShownThereOnce() {
		BrowserlessSession owner = BrowserlessSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD)
			.withHeader("Referer", "http://127.0.0.1:" + port + "/p/" + key + "/releases?view=all");

		HttpResponse<String> refused = owner.post("/p/" + key + "/releases", Map.of("name", "R1"));

		assertThat(refused.statusCode()).as("post/redirect/get").isEqualTo(302);
		String location = refused.headers().firstValue("Location").orElse("");
		assertThat(location).endsWith("/p/" + key + "/releases?view=all");
		assertThat(releases()).isEqualTo(1);
		String page = owner.get("/p/" + key + "/releases?view=all").body();
		// in the "Add a release" dialog, opened again with what was typed, not above the
		// page
		assertThat(page).containsPattern("id=\"new-release\"[^>]*data-open=\"true\"")
			.doesNotContain("id=\"board-error\"")
			.contains(DUPLICATE);
		assertThat(owner.get("/p/" + key + "/releases?view=all").body()).as("a reload shows it no more")
			.doesNotContain(DUPLICATE);
	}

	@Test
	void withoutAReferrerARefusedPostGoesBackToThePageItsPathBelongsTo() {
		BrowserlessSession owner = BrowserlessSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);

		HttpResponse<String> refused = owner.post("/p/" + key + "/plans", Map.of("value", "NO_SUCH_MODE"));

		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(refused.headers().firstValue("Location").orElse("")).endsWith("/p/" + key + "/releases");
		assertThat(owner.get("/p/" + key + "/releases").body()).contains("id=\"board-error\"").contains("NO_SUCH_MODE");
	}

	@Test
	void aReferrerOfAnotherSiteLendsOnlyItsPathSoTheAnswerNeverLeavesPriora() {
		BrowserlessSession owner = BrowserlessSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD)
			.withHeader("Referer", "https://evil.example/p/" + key + "/roadmap");

		HttpResponse<String> refused = owner.post("/p/" + key + "/releases", Map.of("name", "R1"));

		String location = refused.headers().firstValue("Location").orElse("");
		assertThat(location).doesNotContain("evil").endsWith("/p/" + key + "/roadmap");
	}

	@Test
	void anHtmxRefusalAnswersItsStatusAndTheReasonForTheToast() {
		BrowserlessSession owner = BrowserlessSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD)
			.withHeader("HX-Request", "true");

		HttpResponse<String> refused = owner.post("/p/" + key + "/releases/assign",
				Map.of("item", key + "-1", "release", "soon"));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
		assertThat(refused.body()).contains("soon");
	}

	@Test
	void anObjectThatIsNotThereIsTheNotFoundPageNotARedirect() {
		BrowserlessSession owner = BrowserlessSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD)
			.withHeader("Referer", "http://127.0.0.1:" + port + "/p/" + key + "/releases");

		HttpResponse<String> missing = owner.post("/p/" + key + "/releases/999999/delete", Map.of());

		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("does not exist");
	}

	@Test
	void theLayoutNamesThePagesProductWithoutTheControllerAddingIt() {
		BrowserlessSession owner = BrowserlessSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);

		assertThat(owner.get("/p/" + key + "/releases").body()).contains("<title>Releases · " + key + " · Priora");
		assertThat(owner.get("/p/" + key + "/roadmap").body()).contains("<title>Roadmap · " + key + " · Priora");
	}

}
