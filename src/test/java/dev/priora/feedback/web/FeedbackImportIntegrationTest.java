package dev.priora.feedback.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.priora.support.ApiClient;
import dev.priora.support.ApiClient.Response;
import dev.priora.support.IntegrationTestBase;

class FeedbackImportIntegrationTest extends IntegrationTestBase {

	@Autowired
	JdbcClient jdbc;

	private static final String CSV = "\uFEFFid,subject,body,account,when,labels\r\n"
			+ "101,Export to Excel,\"We need an Excel export\r\nof all orders\",Acme,2024-03-01,reporting;export\r\n"
			+ "102,Faster search,Search takes 5 seconds on our catalogue,Globex,2024-03-02T10:15:00Z,search\r\n"
			+ "103,Gift cards,Sell gift cards in the shop,Acme,,\r\n";

	private long count(String product) {
		return jdbc.sql("select count(*) from feedback where product_key = ?")
			.param(product)
			.query(Long.class)
			.single();
	}

	private Response upload(ApiClient api, String product, String csv, String query) {
		return api.postFile(
				"/api/v1/products/" + product + "/feedback/import?text=body&title=subject&customer=account"
						+ "&date=when&externalId=id&tags=labels" + query,
				csv.getBytes(StandardCharsets.UTF_8), "text/csv");
	}

	private ApiClient product(String key) {
		ApiClient api = api();
		assertThat(api.post("/api/v1/products", "{\"key\":\"" + key + "\",\"name\":\"Import " + key + "\"}").status())
			.isEqualTo(201);
		return api;
	}

	@Test
	void dryRunPreviewsWithoutWriting() {
		ApiClient api = product("IMPA");
		Response dry = upload(api, "IMPA", CSV, "&dryRun=true");
		assertThat(dry.status()).as(dry.text()).isEqualTo(200);
		assertThat(dry.json().get("rows").asInt()).isEqualTo(3);
		assertThat(dry.json().get("imported").asInt()).isEqualTo(3);
		assertThat(dry.json().get("customersCreated").asInt()).isEqualTo(2);
		assertThat(dry.json().get("preview").get(0).get("text").asText())
			.isEqualTo("We need an Excel export\r\nof all orders");
		assertThat(count("IMPA")).isZero();
	}

	@Test
	void importsOnceWithCustomersDatesAndTagsAndSkipsRowsImportedBefore() {
		ApiClient api = product("IMPB");
		Response first = upload(api, "IMPB", CSV, "");
		assertThat(first.status()).as(first.text()).isEqualTo(200);
		assertThat(first.json().get("imported").asInt()).isEqualTo(3);
		assertThat(first.json().get("customersCreated").asInt()).isEqualTo(2);
		var feedback = api.get("/api/v1/products/IMPB/feedback?limit=10").json().get("feedback");
		assertThat(feedback.size()).isEqualTo(3);
		var excel = feedback.get(2);
		assertThat(excel.get("title").asText()).isEqualTo("Export to Excel");
		assertThat(excel.get("customerName").asText()).isEqualTo("Acme");
		assertThat(excel.get("channel").asText()).isEqualTo("CSV");
		assertThat(excel.get("externalId").asText()).isEqualTo("101");
		assertThat(excel.get("receivedAt").asText()).startsWith("2024-03-01");
		assertThat(excel.get("tags").toString()).isEqualTo("[\"export\",\"reporting\"]");
		assertThat(api.get("/api/v1/products/IMPB/customers").json().size()).isEqualTo(2);
		Response again = upload(api, "IMPB", CSV, "");
		assertThat(again.json().get("imported").asInt()).isZero();
		assertThat(again.json().get("duplicates").asInt()).isEqualTo(3);
		assertThat(count("IMPB")).isEqualTo(3);
	}

	@Test
	void oneBadRowImportsNothingUnlessOnlyValidRowsAreAskedFor() {
		ApiClient api = product("IMPC");
		String bad = "id,subject,body,account,when,labels\n1,ok,fine text,,,\n2,,,,,\n3,date,text,,31/12/2024,\n";
		Response refused = upload(api, "IMPC", bad, "");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.isProblem()).isTrue();
		assertThat(refused.json().get("errors").toString()).contains("row 2 text").contains("row 3 date");
		assertThat(count("IMPC")).isZero();
		Response valid = upload(api, "IMPC", bad, "&validRowsOnly=true");
		assertThat(valid.status()).isEqualTo(200);
		assertThat(valid.json().get("imported").asInt()).isEqualTo(1);
		assertThat(valid.json().get("errors").size()).isEqualTo(2);
		assertThat(valid.json().get("errors").get(0).get("row").asInt()).isEqualTo(2);
		assertThat(count("IMPC")).isEqualTo(1);
	}

	@Test
	void refusesFilesItCannotRead() {
		ApiClient api = product("IMPD");
		Response missingColumn = api.postFile("/api/v1/products/IMPD/feedback/import?text=nope",
				"a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), "text/csv");
		assertThat(missingColumn.status()).isEqualTo(400);
		assertThat(missingColumn.json().get("errors").toString()).contains("column 'nope' is not in the file");
		Response latin1 = api.postFile("/api/v1/products/IMPD/feedback/import?text=body",
				new byte[] { 'b', 'o', 'd', 'y', '\n', 'c', 'a', 'f', (byte) 0xE9, '\n' }, "text/csv");
		assertThat(latin1.status()).isEqualTo(400);
		assertThat(latin1.json().get("detail").asText()).contains("not UTF-8");
		Response brokenQuotes = api.postFile("/api/v1/products/IMPD/feedback/import?text=body",
				"body\n\"unterminated\n".getBytes(StandardCharsets.UTF_8), "text/csv");
		assertThat(brokenQuotes.status()).isEqualTo(400);
		assertThat(count("IMPD")).isZero();
	}

	@Test
	void computesSentenceVectorsInTheBackgroundAfterAnImport() throws InterruptedException {
		ApiClient api = product("IMPE");
		upload(api, "IMPE", CSV, "");
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		long missing;
		do {
			Thread.sleep(200);
			missing = jdbc.sql("select count(*) from feedback where product_key = 'IMPE' and embedding is null")
				.query(Long.class)
				.single();
		}
		while (missing > 0 && Instant.now().isBefore(deadline));
		assertThat(missing).isZero();
		var similar = api.post("/api/v1/products/IMPE/similar?limit=1", "{\"text\":\"a spreadsheet export of orders\"}")
			.json();
		assertThat(similar.get(0).get("title").asText()).isEqualTo("Export to Excel");
	}

}
