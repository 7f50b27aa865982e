package dev.priora.feedback.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a feedback file's records against a column mapping, row by row: the text (or,
 * when it is empty, the title) is required and at most {@code maxText} characters; a
 * title at most 300, an external id at most 100, a customer name at most 200; a date like
 * {@code 2024-03-31} (UTC midnight) or an ISO date-time ({@code T} or a space, UTC when
 * no offset is given); tags split at {@code ;} or {@code ,}, lower case. A row with any
 * error is left out and each error reported; the first {@value #PREVIEW_ROWS} records are
 * previewed as mapped, valid or not.
 */
public final class FeedbackRows {

	/** Records previewed. */
	public static final int PREVIEW_ROWS = 10;

	private FeedbackRows() {
	}

	/**
	 * A valid row: its title on one line ("" when none), text, date (null when none),
	 * tags, external id and customer name (null when none).
	 */
	public record Row(long row, String title, String text, Instant received, List<String> tags, String externalId,
			String customer) {
		public Row {
			tags = List.copyOf(tags);
		}
	}

	/** A refused row: its number (1 = first data row), the field and why. */
	public record RowError(long row, String field, String reason) {
	}

	/**
	 * What the records hold: every record counted in {@code total}, the valid rows, the
	 * errors of the others, and the preview (the row number, then each mapped field's
	 * value, clipped to 200 characters).
	 */
	public record Checked(int total, List<Row> rows, List<RowError> errors, List<Map<String, String>> preview) {
		public Checked {
			rows = List.copyOf(rows);
			errors = List.copyOf(errors);
			preview = List.copyOf(preview);
		}
	}

	/** Checks every record of the table. */
	public static Checked check(FeedbackFile.Table table, Columns mapping, int maxText) {
		List<Row> rows = new ArrayList<>();
		List<RowError> errors = new ArrayList<>();
		List<Map<String, String>> preview = new ArrayList<>();
		for (FeedbackFile.Record r : table.records()) {
			Row row = row(r, mapping, maxText, errors);
			if (preview.size() < PREVIEW_ROWS) {
				preview.add(preview(r, mapping));
			}
			if (row != null) {
				rows.add(row);
			}
		}
		return new Checked(table.records().size(), rows, errors, preview);
	}

	private static Row row(FeedbackFile.Record r, Columns m, int maxText, List<RowError> errors) {
		int before = errors.size();
		long row = r.number();
		String title = r.value(m.title());
		String text = r.value(m.text());
		if (text == null || text.isEmpty()) {
			// a request with only a subject is still feedback: its title is its text
			text = title;
		}
		if (text == null || text.isEmpty()) {
			errors.add(new RowError(row, "text", "is empty (and so is the title)"));
		}
		else if (text.length() > maxText) {
			errors.add(new RowError(row, "text", "is longer than " + maxText + " characters"));
		}
		longer(row, "title", title, 300, errors);
		String ext = r.value(m.externalId());
		longer(row, "externalId", ext, 100, errors);
		Instant received = date(row, r.value(m.date()), errors);
		String customer = r.value(m.customer());
		longer(row, "customer", customer, 200, errors);
		if (errors.size() > before) {
			return null;
		}
		return new Row(row, title == null ? "" : title.replaceAll("\\s+", " "), text, received, tags(r.value(m.tags())),
				ext == null || ext.isEmpty() ? null : ext, customer == null || customer.isEmpty() ? null : customer);
	}

	private static void longer(long row, String field, String value, int max, List<RowError> errors) {
		if (value != null && value.length() > max) {
			errors.add(new RowError(row, field, "is longer than " + max + " characters"));
		}
	}

	private static List<String> tags(String value) {
		return value == null ? List.of()
				: Arrays.stream(value.split("[;,]"))
					.map(String::strip)
					.filter(s -> !s.isEmpty())
					.map(s -> s.toLowerCase(Locale.ROOT))
					.toList();
	}

	private static Instant date(long row, String value, List<RowError> errors) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		try {
			return value.length() <= 10 ? LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC)
					: OffsetDateTime
						.parse(value.replace(' ', 'T').endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$")
								? value.replace(' ', 'T') : value.replace(' ', 'T') + "Z")
						.toInstant();
		}
		catch (DateTimeParseException e) {
			errors.add(new RowError(row, "date", "'" + value + "' is no date like 2024-03-31 or 2024-03-31T10:15:00Z"));
			return null;
		}
	}

	private static Map<String, String> preview(FeedbackFile.Record r, Columns m) {
		Map<String, String> p = new LinkedHashMap<>();
		p.put("row", String.valueOf(r.number()));
		m.byField().forEach((field, column) -> {
			String v = column == null ? null : r.value(column);
			if (v != null) {
				p.put(field, v.length() > 200 ? v.substring(0, 200) + "…" : v);
			}
		});
		return p;
	}

}
