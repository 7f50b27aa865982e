package dev.priora.integration.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.priora.integration.engine.ImportBatch.State;
import tools.jackson.databind.json.JsonMapper;

/**
 * Both Jira importers read a done issue's resolution against one list: resolved as not
 * done, in any of the languages, the issue is rejected.
 */
class JiraResolutionsTest {

	private static final String[] NOT_DONE = { "Won't Do", "Wont do", "Won’t Fix", "Declined", "Cannot Reproduce",
			"Duplicate", "Incomplete", "Rechazada", "No se hará", "Ne sera pas fait", "Ne sera pas corrigé" };

	@Test
	void jiraJsonRejectsDoneIssuesResolvedAsNotDoneInAnyLanguage() {
		for (String resolution : NOT_DONE) {
			assertThat(jsonState("Done", resolution)).as(resolution).isEqualTo(State.REJECTED);
		}
		assertThat(jsonState("Done", "Done")).isEqualTo(State.DONE);
		assertThat(jsonState("In Progress", "Won't Do")).as("only a done issue").isEqualTo(State.IN_PROGRESS);
	}

	@Test
	void jiraCsvRejectsDoneIssuesResolvedAsNotDoneInAnyLanguage() {
		for (String resolution : NOT_DONE) {
			assertThat(csvState("Done", resolution)).as(resolution).isEqualTo(State.REJECTED);
		}
		assertThat(csvState("Done", "Fixed")).isEqualTo(State.DONE);
		assertThat(csvState("To Do", "Duplicate")).as("only a done issue").isEqualTo(State.NEW);
	}

	private static State jsonState(String status, String resolution) {
		String json = """
				{"issues": [{"key": "R-1", "fields": {"summary": "One", "issuetype": {"name": "Story"},
				  "status": {"name": "%s"}, "resolution": {"name": "%s"}}}]}""".formatted(status, resolution);
		Object tree = JsonMapper.builder().build().readValue(json, Object.class);
		return JiraJson.parse(tree, Mapping.defaults(), new JiraJson.Options(null, null)).items().get(0).state();
	}

	private static State csvState(String status, String resolution) {
		String csv = "Summary,Issue key,Issue id,Issue Type,Status,Resolution\nOne,R-1,1,Story," + status + ","
				+ resolution + "\n";
		return JiraCsv.parse(csv.getBytes(StandardCharsets.UTF_8), Mapping.defaults()).items().get(0).state();
	}

}
