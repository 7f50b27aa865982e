package dev.priora.insights;

import static dev.priora.support.Fixtures.aCustomer;
import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.someFeedback;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.priora.jobs.JobState;
import dev.priora.jobs.Jobs;
import dev.priora.support.ApiClient;
import dev.priora.support.IntegrationTestBase;
import dev.priora.support.TestProduct;

import tools.jackson.databind.JsonNode;

/**
 * Themes through the API on real sentence vectors: three topics of feedback come out as
 * themes that keep each topic apart, named by the topic's words; a recompute runs as a
 * job; renames, moves and merges survive a recompute; split, create-an-item, trends and
 * the refusals (problem+json naming the field); a spike notifies the inbox's watchers
 * once.
 */
class ThemesIntegrationTest extends IntegrationTestBase {

	static final List<String> EXPORT = ThemeTopics.EXPORT;

	static final List<String> DARK = ThemeTopics.DARK;

	static final List<String> LOGIN = ThemeTopics.LOGIN;

	@Autowired
	Jobs jobs;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void recomputeGroupsEachTopicApartAndKeepsRenamesMovesAndMerges() {
		TestProduct p = aProduct("THMA").createdBy(api());
		Map<String, List<Long>> topics = seed(p, 0);
		recompute(p);
		List<JsonNode> themes = list(p);
		assertThat(themes).hasSizeBetween(3, 6);
		Map<Long, Long> themeOf = themeOf(p, themes);
		assertThat(themeOf).hasSize(18);
		for (List<Long> topic : topics.values()) {
			for (List<Long> other : topics.values()) {
				if (other != topic) {
					assertThat(themesOf(topic, themeOf)).as("topics apart")
						.doesNotContainAnyElementsOf(themesOf(other, themeOf));
				}
			}
		}
		long exportTheme = mostOf(topics.get("export"), themeOf);
		assertThat(detail(p, exportTheme).get("theme").get("words").asText()).containsAnyOf("export", "csv", "excel");

		var renamed = api().put(p.path("/insights/themes/" + exportTheme + "/name"), "{\"name\":\"CSV exports\"}",
				null);
		assertThat(renamed.status()).as(renamed.text()).isEqualTo(200);
		long darkTheme = mostOf(topics.get("dark"), themeOf);
		long loginTheme = mostOf(topics.get("login"), themeOf);
		long moved = topics.get("login").get(0);
		var move = api().post(p.path("/insights/themes/" + darkTheme + "/feedback"),
				"{\"feedbackIds\":[" + moved + "]}");
		assertThat(move.status()).as(move.text()).isEqualTo(200);

		recompute(p);
		assertThat(detail(p, exportTheme).get("theme").get("name").asText()).isEqualTo("CSV exports");
		Map<Long, Long> after = themeOf(p, list(p));
		assertThat(after.get(moved)).as("moved feedback stays with its theme").isEqualTo(darkTheme);

		List<Long> together = after.entrySet()
			.stream()
			.filter(e -> e.getValue() == loginTheme || e.getValue() == darkTheme)
			.map(Map.Entry::getKey)
			.toList();
		var merge = api().post(p.path("/insights/themes/" + loginTheme + "/merge"), "{\"into\":" + darkTheme + "}");
		assertThat(merge.status()).as(merge.text()).isEqualTo(200);
		assertThat(api().get(p.path("/insights/themes/" + loginTheme)).status()).isEqualTo(404);
		recompute(p);
		assertThat(themesOf(together, themeOf(p, list(p)))).as("a merged theme stays whole").containsOnly(darkTheme);
		var edits = detail(p, darkTheme).get("edits");
		assertThat(edits.toString()).contains("MERGE", "MOVE");
	}

	@Test
	void editsAreRefusedWithProblemsNamingTheField() {
		TestProduct p = aProduct("THMB").createdBy(api());
		seed(p, 0);
		recompute(p);
		long theme = list(p).get(0).get("id").asLong();
		assertProblem(api().put(p.path("/insights/themes/" + theme + "/name"), "{\"name\":\"  \"}", null), 400, "name");
		assertProblem(api().post(p.path("/insights/themes/" + theme + "/merge"), "{\"into\":" + theme + "}"), 400,
				"into");
		assertProblem(api().post(p.path("/insights/themes/" + theme + "/merge"), "{}"), 400, "into");
		assertProblem(api().post(p.path("/insights/themes/" + theme + "/feedback"), "{\"feedbackIds\":[999999]}"), 400,
				"feedbackIds");
		assertProblem(api().post(p.path("/insights/themes/" + theme + "/items"), "{\"type\":\"BUG\",\"title\":\"x\"}"),
				400, "type");
		assertProblem(api().get(p.path("/insights/weeks/yesterday")), 400, "week");
		assertThat(api().get(p.path("/insights/themes/999999")).status()).isEqualTo(404);
		assertThat(api().post(p.path("/insights/themes/999999/split"), "{}").status()).isEqualTo(404);
		assertThat(detail(p, theme).get("edits").size()).as("nothing recorded").isZero();

		var split = api().post(p.path("/insights/themes/" + theme + "/split"), "{}");
		assertThat(split.status()).as(split.text()).isEqualTo(200);
		long created = split.json().get("theme").get("id").asLong();
		assertThat(created).isNotEqualTo(theme);
		long before = detail(p, theme).get("theme").get("feedback").asLong();
		assertThat(before).isPositive();
		assertThat(split.json().get("theme").get("feedback").asLong()).isPositive();
	}

	@Test
	void trendsCoverageAndAnItemFromATheme() {
		TestProduct p = aProduct("THMC").createdBy(api());
		Map<String, List<Long>> topics = seed(p, 0);
		recompute(p);
		Map<Long, Long> themeOf = themeOf(p, list(p));
		long exportTheme = mostOf(topics.get("export"), themeOf);
		JsonNode trends = api().get(p.path("/insights/trends")).json();
		assertThat(trends.get("byRevenue").get(0).get("id").asLong()).as("Acme's 90,000 lead").isEqualTo(exportTheme);
		assertThat(trends.get("segments").toString()).contains("Enterprise", "SMB");
		long weekly = 0;
		for (JsonNode s : trends.get("weekly").get("byKind")) {
			for (JsonNode c : s.get("counts")) {
				weekly += c.asLong();
			}
		}
		assertThat(weekly).isEqualTo(18);
		assertThat(unaddressed(trends)).contains(exportTheme);

		var draft = api().get(p.path("/insights/themes/" + exportTheme + "/item-draft")).json();
		var created = api().post(p.path("/insights/themes/" + exportTheme + "/items"), ApiClient.json(Map.of("type",
				"EPIC", "title", draft.get("title").asText(), "description", draft.get("description").asText())));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		String key = created.json().get("key").asText();
		JsonNode item = api().get(p.path("/items/" + key)).json();
		assertThat(item.get("type").asText()).isEqualTo("EPIC");
		assertThat(item.get("description").asText()).contains("> ");
		JsonNode theme = detail(p, exportTheme).get("theme");
		assertThat(theme.get("coverage").get("state").asText()).isEqualTo("LINKED");
		assertThat(theme.get("coverage").get("items").get(0).get("key").asText()).isEqualTo(key);
		Integer linked = jdbc.queryForObject("select count(*) from feedback_links l join theme_feedback tf"
				+ " on tf.feedback_id = l.feedback_id where tf.theme_id = ?", Integer.class, exportTheme);
		assertThat(linked).isEqualTo(theme.get("feedback").asInt());
		var csv = api().get(p.path("/insights/themes.csv"));
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.text()).startsWith("theme,name,feedback").contains(key);
	}

	@Test
	void aSpikeNotifiesTheInboxWatchersOnce() {
		TestProduct p = aProduct("THMD").createdBy(api());
		var watch = api().put(p.path("/inbox/watch"), "{\"watching\":true}", null);
		assertThat(watch.status()).as(watch.text()).isEqualTo(200);
		seed(p, 0);
		recompute(p);
		JsonNode trends = api().get(p.path("/insights/trends")).json();
		assertThat(trends.get("spikes").size()).as("every topic is new this week").isPositive();
		int told = spikeNotifications("THMD");
		assertThat(told).isEqualTo(trends.get("spikes").size());
		recompute(p);
		assertThat(spikeNotifications("THMD")).as("once").isEqualTo(told);
	}

	private int spikeNotifications(String product) {
		return jdbc.queryForObject("select count(*) from notifications where kind = 'THEME_SPIKE' and product_key = ?",
				Integer.class, product);
	}

	private static List<Long> unaddressed(JsonNode trends) {
		List<Long> out = new ArrayList<>();
		trends.get("unaddressed").forEach(t -> out.add(t.get("id").asLong()));
		return out;
	}

	/** Three topics of six feedback each, from three customers. */
	private Map<String, List<Long>> seed(TestProduct p, int shift) {
		long acme = aCustomer("Acme").segment("Enterprise").revenue(90000).currency("EUR").in(p);
		long beta = aCustomer("Beta").segment("SMB").revenue(1000).currency("EUR").in(p);
		long gamma = aCustomer("Gamma").segment("SMB").revenue(500).currency("EUR").in(p);
		Instant now = Instant.now();
		return Map.of("export", add(p, EXPORT, acme, now), "dark", add(p, DARK, beta, now), "login",
				add(p, LOGIN, gamma, now));
	}

	private List<Long> add(TestProduct p, List<String> texts, long customer, Instant now) {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < texts.size(); i++) {
			ids.add(someFeedback(texts.get(i)).from(customer).receivedAt(now.minus(Duration.ofHours(i))).in(p));
		}
		return ids;
	}

	private void recompute(TestProduct p) {
		var started = api().post(p.path("/insights/recompute"), "{}");
		assertThat(started.status()).as(started.text()).isEqualTo(202);
		String id = started.json().get("id").asText();
		Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
		while (Instant.now().isBefore(deadline)) {
			var job = jobs.find(ThemeRecompute.KIND, p.key(), id).orElseThrow();
			if (job.state().finished()) {
				assertThat(job.state()).as(String.valueOf(job.problem())).isEqualTo(JobState.DONE);
				return;
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		throw new AssertionError("recompute did not finish");
	}

	private List<JsonNode> list(TestProduct p) {
		var r = api().get(p.path("/insights/themes"));
		assertThat(r.status()).as(r.text()).isEqualTo(200);
		List<JsonNode> out = new ArrayList<>();
		r.json().forEach(out::add);
		return out;
	}

	private JsonNode detail(TestProduct p, long id) {
		var r = api().get(p.path("/insights/themes/" + id));
		assertThat(r.status()).as(r.text()).isEqualTo(200);
		return r.json();
	}

	private Map<Long, Long> themeOf(TestProduct p, List<JsonNode> themes) {
		Map<Long, Long> out = new java.util.HashMap<>();
		for (JsonNode t : themes) {
			long id = t.get("id").asLong();
			detail(p, id).get("feedback").forEach(f -> out.put(f.get("feedbackId").asLong(), id));
		}
		return out;
	}

	private static Set<Long> themesOf(List<Long> feedback, Map<Long, Long> themeOf) {
		Set<Long> out = new HashSet<>();
		feedback.forEach(f -> out.add(themeOf.get(f)));
		return out;
	}

	private static long mostOf(List<Long> feedback, Map<Long, Long> themeOf) {
		Map<Long, Integer> votes = new java.util.HashMap<>();
		feedback.forEach(f -> votes.merge(themeOf.get(f), 1, Integer::sum));
		return votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
	}

	private static void assertProblem(ApiClient.Response r, int status, String field) {
		assertThat(r.status()).as(r.text()).isEqualTo(status);
		assertThat(r.isProblem()).as(r.text()).isTrue();
		assertThat(r.text()).contains("\"" + field + "\"");
	}

}
