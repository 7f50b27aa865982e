package dev.priora.feedback.web;

import static dev.priora.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.priora.support.ApiClient.Response;
import dev.priora.support.ApiClient;
import dev.priora.support.Eventually;
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
		eventually().alias("every imported text has its sentence vector")
			.until(() -> jdbc.sql("select count(*) from feedback where product_key = 'IMPE' and embedding is null")
				.query(Long.class)
				.single(), missing -> missing == 0);
		var similar = api.post("/api/v1/products/IMPE/similar?limit=1", "{\"text\":\"a spreadsheet export of orders\"}")
			.json();
		assertThat(similar.get(0).get("title").asText()).isEqualTo("Export to Excel");
	}

	@Test
	void importsJsonWithNestedFieldsAndTagArrays() {
		ApiClient api = product("IMPJ");
		String json = """
				{"feedback": [
				  {"id": "j1", "title": "Dark mode", "body": "Please add a dark mode", "customer": {"name": "Initech"},
				   "created": "2024-05-01", "labels": ["ui", "theme"]},
				  {"id": 2, "title": "Bulk edit", "body": "Edit many products at once", "customer": {"name": "Initech"}}
				]}""";
		String query = "/api/v1/products/IMPJ/feedback/import?text=body&title=title&customer=customer.name"
				+ "&date=created&externalId=id&tags=labels";
		Response done = api.postFile(query, json.getBytes(StandardCharsets.UTF_8), "application/json");
		assertThat(done.status()).as(done.text()).isEqualTo(200);
		assertThat(done.json().get("imported").asInt()).isEqualTo(2);
		assertThat(done.json().get("customersCreated").asInt()).isEqualTo(1);
		assertThat(done.json().get("columns").toString()).contains("customer.name");
		var list = api.get("/api/v1/products/IMPJ/feedback?tag=theme").json().get("feedback");
		assertThat(list.get(0).get("channel").asText()).isEqualTo("JSON");
		assertThat(list.get(0).get("customerName").asText()).isEqualTo("Initech");
		assertThat(list.get(0).get("receivedAt").asText()).startsWith("2024-05-01");

		Response bad = api.postFile("/api/v1/products/IMPJ/feedback/import?text=body",
				"[{\"body\": \"fine\"}, 7, {\"body\": \"\"}]".getBytes(StandardCharsets.UTF_8), "application/json");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").toString()).contains("row 2 text").contains("row 3 text");
		Response notJson = api.postFile(query, "{\"feedback\": [".getBytes(StandardCharsets.UTF_8), "application/json");
		assertThat(notJson.status()).isEqualTo(400);
		assertThat(notJson.json().get("detail").asText()).contains("not valid JSON");
		Response noArray = api.postFile(query, "{\"a\": 1}".getBytes(StandardCharsets.UTF_8), "application/json");
		assertThat(noArray.json().get("detail").asText()).contains("array of objects");
		assertThat(count("IMPJ")).isEqualTo(2);
	}

	@Test
	void runsImportsInTheBackgroundWithProgressAndCancel() throws InterruptedException {
		ApiClient api = product("IMPF");
		StringBuilder big = new StringBuilder("body\n");
		for (int i = 0; i < 20_000; i++) {
			big.append("Feedback number ").append(i).append(" about the checkout\n");
		}
		String url = "/api/v1/products/IMPF/feedback/import?text=body&async=true";
		Response first = api.postFile(url, big.toString().getBytes(StandardCharsets.UTF_8), "text/csv");
		assertThat(first.status()).as(first.text()).isEqualTo(202);
		Response second = api.postFile(url, "body\nqueued behind the first\n".getBytes(StandardCharsets.UTF_8),
				"text/csv");
		String firstJob = first.json().get("id").asText();
		String secondJob = second.json().get("id").asText();
		// the second waits behind the first, so it is cancelled before it starts
		Response cancelled = api.delete("/api/v1/products/IMPF/feedback/imports/" + secondJob, null);
		assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(202);
		assertThat(cancelled.json().get("cancelRequested").asBoolean()).isTrue();

		var firstDone = await(api, firstJob);
		assertThat(firstDone.get("state").asText()).isEqualTo("DONE");
		assertThat(firstDone.get("doneRows").asInt()).isEqualTo(20_000);
		assertThat(firstDone.get("percent").asInt()).isEqualTo(100);
		assertThat(firstDone.get("result").get("imported").asInt()).isEqualTo(20_000);
		assertThat(await(api, secondJob).get("state").asText()).isEqualTo("CANCELLED");
		assertThat(count("IMPF")).isEqualTo(20_000);
		assertThat(api.delete("/api/v1/products/IMPF/feedback/imports/" + firstJob, null).status()).isEqualTo(409);
		assertThat(api.get("/api/v1/products/IMPF/feedback/imports").text()).contains(firstJob).contains(secondJob);

		// cancelling a running import keeps nothing of it
		Response third = api.postFile(url,
				big.toString().replace("checkout", "basket").getBytes(StandardCharsets.UTF_8), "text/csv");
		String thirdJob = third.json().get("id").asText();
		api.delete("/api/v1/products/IMPF/feedback/imports/" + thirdJob, null);
		assertThat(await(api, thirdJob).get("state").asText()).isEqualTo("CANCELLED");
		assertThat(count("IMPF")).isEqualTo(20_000);

		// row errors of a background import are reported on the job
		Response failing = api.postFile(url, "body\n\"\"\n".getBytes(StandardCharsets.UTF_8), "text/csv");
		var failed = await(api, failing.json().get("id").asText());
		assertThat(failed.get("state").asText()).isEqualTo("FAILED");
		assertThat(failed.get("problem").get("errors").toString()).contains("row 1 text");
		assertThat(api.get("/api/v1/products/IMPF/feedback/imports/nope").status()).isEqualTo(404);
		// spare the background sentence vectors 20,000 texts no other test needs
		jdbc.sql("delete from feedback where product_key = 'IMPF'").update();
	}

	private static tools.jackson.databind.JsonNode await(ApiClient api, String job) {
		return Eventually.ended(api, "/api/v1/products/IMPF/feedback/imports/" + job, Duration.ofSeconds(120));
	}

	private static final List<String> SEVEN = List.of("Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark",
			"Wayne");

	@Test
	void twentyParallelImportsNamingTheSameCustomersCreateEachOnce() throws Exception {
		ApiClient api = product("IMPP");
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(20);
		java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
		List<java.util.concurrent.Future<Response>> answers = new java.util.ArrayList<>();
		for (int i = 0; i < 20; i++) {
			StringBuilder csv = new StringBuilder("body,account\n");
			for (int c = 0; c < SEVEN.size(); c++) {
				String name = SEVEN.get((c + i) % SEVEN.size());
				// the same customers, written as people write them
				String spelled = i % 3 == 0 ? name : i % 3 == 1 ? name.toUpperCase() : " " + name.toLowerCase() + " ";
				csv.append("import ").append(i).append(" row ").append(c).append(",\"").append(spelled).append("\"\n");
			}
			answers.add(pool.submit(() -> {
				start.await();
				return api.postFile("/api/v1/products/IMPP/feedback/import?text=body&customer=account",
						csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv");
			}));
		}
		start.countDown();
		int created = 0;
		for (var answer : answers) {
			Response r = answer.get(3, java.util.concurrent.TimeUnit.MINUTES);
			assertThat(r.status()).as(r.text()).isEqualTo(200);
			created += r.json().get("customersCreated").asInt();
		}
		pool.shutdown();
		assertThat(jdbc.sql("select name_key from customers where product_key = 'IMPP' order by name_key")
			.query(String.class)
			.list()).containsExactlyElementsOf(SEVEN.stream().map(String::toLowerCase).sorted().toList());
		assertThat(created).as("customers reported created over all imports").isEqualTo(7);
		assertThat(count("IMPP")).isEqualTo(140);
		assertThat(jdbc.sql("select count(distinct customer_id) from feedback where product_key = 'IMPP'")
			.query(Long.class)
			.single()).isEqualTo(7);
	}

	@Test
	void parallelCreatesOfOneCustomerLeaveOneRow() throws Exception {
		ApiClient api = product("IMPQ");
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(10);
		java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
		List<java.util.concurrent.Future<Response>> answers = new java.util.ArrayList<>();
		for (int i = 0; i < 10; i++) {
			String name = i % 2 == 0 ? "Initech" : "INITECH ";
			answers.add(pool.submit(() -> {
				start.await();
				return api.post("/api/v1/products/IMPQ/customers", "{\"name\":\"" + name + "\"}");
			}));
		}
		start.countDown();
		List<Integer> statuses = new java.util.ArrayList<>();
		for (var answer : answers) {
			Response r = answer.get(2, java.util.concurrent.TimeUnit.MINUTES);
			statuses.add(r.status());
			if (r.status() == 409) {
				assertThat(r.text()).contains("has a customer named");
			}
		}
		pool.shutdown();
		assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
		assertThat(jdbc.sql("select count(*) from customers where product_key = 'IMPQ'").query(Long.class).single())
			.isEqualTo(1);
		long id = api.get("/api/v1/products/IMPQ/customers").json().get(0).get("id").asLong();
		long other = api.post("/api/v1/products/IMPQ/customers", "{\"name\":\"Globex\"}").json().get("id").asLong();
		Response renamed = api.put("/api/v1/products/IMPQ/customers/" + other, "{\"name\":\" initech\"}",
				api.get("/api/v1/products/IMPQ/customers/" + other).etag());
		assertThat(renamed.status()).as("renaming onto another customer's name").isEqualTo(409);
		assertThat(renamed.text()).contains("(customer " + id + ")");
	}

}
