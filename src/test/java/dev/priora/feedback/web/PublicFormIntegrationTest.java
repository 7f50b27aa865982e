package dev.priora.feedback.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import dev.priora.accounts.AccountService;
import dev.priora.feedback.PublicForms;
import dev.priora.support.BrowserlessSession;
import dev.priora.support.IntegrationTestBase;

@TestPropertySource(properties = "priora.feedback.public-form.max-per-address-per-hour=3")
class PublicFormIntegrationTest extends IntegrationTestBase {

	@Autowired
	PublicForms forms;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	private long webFeedback() {
		return jdbc.sql("select count(*) from feedback where channel = 'WEB_FORM'").query(Long.class).single();
	}

	@Test
	void takesFeedbackWithoutSignInDropsBotsThrottlesAndStopsWhenRevoked() {
		String secret = forms.create("SHOP", accounts.findByEmail(ADMIN_EMAIL).orElseThrow().id());
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

		var bot = visitor.post("/f/" + secret, Map.of("text", "cheap pills", "website", "http://spam.test"));
		assertThat(bot.statusCode()).as("a bot is thanked like anyone").isEqualTo(302);
		assertThat(webFeedback()).isEqualTo(before + 1);

		assertThat(visitor.post("/f/" + secret, Map.of("text", "")).body()).contains("text: is required");
		visitor.post("/f/" + secret, Map.of("text", "second"));
		visitor.post("/f/" + secret, Map.of("text", "third"));
		assertThat(visitor.post("/f/" + secret, Map.of("text", "fourth")).body()).contains("Too many submissions");
		assertThat(webFeedback()).isEqualTo(before + 3);

		long id = forms.forms("SHOP").get(0).id();
		forms.revoke("SHOP", id);
		assertThat(visitor.get("/f/" + secret).statusCode()).isEqualTo(404);
		assertThat(visitor.get("/f/not-a-form").statusCode()).isEqualTo(404);
	}

}
