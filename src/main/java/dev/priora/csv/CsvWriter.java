package dev.priora.csv;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Writes every CSV that Priora serves: RFC 4180 (comma, CRLF, quotes where needed)
 * through commons-csv, one header row, and no cell a spreadsheet would run as a formula.
 * <p>
 * <b>Formula injection.</b> Spreadsheets evaluate a cell that starts with {@code =},
 * {@code +}, {@code -} or {@code @} (some also after a leading tab or carriage return),
 * so an item titled {@code =HYPERLINK("https://evil.example","Click")} would become a
 * live link, or worse, in the hands of whoever opens the export. Following OWASP's CSV
 * Injection advice, cells are of two kinds:
 * <ul>
 * <li><b>Numbers</b>: a {@link Number} the application computed (ranks, ids, counts,
 * points, days) is written as plain digits ({@link BigDecimal} without exponent), its
 * minus sign included, so spreadsheets still read {@code -3} as minus three. A number
 * cannot carry a formula.</li>
 * <li><b>Text</b>: everything else ({@code toString()}, so also dates, enums and numbers
 * a user typed into a text field). Wherever a spreadsheet may start a cell inside the
 * text (its start, and after a semicolon, tab, CR or LF, the separators of other locales
 * and readers, which would split the cell there), a formula character ({@code = + - @},
 * tab or CR, after any spaces) gets a single quote in front: {@code =HYPERLINK(…)} is
 * written {@code '=HYPERLINK(…)}, {@code -3} typed as a title {@code '-3}. The quote
 * shows in the spreadsheet; that is the price of never running a stranger's formula.</li>
 * </ul>
 */
public final class CsvWriter {

	/** The content type of every CSV answer. */
	public static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv; charset=UTF-8");

	private static final CSVFormat FORMAT = CSVFormat.RFC4180;

	/** What {@link Number#toString()} gives for a finite number, nothing else. */
	private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE]-?\\d+)?");

	private CsvWriter() {
	}

	/**
	 * The table as CSV text: the header row, then one row per list, each value a cell
	 * (null is an empty cell).
	 */
	public static String write(List<String> header, Iterable<? extends List<?>> rows) {
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
			csv.printRecord(cells(header));
			for (List<?> row : rows) {
				csv.printRecord(cells(row));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toString();
	}

	/** The table as a {@code text/csv} answer, shown in the browser. */
	public static ResponseEntity<String> response(List<String> header, Iterable<? extends List<?>> rows) {
		return ResponseEntity.ok().contentType(TEXT_CSV).body(write(header, rows));
	}

	/** The table as a {@code text/csv} download saved as {@code filename}. */
	public static ResponseEntity<String> download(String filename, List<String> header,
			Iterable<? extends List<?>> rows) {
		return ResponseEntity.ok()
			.contentType(TEXT_CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename).build().toString())
			.body(write(header, rows));
	}

	private static List<String> cells(List<?> row) {
		List<String> cells = new ArrayList<>(row.size());
		for (Object value : row) {
			cells.add(cell(value));
		}
		return cells;
	}

	/** One value as the text of its cell: numbers as numbers, text neutralised. */
	static String cell(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Number n) {
			String digits = n instanceof BigDecimal d ? d.toPlainString() : n.toString();
			if (PLAIN_NUMBER.matcher(digits).matches()) {
				return digits;
			}
			return neutralised(digits);
		}
		return neutralised(value.toString());
	}

	/**
	 * The text with a single quote before every formula character that starts a cell: at
	 * the beginning or after a separator, after any spaces.
	 */
	static String neutralised(String text) {
		StringBuilder out = null;
		boolean cellStart = true;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (cellStart && isFormulaStart(c)) {
				if (out == null) {
					out = new StringBuilder(text.length() + 8).append(text, 0, i);
				}
				out.append('\'');
			}
			if (out != null) {
				out.append(c);
			}
			cellStart = isSeparator(c) || (cellStart && c == ' ');
		}
		return out == null ? text : out.toString();
	}

	private static boolean isFormulaStart(char c) {
		return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
	}

	private static boolean isSeparator(char c) {
		return c == ';' || c == '\t' || c == '\r' || c == '\n';
	}

}
