package dev.priora.feedback.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FeedbackFileTest {

	private static final Columns MAPPING = new Columns("Body", "Subject", "Company", "Date", "Id", "Tags");

	private static byte[] utf8(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void readsCsvWithBomAndCrLfAndChecksEveryRow() {
		String csv = "\uFEFFSubject,Body,Company,Date,Id,Tags\r\n"
				+ "Export,\"Please add CSV export\",Acme,2024-03-31,T-1,\"export; Reports\"\r\n"
				+ "Empty,,Globex,2024-04-01 10:15:00,T-2,\r\n" + ",,,,T-3,\r\n"
				+ "Late,Soon please,,31/03/2024,T-4,\r\n";
		FeedbackFile.Table table = FeedbackFile.csv(utf8(csv), MAPPING);
		assertThat(table.columns()).containsExactly("Subject", "Body", "Company", "Date", "Id", "Tags");

		FeedbackRows.Checked checked = FeedbackRows.check(table, MAPPING, 20_000);

		assertThat(checked.total()).isEqualTo(4);
		assertThat(checked.rows()).hasSize(2);
		FeedbackRows.Row first = checked.rows().get(0);
		assertThat(first.row()).isEqualTo(1);
		assertThat(first.text()).isEqualTo("Please add CSV export");
		assertThat(first.customer()).isEqualTo("Acme");
		assertThat(first.received()).isEqualTo(Instant.parse("2024-03-31T00:00:00Z"));
		assertThat(first.tags()).containsExactly("export", "reports");
		assertThat(first.externalId()).isEqualTo("T-1");
		FeedbackRows.Row subjectOnly = checked.rows().get(1);
		assertThat(subjectOnly.text()).as("a row with only a subject is still feedback").isEqualTo("Empty");
		assertThat(subjectOnly.received()).isEqualTo(Instant.parse("2024-04-01T10:15:00Z"));
		assertThat(checked.errors()).containsExactly(
				new FeedbackRows.RowError(3, "text", "is empty (and so is the title)"), new FeedbackRows.RowError(4,
						"date", "'31/03/2024' is no date like 2024-03-31 or 2024-03-31T10:15:00Z"));
		assertThat(checked.preview()).hasSize(4);
		assertThat(checked.preview().get(0)).containsEntry("row", "1").containsEntry("customer", "Acme");
	}

	@Test
	void refusesAMappedColumnTheFileLacksNamingTheField() {
		assertThatThrownBy(() -> FeedbackFile.csv(utf8("Body\nhello\n"), MAPPING))
			.isInstanceOfSatisfying(FeedbackFile.Refused.class, e -> assertThat(e.field()).isEqualTo("title"))
			.hasMessageContaining("column 'Subject' is not in the file");
		assertThatThrownBy(
				() -> FeedbackFile.csv(utf8("Body\nhello\n"), new Columns(" ", null, null, null, null, null)))
			.isInstanceOfSatisfying(FeedbackFile.Refused.class, e -> assertThat(e.field()).isEqualTo("text"));
	}

	@Test
	void refusesTextThatIsNotUtf8() {
		byte[] latin1 = "Body\ncaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
		assertThatThrownBy(() -> FeedbackFile.csv(latin1, null))
			.isInstanceOfSatisfying(FeedbackFile.Refused.class, e -> assertThat(e.field()).isEqualTo("file"))
			.hasMessageContaining("not UTF-8");
	}

	@Test
	void readsJsonRecordsWithNestedFieldsAndLists() {
		Object tree = Map.of("feedback", List.of(Map.of("body", "Dark mode", "customer", Map.of("name", "Initech"),
				"tags", List.of("ui", "Theme"), "id", 7), "not a record"));
		Columns mapping = new Columns("body", null, "customer.name", null, "id", "tags");
		FeedbackFile.Table table = FeedbackFile.json(tree, mapping, v -> "json:" + v);
		assertThat(table.columns()).contains("body", "customer", "customer.name", "tags", "id");

		FeedbackRows.Checked checked = FeedbackRows.check(table, mapping, 20_000);

		assertThat(checked.rows()).singleElement().satisfies(r -> {
			assertThat(r.customer()).isEqualTo("Initech");
			assertThat(r.tags()).containsExactly("ui", "theme");
			assertThat(r.externalId()).isEqualTo("7");
		});
		assertThat(checked.errors())
			.containsExactly(new FeedbackRows.RowError(2, "text", "is empty (and so is the title)"));
	}

	@Test
	void readsAMappedFieldHoldingAnObjectAsTheImportersJsonText() {
		Object tree = List.of(Map.of("body", Map.of("text", "Dark mode"), "tags", List.of(Map.of("name", "ui"))));
		FeedbackFile.Table table = FeedbackFile.json(tree, new Columns("body", null, null, null, null, "tags"),
				v -> "json:" + v);

		assertThat(table.records()).singleElement().satisfies(r -> {
			assertThat(r.value("body")).isEqualTo("json:{text=Dark mode}");
			assertThat(r.value("tags")).isEqualTo("json:{name=ui}");
		});
	}

	@Test
	void refusesJsonWithoutOneArrayOfRecords() {
		assertThatThrownBy(() -> FeedbackFile.json(Map.of("a", 1), null, String::valueOf))
			.isInstanceOf(FeedbackFile.Refused.class)
			.hasMessageContaining("array of objects");
		assertThatThrownBy(() -> FeedbackFile.json(List.of(Map.of("body", "x")),
				new Columns("text", null, null, null, null, null), String::valueOf))
			.hasMessageContaining("field 'text' is in none of the records");
	}

	@Test
	void refusesRowsOverTheLimits() {
		String csv = "Body,Subject\n" + "x".repeat(11) + ",ok\n" + "fine," + "t".repeat(301) + "\n";
		Columns mapping = new Columns("Body", "Subject", null, null, null, null);
		FeedbackRows.Checked checked = FeedbackRows.check(FeedbackFile.csv(utf8(csv), mapping), mapping, 10);
		assertThat(checked.rows()).isEmpty();
		assertThat(checked.errors()).containsExactly(
				new FeedbackRows.RowError(1, "text", "is longer than 10 characters"),
				new FeedbackRows.RowError(2, "title", "is longer than 300 characters"));
	}

}
