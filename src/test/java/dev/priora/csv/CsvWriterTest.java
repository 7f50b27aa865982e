package dev.priora.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class CsvWriterTest {

	private static final List<String> PAYLOADS = List.of("=HYPERLINK(\"https://evil.example\",\"Click\")",
			"+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)", "\t=1+1", "\r=1+1", "  =1+1", "=", "-", "@");

	@Test
	void prefixesTextThatStartsWithAFormulaCharacterWithASingleQuote() {
		assertThat(CsvWriter.cell("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
		assertThat(CsvWriter.cell("+1")).isEqualTo("'+1");
		assertThat(CsvWriter.cell("-1")).isEqualTo("'-1");
		assertThat(CsvWriter.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(CsvWriter.cell("\tx")).isEqualTo("'\tx");
		assertThat(CsvWriter.cell("\rx")).isEqualTo("'\rx");
		assertThat(CsvWriter.cell("   =1+1")).as("spaces before the formula").isEqualTo("   '=1+1");
	}

	@Test
	void leavesOrdinaryTextAlone() {
		for (String text : List.of("Export CSV", "a-b", "x=1", "mail@example.com", "SHOP-4", "2024-03-05", "",
				"'quoted", "ü € 日本")) {
			assertThat(CsvWriter.cell(text)).isEqualTo(text);
		}
	}

	@Test
	void neutralisesFormulasWhereOtherSeparatorsWouldStartACell() {
		assertThat(CsvWriter.cell("ok;=1+1")).isEqualTo("ok;'=1+1");
		assertThat(CsvWriter.cell("ok; @SUM(A1)")).isEqualTo("ok; '@SUM(A1)");
		assertThat(CsvWriter.cell("ok\t-2")).isEqualTo("ok\t'-2");
		assertThat(CsvWriter.cell("line\n=1+1")).isEqualTo("line\n'=1+1");
		assertThat(CsvWriter.cell("line\r\n+1")).isEqualTo("line\r\n'+1");
		assertThat(CsvWriter.cell("a;b-c")).isEqualTo("a;b-c");
	}

	@Test
	void writesNumbersTheApplicationComputedAsNumbersNegativeOnesIncluded() {
		assertThat(CsvWriter.cell(-3)).isEqualTo("-3");
		assertThat(CsvWriter.cell(42L)).isEqualTo("42");
		assertThat(CsvWriter.cell(new BigDecimal("-2.50"))).isEqualTo("-2.50");
		assertThat(CsvWriter.cell(new BigDecimal("1E+3"))).as("no exponent").isEqualTo("1000");
		assertThat(CsvWriter.cell(-0.5d)).isEqualTo("-0.5");
		assertThat(CsvWriter.cell(1.0e-7d)).isEqualTo("1.0E-7");
		assertThat(CsvWriter.cell(Double.NEGATIVE_INFINITY)).as("not a plain number").isEqualTo("'-Infinity");
		assertThat(CsvWriter.cell(null)).isEmpty();
	}

	@Test
	void writesDatesAndTimesAsTheirIsoText() {
		assertThat(CsvWriter.cell(LocalDate.of(2024, 3, 5))).isEqualTo("2024-03-05");
		assertThat(CsvWriter.cell(Instant.parse("2024-03-05T09:15:00Z"))).isEqualTo("2024-03-05T09:15:00Z");
	}

	@Test
	void noCellOfTheFileStartsWithAFormulaCharacterUnlessItIsANumber() throws IOException {
		List<List<?>> rows = new ArrayList<>();
		for (String p : PAYLOADS) {
			rows.add(Arrays.asList(-7, p, "label;" + p, null, new BigDecimal("-1.5")));
		}
		String csv = CsvWriter.write(List.of("n", "text", "joined", "empty", "points"), rows);
		List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
		assertThat(records).hasSize(PAYLOADS.size() + 1);
		for (int r = 1; r < records.size(); r++) {
			CSVRecord record = records.get(r);
			assertThat(record.get(0)).isEqualTo("-7");
			assertThat(record.get(4)).isEqualTo("-1.5");
			assertThat(record.get(1).strip()).startsWith("'").endsWith(PAYLOADS.get(r - 1).stripLeading());
			for (String cell : record.get(2).split("[;\t\r\n]")) {
				assertThat(cell.stripLeading()).doesNotStartWith("=")
					.doesNotStartWith("+")
					.doesNotStartWith("-")
					.doesNotStartWith("@");
			}
		}
	}

	@Test
	void writesRfc4180WithAHeaderAndQuotesWhereNeeded() {
		String csv = CsvWriter.write(List.of("key", "title"),
				List.of(List.of("SHOP-1", "Pay, then ship"), List.of("SHOP-2", "Say \"hi\"")));
		assertThat(csv).isEqualTo("key,title\r\nSHOP-1,\"Pay, then ship\"\r\nSHOP-2,\"Say \"\"hi\"\"\"\r\n");
	}

	@Test
	void answersTextCsvAndNamesTheDownload() {
		var answer = CsvWriter.download("SHOP-backlog.csv", List.of("key"), List.of(List.of("=1")));
		assertThat(answer.getHeaders().getContentType()).hasToString("text/csv;charset=UTF-8");
		assertThat(answer.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
			.isEqualTo("attachment; filename=\"SHOP-backlog.csv\"");
		assertThat(answer.getBody()).isEqualTo("key\r\n'=1\r\n");
	}

}
