package dev.priora.integration.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.priora.integration.engine.ImportBatch.Item;
import dev.priora.integration.engine.ImportBatch.Kind;
import dev.priora.integration.engine.ImportBatch.State;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON importers read parsed documents (plain maps and lists), as the service hands
 * them over.
 */
class JiraJsonAndTrelloTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static Object tree(String json) {
		return JSON.readValue(json, Object.class);
	}

	static Item item(ImportBatch batch, String key) {
		return batch.items().stream().filter(i -> i.key().equals(key)).findFirst().orElseThrow();
	}

	static final String SEARCH = Exports.JIRA_JSON;

	@Test
	void readsJiraSearchPagesWithTheirFieldsList() {
		ImportBatch batch = JiraJson.parse(tree(SEARCH), Mapping.defaults(), new JiraJson.Options(null, null));
		assertThat(batch.rows()).isEqualTo(5);
		Item flag = item(batch, "AR-2");
		assertThat(flag.state()).isEqualTo(State.READY);
		assertThat(flag.points()).isEqualByComparingTo("3");
		assertThat(flag.parent()).isEqualTo("AR-1");
		assertThat(flag.labels()).containsExactly("moderation", "p1");
		assertThat(flag.description()).isEqualTo("As a mod");
		assertThat(flag.release()).isEqualTo("1.1");
		assertThat(flag.sprint()).isEqualTo("Sprint 7");
		assertThat(flag.created()).isEqualTo(Instant.parse("2015-12-02T15:39:15Z"));
		assertThat(flag.comments()).extracting(ImportBatch.Comment::author).containsExactly("Fred");
		assertThat(batch.sprints()).containsExactly(
				new ImportBatch.Sprint("Sprint 7", LocalDate.of(2015, 12, 1), LocalDate.of(2015, 12, 14), "Ship it"));
		assertThat(batch.releases()).containsExactly(new ImportBatch.Release("1.1", LocalDate.of(2016, 1, 31)));
		Item api = item(batch, "AR-3");
		assertThat(api.kind()).isEqualTo(Kind.TASK);
		assertThat(api.state()).as("mapped by its status category").isEqualTo(State.DONE);
		assertThat(api.parent()).as("a sub-task's parent story waits on it instead").isNull();
		assertThat(item(batch, "AR-4").state()).isEqualTo(State.REJECTED);
		assertThat(batch.links()).extracting(l -> l.from() + " " + l.kind() + " " + l.to())
			.containsExactlyInAnyOrder("AR-2 DEPENDS_ON AR-3", "AR-2 DEPENDS_ON AR-4", "AR-2 DUPLICATES AR-4");
		assertThat(item(batch, "AR-5").title()).isEqualTo("AR-5");
		assertThat(batch.warnings())
			.contains(new ImportBatch.Note(5, "AR-5 has no summary in the export; titled by its key"));
		assertThatThrownBy(() -> JiraJson.parse(tree("{\"values\": [{\"name\": \"S1\"}]}"), Mapping.defaults(),
				new JiraJson.Options(null, null)))
			.hasMessageContaining("board's sprints");
		assertThatThrownBy(() -> JiraJson.parse(tree("[1, 2]"), Mapping.defaults(), new JiraJson.Options(null, null)))
			.hasMessageContaining("holds no Jira issues");
	}

	@Test
	void readsTheRealJiraJsonExports() throws Exception {
		Path dir = Path.of("../shared/data/imports/jira");
		assumeTrue(Files.isDirectory(dir),
				"../shared/data/imports is not here; skipping the check against real exports");
		ImportBatch search = JiraJson.parse(
				tree(Files.readString(dir.resolve("jira-ruby_search_SAMPLEPROJECT-11-issues.json"))),
				Mapping.defaults(), new JiraJson.Options(null, null));
		assertThat(search.items()).hasSize(11);
		ImportBatch agile = JiraJson.parse(
				tree(Files.readString(dir.resolve("go-jira_agile-issues-in-sprint_storypoints-epiclink.json"))),
				Mapping.defaults(), new JiraJson.Options("customfield_10105", "customfield_10700"));
		Item ar86 = item(agile, "AR-86");
		assertThat(ar86.points()).isEqualByComparingTo("13");
		assertThat(ar86.parent()).isEqualTo("AR-37");
		assertThat(ar86.resolved()).isNotNull();
		ImportBatch linked = JiraJson.parse(
				tree(Files.readString(dir.resolve("jrjc_issue_valid-all-expanded_issuelinks-changelog.json"))),
				Mapping.defaults(), new JiraJson.Options(null, null));
		assertThat(linked.items()).hasSize(1);
		assertThat(linked.links()).isNotEmpty();
		assertThat(item(linked, "TST-2").comments()).hasSize(4);
		assertThat(linked.releases()).extracting(ImportBatch.Release::name).contains("1.1");
		ImportBatch subtasks = JiraJson.parse(tree(Files.readString(dir.resolve("jrjc_issue_subtasks-5.json"))),
				Mapping.defaults(), new JiraJson.Options(null, null));
		assertThat(subtasks.links()).extracting(l -> l.from() + ">" + l.to()).containsExactly("SAM-1>SAM-2");
		ImportBatch sprintPage = JiraJson.parse(
				tree("{\"sprints\": " + Files.readString(dir.resolve("go-jira_agile-board-sprints.json"))
						+ ", \"pages\": "
						+ Files.readString(dir.resolve("jira-ruby_agile-sprint-issues_with-sprint-epic.json")) + "}"),
				Mapping.defaults(), new JiraJson.Options(null, null));
		Item hsp = sprintPage.items().get(0);
		assertThat(hsp.sprint()).isEqualTo("sprint 2");
		assertThat(hsp.comments()).isNotEmpty();
		assertThat(sprintPage.sprints()).extracting(ImportBatch.Sprint::name).contains("sprint 1", "sprint 2");
	}

	static final String BOARD = Exports.TRELLO;

	@Test
	void readsATrelloBoard() {
		ImportBatch batch = TrelloJson.parse(tree(BOARD), Mapping.defaults(), false);
		assertThat(batch.ignored()).isEqualTo(Map.of("archived cards", 2));
		assertThat(batch.items()).extracting(Item::title).containsExactly("Wish lists", "Crash on login", "Someday");
		Item wish = batch.items().get(0);
		assertThat(wish.state()).isEqualTo(State.IN_PROGRESS);
		assertThat(wish.labels()).containsExactly("feature", "red");
		assertThat(wish.criteria()).containsExactly(new ImportBatch.Criterion("Add to list", true),
				new ImportBatch.Criterion("Share list", false));
		assertThat(wish.comments()).extracting(ImportBatch.Comment::body).containsExactly("Needed by March");
		assertThat(wish.assignee()).isEqualTo("Ann Lee");
		assertThat(wish.description()).contains("Save for later").contains("https://trello.com/c/abc");
		assertThat(wish.created()).isEqualTo(Instant.ofEpochSecond(0x5f1a2b3cL));
		Item crash = batch.items().get(1);
		assertThat(crash.kind()).isEqualTo(Kind.BUG);
		assertThat(crash.state()).isEqualTo(State.DONE);
		assertThat(batch.items().get(2).state()).isEqualTo(State.NEW);
		assertThat(batch.warnings()).singleElement()
			.satisfies(w -> assertThat(w.text()).contains("list 'Parking lot' is not mapped"));
		assertThat(batch.skipped()).extracting(ImportBatch.Note::row).containsExactly(6);

		ImportBatch all = TrelloJson.parse(tree(BOARD), Mapping.of(List.of("Parking lot=REJECTED"), List.of()), true);
		assertThat(all.items()).hasSize(5);
		assertThat(item(all, "5f1a2b3c0000000000000005").state()).isEqualTo(State.REJECTED);
		assertThatThrownBy(() -> TrelloJson.parse(tree("[]"), Mapping.defaults(), false))
			.hasMessageContaining("not a Trello board export");
	}

}
