package dev.priora.feedback.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import dev.priora.accounts.AccountService;
import dev.priora.feedback.PublicForms;
import dev.priora.support.BrowserlessSession;
import dev.priora.support.IntegrationTestBase;

@TestPropertySource(properties = "priora.feedback.public-form.max-per-address-per-hour=10")
class PublicFormIntegrationTest extends IntegrationTestBase {

	@Autowired
	PublicForms forms;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void everyTestStartsWithAFreshHour() {
		jdbc.sql("delete from rate_limits").update();
	}

	private long webFeedback() {
		return jdbc.sql("select count(*) from feedback where channel = 'WEB_FORM'").query(Long.class).single();
	}

	private String newForm() {
		return forms.create("SHOP", accounts.findByEmail(ADMIN_EMAIL).orElseThrow().id());
	}

	@Test
	void takesFeedbackWithoutSignInDropsBotsThrottlesAndStopsWhenRevoked() {
		String secret = newForm();
		BrowserlessSession visitor = BrowserlessSession.anonymous(port);
		assertThat(visitor.get("/f/" + secret).body()).contains("Tell us about Shopfront");
		long before = webFeedback();
		var sent = visitor.post("/f/" + secret, Map.of("title", "Gift wrap", "text", "Please offer gift wrapping",
				"name", "Vera", "email", "vera@example.test"));
		assertThat(sent.statusCode()).as("post/redirect/get").isEqualTo(302);
		String thanks = sent.headers().firstValue("Location").orElseThrow();
		assertThat(thanks).endsWith("/f/" + secret + "?sent");
		assertThat(visitor.get(thanks.substring(thanks.indexOf("/f/"))).body()).contains("Thank you");
		assertThat(webFeedback()).isEqualTo(before + 1);
		assertThat(
				jdbc.sql("select submitter_email from feedback where title = 'Gift wrap'").query(String.class).single())
			.isEqualTo("vera@example.test");
		// the form remembers what came through it; the product's export leaves that out
		// (the forms are this server's secrets)
		assertThat(forms.forms("SHOP").get(0).submissions()).isEqualTo(1);
		var export = api().get("/api/v1/products/SHOP/export");
		assertThat(export.status()).isEqualTo(200);
		assertThat(export.text()).contains("Gift wrap").doesNotContain("public_form_id");

		var bot = visitor.post("/f/" + secret, Map.of("text", "cheap pills", "website", "http://spam.test"));
		assertThat(bot.statusCode()).as("a bot is thanked like anyone").isEqualTo(302);
		assertThat(webFeedback()).isEqualTo(before + 1);

		assertThat(visitor.post("/f/" + secret, Map.of("text", "")).body()).as("an invalid post does not count")
			.contains("text: is required");
		for (int i = 2; i <= 10; i++) {
			assertThat(sent(visitor.post("/f/" + secret, Map.of("text", "post " + i)))).isTrue();
		}
		assertThat(visitor.post("/f/" + secret, Map.of("text", "eleventh")).body()).contains("Too many submissions");
		assertThat(webFeedback()).isEqualTo(before + 10);

		long id = forms.forms("SHOP").get(0).id();
		forms.revoke("SHOP", id);
		assertThat(visitor.get("/f/" + secret).statusCode()).isEqualTo(404);
		assertThat(visitor.get("/f/not-a-form").statusCode()).isEqualTo(404);
	}

	@Test
	void thirtyParallelPostsFromOneAddressLetExactlyTheLimitThrough() throws Exception {
		String secret = newForm();
		BrowserlessSession visitor = BrowserlessSession.anonymous(port);
		long before = webFeedback();
		ExecutorService pool = Executors.newFixedThreadPool(30);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<String>> answers = new java.util.ArrayList<>();
		for (int i = 0; i < 30; i++) {
			int n = i;
			answers.add(pool.submit(() -> {
				start.await();
				var answer = visitor.post("/f/" + secret, Map.of("text", "parallel " + n));
				return sent(answer) ? "Thank you" : answer.body();
			}));
		}
		start.countDown();
		int thanked = 0;
		int refused = 0;
		for (Future<String> answer : answers) {
			String body = answer.get(2, TimeUnit.MINUTES);
			thanked += body.contains("Thank you") ? 1 : 0;
			refused += body.contains("Too many submissions") ? 1 : 0;
		}
		pool.shutdown();
		assertThat(thanked).as("answered with thanks").isEqualTo(10);
		assertThat(refused).as("refused as too many").isEqualTo(20);
		assertThat(webFeedback()).as("stored").isEqualTo(before + 10);
	}

	@Test
	void aSpoofedForwardedForNeitherDodgesTheLimitNorIsRecorded() {
		String secret = newForm();
		BrowserlessSession visitor = BrowserlessSession.anonymous(port);
		for (int i = 1; i <= 10; i++) {
			var sent = visitor.withHeader("X-Forwarded-For", "198.51.100." + i)
				.post("/f/" + secret, Map.of("text", "spoofed " + i));
			assertThat(sent(sent)).isTrue();
		}
		assertThat(visitor.withHeader("X-Forwarded-For", "198.51.100.99")
			.post("/f/" + secret, Map.of("text", "one more"))
			.body()).as("the client's real address is limited, whatever it claims").contains("Too many submissions");
		assertThat(jdbc.sql("select distinct client_ip from feedback where body like 'spoofed %'")
			.query(String.class)
			.list()).containsExactly("127.0.0.1");
	}

	/** A kept submission redirects to the thank-you page (post/redirect/get). */
	private static boolean sent(java.net.http.HttpResponse<String> answer) {
		return answer.statusCode() == 302 && answer.headers().firstValue("Location").orElse("").endsWith("?sent");
	}

}
