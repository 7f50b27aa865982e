package dev.priora.integration;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.function.UnaryOperator;

import dev.priora.integration.ArchiveRepository.Column;
import tools.jackson.databind.JsonNode;

/**
 * One cell of an export document as its column's JDBC value, held to the column as the
 * database declares it: the JSON type the export writes for it (strings for text, times,
 * dates and decimals; numbers for whole numbers; booleans), years 1 to 9999, whole and
 * decimal digits of a {@code numeric(p, s)} (more decimals are refused, not rounded),
 * lengths (after item keys were renamed), and no control character but tab and line
 * breaks, no unpaired surrogate.
 */
final class ArchiveValues {

	/**
	 * Longest text of a column without a declared length (release notes allow 100,000).
	 */
	static final int MAX_TEXT = 100_000;

	private ArchiveValues() {
	}

	/** The JDBC value of a cell, or null when the JSON type does not fit the column. */
	static Object value(JsonNode v, Column c, UnaryOperator<String> rename) {
		return switch (c.type()) {
			case Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP -> v.isString() ? timestamp(v.asString()) : null;
			case Types.DATE -> v.isString() ? date(v.asString()) : null;
			case Types.NUMERIC, Types.DECIMAL -> decimal(v, c);
			case Types.BIGINT -> v.isIntegralNumber() && v.canConvertToLong() ? (Object) v.asLong() : null;
			case Types.INTEGER, Types.SMALLINT, Types.TINYINT ->
				v.isIntegralNumber() && v.canConvertToInt() ? (Object) v.asInt() : null;
			case Types.BOOLEAN, Types.BIT -> v.isBoolean() ? (Object) v.asBoolean() : null;
			case Types.VARCHAR, Types.CHAR, Types.NVARCHAR, Types.NCHAR, Types.LONGVARCHAR, Types.LONGNVARCHAR,
					Types.CLOB, Types.NCLOB ->
				v.isString() ? text(v.asString(), c, rename) : null;
			default -> throw new IllegalStateException("column " + c.name() + " has a type the export does not write");
		};
	}

	private static OffsetDateTime timestamp(String text) {
		Instant instant = Instant.parse(text);
		OffsetDateTime t = OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
		if (t.getYear() < 1 || t.getYear() > 9999) {
			throw new DateTimeParseException("year out of range", text, 0);
		}
		return t;
	}

	private static LocalDate date(String text) {
		LocalDate d = LocalDate.parse(text);
		if (d.getYear() < 1 || d.getYear() > 9999) {
			throw new DateTimeParseException("year out of range", text, 0);
		}
		return d;
	}

	private static BigDecimal decimal(JsonNode v, Column c) {
		if (!v.isString() && !v.isNumber()) {
			return null;
		}
		String text = v.isString() ? v.asString().strip() : v.asString();
		if (text.length() > 60) {
			throw new NumberFormatException("too long");
		}
		BigDecimal d = new BigDecimal(text);
		if ((long) d.precision() - d.scale() > c.precision() - c.scale()) {
			throw new NumberFormatException("too many digits");
		}
		if (d.scale() > c.scale() && d.stripTrailingZeros().scale() > c.scale()) {
			throw new NumberFormatException("too many decimals");
		}
		return d.setScale(c.scale());
	}

	private static String text(String raw, Column c, UnaryOperator<String> rename) {
		String s = c.name().equals("external_key") ? raw : rename.apply(raw);
		long max = c.length() > 0 && c.length() < MAX_TEXT ? c.length() : MAX_TEXT;
		if (s.length() > max) {
			throw new IllegalArgumentException();
		}
		for (int i = 0; i < s.length(); i++) {
			char ch = s.charAt(i);
			boolean control = ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r' || ch == 0x7f;
			boolean lone = Character.isHighSurrogate(ch)
					? i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(++i)) : Character.isLowSurrogate(ch);
			if (control || lone) {
				throw new IllegalArgumentException();
			}
		}
		return s;
	}

	static String expected(Column c) {
		return switch (c.type()) {
			case Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP -> "a UTC time like 2026-01-31T12:00:00Z";
			case Types.DATE -> "a date like 2026-01-31";
			case Types.NUMERIC, Types.DECIMAL -> "a number with at most " + (c.precision() - c.scale())
					+ " digits before the point and " + c.scale() + " after";
			case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> "a whole number";
			case Types.BOOLEAN, Types.BIT -> "true or false";
			default -> "text of at most " + (c.length() > 0 && c.length() < MAX_TEXT ? c.length() : MAX_TEXT)
					+ " characters without control characters";
		};
	}

}
