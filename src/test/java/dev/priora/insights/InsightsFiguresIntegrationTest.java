package dev.priora.insights;

import static dev.priora.support.Fixtures.aCustomer;
import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.someFeedback;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.priora.jobs.JobState;
import dev.priora.jobs.Jobs;
import dev.priora.support.IntegrationTestBase;
import dev.priora.support.TestProduct;

import tools.jackson.databind.JsonNode;

/**
 * The insights figures (the themes list and the trends the Insights page shows) follow
 * every change that affects them: after new feedback, a kind set, a customer changed or
 * forgotten, a merge of duplicates, a feedback deleted, and a theme's feedback moved, a
 * theme merged, split or recomputed, what the API answers equals the same figures counted
 * straight from the tables.
 */
class InsightsFiguresIntegrationTest extends IntegrationTestBase {

	@Autowired
	Jobs jobs;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theFiguresFollowEveryChangeToFeedbackAndThemes() {
		TestProduct p = aProduct("INSF").createdBy(api());
		long acme = aCustomer("Acme").segment("Enterprise").revenue(90000).currency("EUR").in(p);
		long beta = aCustomer("Beta").segment("SMB").revenue(1000).currency("EUR").in(p);
		long gamma = aCustomer("Gamma").revenue(500).currency("USD").in(p);
		List<Long> export = add(p, ThemeTopics.EXPORT, acme);
		List<Long> dark = add(p, ThemeTopics.DARK, beta);
		List<Long> login = add(p, ThemeTopics.LOGIN, gamma);
		recompute(p);
		Map<String, String> before = follows(p, "recomputed");
		long total = total(before);

		long added = someFeedback("Export the roadmap to CSV as well please").from(beta).in(p);
		assertThat(total(follows(p, "new feedback"))).as("one more feedback counted").isEqualTo(total + 1);
		ok(api().put(p.path("/feedback/" + export.get(0) + "/kind"), "{\"kind\":\"BUG\"}", null));
		ok(api().put(p.path("/feedback/" + dark.get(1) + "/kind"), "{\"kind\":\"PRAISE\"}", null));
		follows(p, "kinds set");
		ok(api().put(p.path("/feedback/" + login.get(0) + "/customer"), "{\"customerId\":" + acme + "}", null));
		follows(p, "customer changed");
		ok(api().delete(p.path("/feedback/" + login.get(1) + "/customer"), null));
		follows(p, "customer forgotten");
		ok(api().post(p.path("/feedback/" + export.get(2) + "/merge"), "{\"into\":" + export.get(3) + "}"));
		assertThat(total(follows(p, "duplicate merged"))).as("the duplicate left out").isEqualTo(total);

		themeEdits(p, login.get(2));
		recompute(p);
		follows(p, "recomputed again");
		jdbc.update("delete from feedback where id = ?", added);
		assertThat(total(follows(p, "feedback deleted"))).isEqualTo(total - 1);
	}

	/** A theme's feedback moved, a theme merged into another, and one split. */
	private void themeEdits(TestProduct p, long feedback) {
		List<Long> themes = new ArrayList<>();
		api().get(p.path("/insights/themes")).json().forEach(t -> themes.add(t.get("id").asLong()));
		assertThat(themes).hasSizeGreaterThanOrEqualTo(3);
		long to = themes.stream().filter(t -> !themeOf(feedback).equals(t)).findFirst().orElseThrow();
		ok(api().post(p.path("/insights/themes/" + to + "/feedback"), "{\"feedbackIds\":[" + feedback + "]}"));
		assertThat(themeOf(feedback)).isEqualTo(to);
		follows(p, "feedback moved");
		long from = themes.stream().filter(t -> t != to).findFirst().orElseThrow();
		ok(api().post(p.path("/insights/themes/" + from + "/merge"), "{\"into\":" + to + "}"));
		follows(p, "themes merged");
		ok(api().post(p.path("/insights/themes/" + to + "/split"), "{}"));
		follows(p, "theme split");
	}

	private Long themeOf(long feedback) {
		return jdbc.queryForObject("select theme_id from theme_feedback where feedback_id = ?", Long.class, feedback);
	}

	/**
	 * Asserts the API's figures equal the tables' (read again when a background refresh
	 * changed the tables meanwhile) and answers them.
	 */
	private Map<String, String> follows(TestProduct p, String after) {
		for (int attempt = 0;; attempt++) {
			Map<String, String> expected = counted(p.key());
			Map<String, String> answered = answered(p);
			if (expected.equals(counted(p.key())) || attempt == 3) {
				assertThat(answered).as("after " + after).isEqualTo(expected);
				return answered;
			}
		}
	}

	private static long total(Map<String, String> figures) {
		return figures.entrySet()
			.stream()
			.filter(e -> e.getKey().endsWith(" feedback") || e.getKey().equals("waiting"))
			.mapToLong(e -> Long.parseLong(e.getValue()))
			.sum();
	}

	/** What the themes list and the trends answer. */
	private Map<String, String> answered(TestProduct p) {
		Map<String, String> out = new TreeMap<>();
		var list = api().get(p.path("/insights/themes"));
		assertThat(list.status()).as(list.text()).isEqualTo(200);
		for (JsonNode t : list.json()) {
			String id = "theme " + t.get("id").asLong();
			out.put(id + " feedback", t.get("feedback").asText());
			out.put(id + " customers", t.get("customers").asText());
			t.get("revenue")
				.properties()
				.forEach(e -> out.put(id + " revenue " + e.getKey(), money(e.getValue().asText())));
			out.put(id + " last30", t.get("last30").asText());
			out.put(id + " thisWeek", t.get("thisWeek").asText());
		}
		var trends = api().get(p.path("/insights/trends"));
		assertThat(trends.status()).as(trends.text()).isEqualTo(200);
		JsonNode view = trends.json();
		out.put("waiting", view.get("waiting").asText());
		for (JsonNode s : view.get("weekly").get("byKind")) {
			long sum = 0;
			for (JsonNode c : s.get("counts")) {
				sum += c.asLong();
			}
			out.put(s.get("filter").asText(), String.valueOf(sum));
		}
		for (JsonNode row : view.get("grid")) {
			for (int i = 0; i < view.get("segments").size(); i++) {
				long n = row.get("customers").get(i).asLong();
				if (n > 0) {
					out.put("theme " + row.get("themeId").asLong() + " segment " + view.get("segments").get(i).asText(),
							String.valueOf(n));
				}
			}
		}
		return out;
	}

	/** The same figures counted from the tables. */
	private Map<String, String> counted(String key) {
		Map<String, String> out = new TreeMap<>();
		Instant now = Instant.now();
		jdbc.query("""
				select t.id, count(f.id), count(distinct f.customer_id),
				sum(case when f.received_at >= ? then 1 else 0 end), sum(case when f.received_at >= ? then 1 else 0 end)
				from themes t left join theme_feedback tf on tf.theme_id = t.id
				left join feedback f on f.id = tf.feedback_id and f.merged_into is null
				where t.product_key = ? group by t.id""", rs -> {
			String id = "theme " + rs.getLong(1);
			out.put(id + " feedback", String.valueOf(rs.getLong(2)));
			out.put(id + " customers", String.valueOf(rs.getLong(3)));
			out.put(id + " last30", String.valueOf(rs.getLong(4)));
			out.put(id + " thisWeek", String.valueOf(rs.getLong(5)));
		}, Timestamp.from(now.minus(30, ChronoUnit.DAYS)), Timestamp.from(now.minus(7, ChronoUnit.DAYS)), key);
		jdbc.query("""
				select d.theme_id, coalesce(c.segment, ''), count(*) from (select distinct
				tf.theme_id, f.customer_id from theme_feedback tf join feedback f on f.id = tf.feedback_id
				where tf.product_key = ?) d join customers c on c.id = d.customer_id
				group by d.theme_id, coalesce(c.segment, '')""", rs -> {
			out.put("theme " + rs.getLong(1) + " segment " + rs.getString(2), String.valueOf(rs.getLong(3)));
		}, key);
		jdbc.query("""
				select d.theme_id, c.revenue_currency, sum(c.revenue_amount) from (select distinct
				tf.theme_id, f.customer_id from theme_feedback tf join feedback f on f.id = tf.feedback_id
				where tf.product_key = ?) d join customers c on c.id = d.customer_id
				where c.revenue_amount is not null group by d.theme_id, c.revenue_currency""", rs -> {
			out.put("theme " + rs.getLong(1) + " revenue " + rs.getString(2),
					money(rs.getBigDecimal(3).toPlainString()));
		}, key);
		// an emptied theme (all its feedback moved or merged away) is not listed
		List.copyOf(out.keySet())
			.stream()
			.filter(k -> k.endsWith(" feedback") && out.get(k).equals("0"))
			.map(k -> k.substring(0, k.length() - " feedback".length()) + " ")
			.forEach(theme -> out.keySet().removeIf(k -> k.startsWith(theme)));
		out.put("waiting", String.valueOf(jdbc.queryForObject("""
				select count(*) from feedback f where f.product_key = ? and f.merged_into is null
				and not exists (select 1 from theme_feedback tf where tf.feedback_id = f.id)""", Long.class, key)));
		Instant first = LocalDate.ofInstant(now, ZoneOffset.UTC)
			.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
			.minusWeeks(Insights.WEEKS - 1)
			.atStartOfDay(ZoneOffset.UTC)
			.toInstant();
		jdbc.query("""
				select coalesce(kind, ''), count(*) from feedback where product_key = ? and merged_into is null
				and received_at >= ? group by coalesce(kind, '')""",
				(org.springframework.jdbc.core.RowCallbackHandler) rs -> out.put("kind=" + rs.getString(1),
						String.valueOf(rs.getLong(2))),
				key, Timestamp.from(first));
		return out;
	}

	private static String money(String amount) {
		return new BigDecimal(amount).stripTrailingZeros().toPlainString();
	}

	private List<Long> add(TestProduct p, List<String> texts, long customer) {
		List<Long> ids = new ArrayList<>();
		Instant now = Instant.now();
		for (int i = 0; i < texts.size(); i++) {
			ids.add(someFeedback(texts.get(i)).from(customer).receivedAt(now.minus(Duration.ofDays(i * 9L))).in(p));
		}
		return ids;
	}

	private static void ok(dev.priora.support.ApiClient.Response r) {
		assertThat(r.status()).as(r.text()).isBetween(200, 204);
	}

	private void recompute(TestProduct p) {
		var started = api().post(p.path("/insights/recompute"), "{}");
		assertThat(started.status()).as(started.text()).isEqualTo(202);
		String id = started.json().get("id").asText();
		Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
		while (!jobs.find(ThemeRecompute.KIND, p.key(), id).orElseThrow().state().finished()) {
			assertThat(Instant.now()).as("recompute finished").isBefore(deadline);
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		assertThat(jobs.find(ThemeRecompute.KIND, p.key(), id).orElseThrow().state()).isEqualTo(JobState.DONE);
	}

}
