package dev.priora.integration.web;

import static dev.priora.support.Fixtures.aProduct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.priora.integration.engine.Exports;
import dev.priora.support.ApiClient.Response;
import dev.priora.support.ApiClient;
import dev.priora.support.Eventually;
import dev.priora.support.IntegrationTestBase;
import tools.jackson.databind.JsonNode;

/** Jira, Jira JSON and Trello imports through the API, on the database. */
class BacklogImportIntegrationTest extends IntegrationTestBase {

	private static Response upload(ApiClient api, String product, String source, byte[] file, String query) {
		return api.postFile("/api/v1/products/" + product + "/imports/" + source + "?" + query, file,
				source.equals("jira") ? "text/csv" : "application/json");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** A new product {@code key} with the Jira CSV imported; the import's report. */
	private static JsonNode imported(ApiClient api, String key) {
		aProduct(key).named("Jira import").createdBy(api);
		Response done = upload(api, key, "jira", bytes(Exports.JIRA_CSV), "");
		assertThat(done.status()).as(done.text()).isEqualTo(200);
		return done.json();
	}

	@Test
	void aDryRunReportsWhatTheJiraCsvWouldMakeAndWritesNothing() {
		ApiClient api = api();
		aProduct("JIR").named("Jira dry run").createdBy(api);
		Response dry = upload(api, "JIR", "jira", bytes(Exports.JIRA_CSV), "dryRun=true");
		assertThat(dry.status()).as(dry.text()).isEqualTo(200);
		JsonNode report = dry.json();
		assertThat(report.get("created").asInt()).isEqualTo(5);
		assertThat(report.get("types").toString()).isEqualTo("{\"BUG\":1,\"EPIC\":1,\"STORY\":2,\"TASK\":1}");
		assertThat(report.get("statuses").get("DONE").asInt()).isEqualTo(1);
		assertThat(report.get("releasesCreated").asInt()).isEqualTo(1);
		assertThat(report.get("membersCreated").asInt()).isEqualTo(1);
		assertThat(report.get("links").asInt()).isEqualTo(4);
		assertThat(report.get("comments").asInt()).isEqualTo(2);
		assertThat(report.get("unmappedColumns").toString()).isEqualTo("[\"Watchers\"]");
		assertThat(report.get("skipped").toString()).contains("\"row\":7").contains("\"row\":8");
		assertThat(report.get("warnings").toString()).contains("4 points rounded to 5")
			.contains("sprint 'Sprint 2' has no dates");
		assertThat(api.get("/api/v1/products/JIR/items").json().get("items")).isEmpty();
		assertThat(api.get("/api/v1/products/JIR/releases").json().get("releases")).isEmpty();
		assertThat(api.get("/api/v1/products/JIR/team").json()).isEmpty();
	}

	@Test
	void importsAJiraCsvWithItsHierarchyEstimatesLabelsAndComments() {
		ApiClient api = api();
		String base = "/api/v1/products/JIH";
		assertThat(imported(api, "JIH").get("createdItems").toString())
			.isEqualTo("[\"JIH-1\",\"JIH-2\",\"JIH-3\",\"JIH-4\",\"JIH-5\"]");
		assertThat(api.get(base + "/items/JIH-1").json().get("type").asText()).isEqualTo("EPIC");
		JsonNode card = api.get(base + "/items/JIH-2").json();
		assertThat(card.get("status").asText()).isEqualTo("DONE");
		assertThat(card.get("parent").asText()).isEqualTo("JIH-1");
		assertThat(card.get("estimate").decimalValue()).isEqualByComparingTo("5");
		assertThat(card.get("labels").toString()).contains("payments")
			.contains("pci-scope")
			.contains("sprint-sprint-2");
		assertThat(card.get("createdAt").asText()).startsWith("2026-03-02T10:15");
		JsonNode comments = api.get(base + "/items/JIH-2/comments").json();
		assertThat(comments).hasSize(2);
		assertThat(comments.get(0).get("author").asText()).isEqualTo("Ann Lee");
		assertThat(comments.get(0).get("source").asText()).isEqualTo("jira");
		assertThat(comments.get(0).get("at").asText()).startsWith("2026-03-03T08:00");
		assertThat(api.get(base + "/items/JIH-3").json().get("estimate").decimalValue()).isEqualByComparingTo("5");
		assertThat(api.get(base + "/items/JIH-4").json().get("status").asText()).isEqualTo("REJECTED");
		assertThat(api.get(base + "/items/JIH-2/history").text()).contains("imported from jira");
	}

	@Test
	void importsAJiraCsvsLinksReleasesAndPeople() {
		ApiClient api = api();
		String base = "/api/v1/products/JIL";
		imported(api, "JIL");
		JsonNode refunds = api.get(base + "/items/JIL-3").json();
		assertThat(refunds.get("dependencies").get("waitsOn").toString()).contains("JIL-2").contains("JIL-5");
		assertThat(refunds.get("dependencies").get("relatesTo").toString()).contains("\"key\":\"JIL-2\"")
			.contains("\"key\":\"JIL-4\",")
			.contains("DUPLICATES");
		JsonNode board = api.get(base + "/releases").json();
		assertThat(board.get("releases").get(0).get("name").asText()).isEqualTo("v1.0");
		assertThat(board.get("releases").get(0).get("items").get(0).get("key").asText()).isEqualTo("JIL-2");
		assertThat(api.get(base + "/team").text()).contains("Ann Lee");
	}

	@Test
	void importsTheSameJiraCsvOnlyOnce() {
		ApiClient api = api();
		imported(api, "JIO");
		Response again = upload(api, "JIO", "jira", bytes(Exports.JIRA_CSV), "");
		assertThat(again.json().get("created").asInt()).isZero();
		assertThat(again.json().get("alreadyImported").asInt()).isEqualTo(5);
		assertThat(api.get("/api/v1/products/JIO/items").json().get("items")).hasSize(5);
	}

	@Test
	void refusesABadMappingAFileThatIsNoJiraCsvAndAnUnknownSourceWritingNothing() {
		ApiClient api = api();
		aProduct("JIB").named("Jira refusals").createdBy(api);
		Response badMapping = upload(api, "JIB", "jira", bytes(Exports.JIRA_CSV), "status=Mystery%3DLATER");
		assertThat(badMapping.status()).isEqualTo(400);
		assertThat(badMapping.text()).contains("mapping").contains("names no Priora status");
		Response notCsv = upload(api, "JIB", "jira", bytes("name,value\nx,1\n"), "");
		assertThat(notCsv.status()).isEqualTo(400);
		assertThat(notCsv.text()).contains("Summary and Issue key");
		assertThat(upload(api, "JIB", "asana", bytes("[]"), "").status()).isEqualTo(400);
		assertThat(api.get("/api/v1/products/JIB/items").json().get("items")).as("nothing written").isEmpty();
	}

	@Test
	void importsJiraJsonAndATrelloBoardInTheBackgroundWithProgress() throws InterruptedException {
		ApiClient api = api();
		aProduct("JTR").named("Json and Trello").createdBy(api);
		Response json = upload(api, "JTR", "jira-json", bytes(Exports.JIRA_JSON), "");
		assertThat(json.status()).as(json.text()).isEqualTo(200);
		assertThat(json.json().get("created").asInt()).isEqualTo(5);
		assertThat(json.json().get("sprintsCreated").asInt()).isEqualTo(1);
		JsonNode sprints = api.get("/api/v1/products/JTR/releases").json().get("sprints");
		assertThat(sprints.get(0).get("name").asText()).isEqualTo("Sprint 7");
		assertThat(sprints.get(0).get("start").asText()).isEqualTo("2015-12-01");

		Response started = upload(api, "JTR", "trello", bytes(Exports.TRELLO),
				"async=true&status=Parking%20lot%3DREJECTED");
		assertThat(started.status()).as(started.text()).isEqualTo(202);
		String id = started.json().get("id").asText();
		JsonNode job = Eventually.ended(api, "/api/v1/products/JTR/imports/" + id);
		assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("DONE");
		assertThat(job.get("percent").asInt()).isEqualTo(100);
		assertThat(job.get("report").get("created").asInt()).isEqualTo(3);
		assertThat(job.get("report").get("ignored").get("archived cards").asInt()).isEqualTo(2);
		assertThat(api.get("/api/v1/products/JTR/imports").json().get(0).get("id").asText()).isEqualTo(id);
		assertThat(api.delete("/api/v1/products/JTR/imports/" + id, null).status()).isEqualTo(409);
		JsonNode wish = api.get("/api/v1/products/JTR/items").json().get("items");
		assertThat(wish.toString()).contains("Wish lists").contains("Crash on login");
		Response badStart = upload(api, "JTR", "trello", bytes("[]"), "async=true");
		assertThat(badStart.status()).as("a bad file is refused before a job exists").isEqualTo(400);
	}

	@Test
	void importsTheRealJiraExports() throws Exception {
		Path dir = Path.of("../shared/data/imports/jira");
		assumeTrue(Files.isDirectory(dir),
				"../shared/data/imports is not here; skipping the check against real exports");
		ApiClient api = api();
		aProduct("JRL").named("Real Jira").createdBy(api);
		byte[] csv = Files.readAllBytes(dir.resolve("ericmedlock-planeso-jira-migration_Jira.csv"));
		Response done = upload(api, "JRL", "jira", csv, "");
		assertThat(done.status()).as(done.text()).isEqualTo(200);
		assertThat(done.json().get("created").asInt()).isEqualTo(22);
		assertThat(done.json().get("comments").asInt()).isGreaterThan(10);
		assertThat(upload(api, "JRL", "jira", csv, "").json().get("alreadyImported").asInt()).isEqualTo(22);
		Response search = upload(api, "JRL", "jira-json",
				Files.readAllBytes(dir.resolve("jira-ruby_search_SAMPLEPROJECT-11-issues.json")), "");
		assertThat(search.status()).as(search.text()).isEqualTo(200);
		assertThat(search.json().get("created").asInt()).isEqualTo(11);
		Response linked = upload(api, "JRL", "jira-json",
				Files.readAllBytes(dir.resolve("jrjc_issue_valid-all-expanded_issuelinks-changelog.json")), "");
		assertThat(linked.status()).as(linked.text()).isEqualTo(200);
		assertThat(linked.json().get("warnings").toString()).contains("is not imported");
	}

}
