package dev.priora.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class FormatsTest {

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	private final Formats fmt = new Formats(Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void countsTakeTheNounInTheRightNumber() {
		assertThat(fmt.plural(1, "customer")).isEqualTo("1 customer");
		assertThat(fmt.plural(0, "customer")).isEqualTo("0 customers");
		assertThat(fmt.plural(2, "story")).isEqualTo("2 stories");
		assertThat(fmt.plural(3, "day")).isEqualTo("3 days");
		assertThat(fmt.plural(2, "match")).isEqualTo("2 matches");
		assertThat(fmt.plural(new BigDecimal("1.0"), "point")).isEqualTo("1 point");
		assertThat(fmt.plural(1_250, "item")).isEqualTo("1,250 items");
		assertThat(fmt.plural(4, "child", "children")).isEqualTo("4 children");
		assertThat(fmt.noun(1, "customer")).isEqualTo("customer");
	}

	@Test
	void aChangeOfAcceptanceCriteriaReadsAsWhatWasDone() {
		assertThat(fmt.criteriaChange("[ ] Pay by card\n[ ] Refund", "[x] Pay by card\n[ ] Refund\n[ ] Receipt"))
			.isEqualTo("ticked “Pay by card”; added “Receipt”");
		assertThat(fmt.criteriaChange("[x] Pay by card\n[ ] Refund", "[ ] Pay by card"))
			.isEqualTo("unticked “Pay by card”; removed “Refund”");
		assertThat(fmt.criteriaChange(null, "[x] Imported")).isEqualTo("added “Imported” (met)");
		assertThat(fmt.criteriaChange("[ ] A\n[ ] B", "[ ] B\n[ ] A")).isEqualTo("reordered");
		assertThat(fmt.criteriaChange("[ ] " + "x".repeat(200), null)).hasSize("removed “”".length() + 80);
	}

	@Test
	void numbersHaveOneFormatPerKind() {
		assertThat(fmt.num(new BigDecimal("40.00"))).isEqualTo("40");
		assertThat(fmt.num(39.0)).isEqualTo("39");
		assertThat(fmt.num(new BigDecimal("0.50"))).isEqualTo("0.5");
		assertThat(fmt.num(12500)).isEqualTo("12,500");
		assertThat(fmt.numOrDash(null)).isEqualTo("–");
		assertThat(fmt.plain(1.0E9)).isEqualTo("1000000000");
		assertThat(fmt.plain(1.0)).isEqualTo("1");
		assertThat(fmt.amount(1, "pts")).isEqualTo("1 pt");
		assertThat(fmt.amount(new BigDecimal("3.0"), "pts")).isEqualTo("3 pts");
		assertThat(fmt.amount(1, "point")).isEqualTo("1 point");
		assertThat(fmt.amount(4, "h")).isEqualTo("4 h");
		assertThat(fmt.fixed(4.4, 2)).isEqualTo("4.40");
		assertThat(fmt.fixed(20.5, 2)).isEqualTo("20.50");
		assertThat(fmt.percent(0.425)).isEqualTo("43 %");
		assertThat(fmt.money(new BigDecimal("84000"), "SEK")).isEqualTo("84,000 SEK");
		assertThat(fmt.money(new java.util.TreeMap<>(java.util.Map.of("EUR", new BigDecimal("84000"), "USD", 1200))))
			.as("several currencies: each with its own, not added up")
			.isEqualTo("84,000 EUR, 1,200 USD");
		assertThat(fmt.money(java.util.Map.of())).isEqualTo("–");
		assertThat(fmt.moneyShort(new BigDecimal("162000"), "EUR")).isEqualTo("162k EUR");
		assertThat(fmt.moneyShort(new BigDecimal("1150000"), "EUR")).isEqualTo("1.2M EUR");
	}

	@Test
	void momentsReadRelativeWithTheExactTimeBeside() {
		assertThat(fmt.ago(NOW.minusSeconds(20))).isEqualTo("just now");
		assertThat(fmt.ago(NOW.minus(Duration.ofMinutes(5)))).isEqualTo("5 min ago");
		assertThat(fmt.ago(NOW.minus(Duration.ofHours(3)))).isEqualTo("3 h ago");
		assertThat(fmt.ago(NOW.minus(Duration.ofHours(30)))).isEqualTo("yesterday");
		assertThat(fmt.ago(NOW.minus(Duration.ofDays(4)))).isEqualTo("4 days ago");
		assertThat(fmt.ago(NOW.plus(Duration.ofDays(2)))).isEqualTo("in 2 days");
		assertThat(fmt.ago(NOW.minus(Duration.ofDays(90)))).isEqualTo("2 Sep 2026");
		assertThat(fmt.ago(LocalDate.of(2026, 12, 1))).isEqualTo("today");
		assertThat(fmt.due(NOW.plus(Duration.ofMinutes(5)))).isEqualTo("in 5 min");
		assertThat(fmt.due(NOW.plusSeconds(20))).isEqualTo("in a moment");
		assertThat(fmt.due(NOW)).as("due already").isEqualTo("now");
		assertThat(fmt.due(NOW.minusSeconds(20))).isEqualTo("now");
		assertThat(fmt.exact(NOW)).isEqualTo("1 Dec 2026, 12:00 UTC");
		assertThat(fmt.iso(NOW)).isEqualTo("2026-12-01T12:00:00Z");
		assertThat(fmt.day(LocalDate.of(2027, 3, 4))).isEqualTo("4 Mar 2027");
		assertThat(fmt.days(LocalDate.of(2027, 3, 4), LocalDate.of(2027, 3, 17))).isEqualTo("4 Mar – 17 Mar 2027");
		assertThat(fmt.day(null)).isEqualTo("–");
	}

	@Test
	void wordsInitialsAndErrorsReadAsPeopleWriteThem() {
		assertThat(fmt.label("IN_PROGRESS")).isEqualTo("In progress");
		assertThat(fmt.words("WEB_FORM")).isEqualTo("web form");
		assertThat(fmt.label("API")).isEqualTo("API");
		assertThat(fmt.token("on track")).isEqualTo("on-track");
		assertThat(fmt.initials("Mika Kovač")).isEqualTo("MK");
		assertThat(fmt.initials("ann.lee@example.com")).isEqualTo("AL");
		assertThat(fmt.tone("Mika")).isEqualTo(fmt.tone("Mika")).startsWith("tone-");
		assertThat(fmt.errorField("title: must not be blank")).isEqualTo("title");
		assertThat(fmt.errorReason("title: must not be blank")).isEqualTo("must not be blank");
		assertThat(fmt.errorField("The change conflicts: try again")).isEmpty();
	}

	@Test
	void historyFieldsReadAsTheItemPageNamesThem() {
		assertThat(fmt.historyField("acceptanceCriteria")).isEqualTo("Acceptance criteria");
		assertThat(fmt.historyField("status")).isEqualTo("Status");
		assertThat(fmt.historyField("position")).isEqualTo("Place in the backlog");
	}

}
