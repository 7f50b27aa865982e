package dev.priora.integration.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading the values exports hold: dates in Jira's day/month-name/year form (English,
 * Spanish, French and German month names), ISO dates with or without an offset, numbers
 * with a decimal point or comma, and labels made safe for Priora.
 */
final class Fields {

	private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
			"(\\d{1,2})[/.\\- ]([\\p{L}.]+|\\d{1,2})[/.\\- ](\\d{2,4})(?:[ T,]+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([AaPp])?\\.?\\s*[Mm]?\\.?)?");

	private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("jan", 1), Map.entry("ene", 1),
			Map.entry("janv", 1), Map.entry("feb", 2), Map.entry("fev", 2), Map.entry("fevr", 2), Map.entry("mar", 3),
			Map.entry("mars", 3), Map.entry("apr", 4), Map.entry("abr", 4), Map.entry("avr", 4), Map.entry("may", 5),
			Map.entry("mai", 5), Map.entry("jun", 6), Map.entry("juin", 6), Map.entry("jul", 7), Map.entry("juil", 7),
			Map.entry("aug", 8), Map.entry("ago", 8), Map.entry("aou", 8), Map.entry("sep", 9), Map.entry("sept", 9),
			Map.entry("set", 9), Map.entry("oct", 10), Map.entry("okt", 10), Map.entry("nov", 11), Map.entry("dec", 12),
			Map.entry("dic", 12), Map.entry("dez", 12));

	private static final DateTimeFormatter JIRA_ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]Z");

	private Fields() {
	}

	/**
	 * An instant from the usual export forms (UTC when no offset is given), else null.
	 */
	static Instant instant(String text) {
		String t = text == null ? "" : text.strip();
		if (t.isEmpty()) {
			return null;
		}
		for (DateTimeFormatter f : new DateTimeFormatter[] { DateTimeFormatter.ISO_OFFSET_DATE_TIME, JIRA_ISO }) {
			try {
				return OffsetDateTime.parse(t, f).toInstant();
			}
			catch (DateTimeParseException e) {
				// next form
			}
		}
		try {
			return LocalDateTime.parse(t.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException e) {
			// next form
		}
		try {
			return LocalDate.parse(t.length() >= 10 ? t.substring(0, 10) : t).atStartOfDay(ZoneOffset.UTC).toInstant();
		}
		catch (DateTimeParseException e) {
			// next form
		}
		Matcher m = DAY_MONTH_YEAR.matcher(t);
		if (!m.lookingAt()) {
			return null;
		}
		Integer month = month(m.group(2));
		if (month == null) {
			return null;
		}
		int year = Integer.parseInt(m.group(3));
		year = year < 100 ? 2000 + year : year;
		int hour = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
		int minute = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
		if (m.group(7) != null) {
			boolean pm = m.group(7).equalsIgnoreCase("p");
			hour = hour % 12 + (pm ? 12 : 0);
		}
		try {
			return LocalDateTime.of(year, month, Integer.parseInt(m.group(1)), hour, minute).toInstant(ZoneOffset.UTC);
		}
		catch (java.time.DateTimeException e) {
			return null;
		}
	}

	/** The date as written (an ISO date-time's own local date), else null. */
	static LocalDate date(String text) {
		String t = text == null ? "" : text.strip();
		if (t.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
			try {
				return LocalDate.parse(t.substring(0, 10));
			}
			catch (DateTimeParseException e) {
				return null;
			}
		}
		Instant i = instant(t);
		return i == null ? null : i.atOffset(ZoneOffset.UTC).toLocalDate();
	}

	/** A non-negative number with a decimal point or comma, else null. */
	static BigDecimal number(String text) {
		String t = text == null ? "" : text.strip().replace(',', '.');
		if (t.isEmpty()) {
			return null;
		}
		try {
			BigDecimal b = new BigDecimal(t);
			return b.signum() < 0 ? null : b;
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	/**
	 * A label Priora accepts: lower case letters, digits, '.', '_' and '-', starting with
	 * a letter or digit, at most 50 characters; "" when nothing is left.
	 */
	static String label(String name) {
		String clean = Mapping.norm(name)
			.replaceAll("[^\\p{L}\\p{N}._-]+", "-")
			.replaceAll("^[^\\p{L}\\p{N}]+", "")
			.replaceAll("-+$", "");
		return clean.length() > 50 ? clean.substring(0, 50) : clean;
	}

	/**
	 * The names as labels Priora accepts (see {@link #label}), each once, at most 20;
	 * names that leave nothing are dropped.
	 */
	static List<String> labels(Iterable<String> names) {
		List<String> labels = new ArrayList<>();
		for (String name : names) {
			String clean = label(name);
			if (!clean.isEmpty() && !labels.contains(clean) && labels.size() < 20) {
				labels.add(clean);
			}
		}
		return labels;
	}

	/** One line, at most {@code max} characters. */
	static String line(String text, int max) {
		String t = text == null ? "" : text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
		return t.length() > max ? t.substring(0, max - 1) + "…" : t;
	}

	/** Text without control characters other than line breaks and tabs, clipped. */
	static String text(String text, int max) {
		String t = text == null ? "" : text.replace("\r\n", "\n").replaceAll("[\\p{Cntrl}&&[^\n\t]]", "").strip();
		return t.length() > max ? t.substring(0, max - 1) + "…" : t;
	}

	private static Integer month(String token) {
		if (token.chars().allMatch(Character::isDigit)) {
			int m = Integer.parseInt(token);
			return m >= 1 && m <= 12 ? m : null;
		}
		String t = Mapping.norm(token).replace(".", "");
		for (int len = Math.min(4, t.length()); len >= 3; len--) {
			Integer m = MONTHS.get(t.substring(0, len));
			if (m != null) {
				return m;
			}
		}
		return null;
	}

}
