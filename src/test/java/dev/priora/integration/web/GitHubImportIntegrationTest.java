package dev.priora.integration.web;

import static dev.priora.support.Fixtures.aProduct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.priora.support.ApiClient.Response;
import dev.priora.support.ApiClient;
import dev.priora.support.IntegrationTestBase;
import tools.jackson.databind.JsonNode;

class GitHubImportIntegrationTest extends IntegrationTestBase {

	private static final String ISSUES = """
			[
			  {"number": 1, "title": "Dark mode", "body": "Please", "state": "open",
			   "repository_url": "https://api.github.com/repos/acme/shop", "html_url": "https://github.com/acme/shop/issues/1",
			   "labels": [{"name": "enhancement"}, {"name": "UI / UX"}],
			   "milestone": {"title": "v1.0", "due_on": "2027-03-01T08:00:00Z"}},
			  {"number": 2, "title": "Crash on empty cart", "body": null, "state": "closed",
			   "repository_url": "https://api.github.com/repos/acme/shop", "labels": [{"name": "bug"}], "milestone": null},
			  {"number": 3, "title": "Bump version", "state": "open", "repository_url": "https://api.github.com/repos/acme/shop",
			   "pull_request": {"url": "https://api.github.com/repos/acme/shop/pulls/3"}},
			  {"number": 4, "title": "", "state": "open", "repository_url": "https://api.github.com/repos/acme/shop"}
			]""";

	private static Response upload(ApiClient api, String product, byte[] file, boolean dryRun) {
		return api.postFile("/api/v1/products/" + product + "/imports/github?dryRun=" + dryRun, file,
				"application/json");
	}

	@Test
	void importsIssuesOnceWithLabelsMilestonesAndStates() {
		ApiClient api = api();
		aProduct("GHI").named("GitHub import").createdBy(api);
		byte[] file = ISSUES.getBytes(StandardCharsets.UTF_8);
		Response dry = upload(api, "GHI", file, true);
		assertThat(dry.status()).as(dry.text()).isEqualTo(200);
		assertThat(dry.json().get("created").asInt()).isEqualTo(2);
		assertThat(dry.json().get("ignored").get("pull requests").asInt()).isEqualTo(1);
		assertThat(dry.json().get("releasesCreated").asInt()).isEqualTo(1);
		assertThat(dry.json().get("skipped").toString()).contains("\"row\":4");
		assertThat(api.get("/api/v1/products/GHI/items").json().get("items")).isEmpty();

		Response done = upload(api, "GHI", file, false);
		assertThat(done.status()).as(done.text()).isEqualTo(200);
		JsonNode first = api.get("/api/v1/products/GHI/items/GHI-1").json();
		assertThat(first.get("type").asText()).isEqualTo("STORY");
		assertThat(first.get("labels").toString()).contains("enhancement").contains("ui-ux");
		assertThat(first.get("description").asText()).contains("https://github.com/acme/shop/issues/1");
		JsonNode second = api.get("/api/v1/products/GHI/items/GHI-2").json();
		assertThat(second.get("type").asText()).isEqualTo("BUG");
		assertThat(second.get("status").asText()).isEqualTo("DONE");
		JsonNode board = api.get("/api/v1/products/GHI/releases").json();
		assertThat(board.get("releases").get(0).get("name").asText()).isEqualTo("v1.0");
		assertThat(board.get("releases").get(0).get("targetDate").asText()).isEqualTo("2027-03-01");
		assertThat(board.get("releases").get(0).get("items").get(0).get("key").asText()).isEqualTo("GHI-1");

		String csv = api.get("/api/v1/products/GHI/items.csv").text();
		assertThat(csv).startsWith("rank,key,type,title,status,estimate,labels,epic,release\r\n")
			.contains("1,GHI-1,STORY,Dark mode,NEW,,enhancement;ui-ux,,v1.0\r\n")
			.contains("2,GHI-2,BUG,Crash on empty cart,DONE,,bug,,\r\n");

		Response again = upload(api, "GHI", file, false);
		assertThat(again.json().get("created").asInt()).isZero();
		assertThat(again.json().get("alreadyImported").asInt()).isEqualTo(2);
		assertThat(api.get("/api/v1/products/GHI/items").json().get("items")).hasSize(2);

		assertThat(upload(api, "GHI", "{\"no\": 1}".getBytes(StandardCharsets.UTF_8), false).status()).isEqualTo(400);
		assertThat(upload(api, "GHI", "[".getBytes(StandardCharsets.UTF_8), false).json().get("detail").asText())
			.contains("not valid JSON");
	}

	@Test
	void readsRealGitHubExports() throws Exception {
		Path dir = Path.of("../shared/data/imports/github");
		assumeTrue(Files.isDirectory(dir),
				"../shared/data/imports is not here; skipping the check against real exports");
		ApiClient api = api();
		aProduct("GHR").named("Real GitHub").createdBy(api);
		Response closed = upload(api, "GHR",
				Files.readAllBytes(dir.resolve("hub4j-github-api_closed-issues-page1.json")), true);
		assertThat(closed.status()).as(closed.text()).isEqualTo(200);
		assertThat(closed.json().get("rows").asInt()).isEqualTo(30);
		assertThat(closed.json().get("ignored").get("pull requests").asInt()).isEqualTo(24);
		assertThat(closed.json().get("created").asInt()).isEqualTo(6);
		Response labelled = upload(api, "GHR",
				Files.readAllBytes(dir.resolve("hub4j-test-org_testQueryIssues_state-all.json")), false);
		assertThat(labelled.status()).as(labelled.text()).isEqualTo(200);
		assertThat(labelled.json().get("created").asInt()).isEqualTo(8);
		assertThat(labelled.json().get("releasesCreated").asInt()).isGreaterThanOrEqualTo(1);
	}

}
