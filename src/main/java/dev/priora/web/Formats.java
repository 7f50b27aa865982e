package dev.priora.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.Locale;

/**
 * How pages write numbers, counts and dates, as {@code #fmt} in every template: one
 * format per kind of value, so that a column never mixes "40.00" and "39.0", "1
 * customers" does not happen, and every moment reads the same ("3 days ago", with the
 * exact time on hover). Null in, empty text (or a dash where noted) out.
 */
public final class Formats {

	static final String DASH = "–";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

	private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'",
			Locale.ENGLISH);

	private final Clock clock;

	Formats(Clock clock) {
		this.clock = clock;
	}

	/**
	 * "1 customer", "3 customers", "2 stories": the count and the noun in the right
	 * number.
	 */
	public String plural(Number n, String one) {
		return plural(n, one, pluralOf(one));
	}

	/** The count and the noun, with the plural given: "1 person", "4 people". */
	public String plural(Number n, String one, String many) {
		if (n == null) {
			return "";
		}
		BigDecimal v = new BigDecimal(n.toString());
		return num(n) + " " + (v.compareTo(BigDecimal.ONE) == 0 ? one : many);
	}

	/**
	 * The noun alone, for a count shown elsewhere: {@code noun(3, 'item')} is "items".
	 */
	public String noun(Number n, String one) {
		return n != null && new BigDecimal(n.toString()).compareTo(BigDecimal.ONE) == 0 ? one : pluralOf(one);
	}

	static String pluralOf(String one) {
		if (one.endsWith("y") && one.length() > 1 && "aeiou".indexOf(one.charAt(one.length() - 2)) < 0) {
			return one.substring(0, one.length() - 1) + "ies";
		}
		if (one.endsWith("s") || one.endsWith("x") || one.endsWith("ch") || one.endsWith("sh")) {
			return one + "es";
		}
		return one + "s";
	}

	/**
	 * A quantity as people read it: thousands grouped, at most two decimals, no trailing
	 * zeros ("1,250", "0.5", "13"). Estimates, capacities, counts.
	 */
	public String num(Number n) {
		return number(n);
	}

	/** {@link #num}, for a page's controller that formats a list once for every row. */
	public static String number(Number n) {
		if (n == null) {
			return "";
		}
		BigDecimal v = new BigDecimal(n.toString()).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
		return pattern(v.scale() <= 0 ? 0 : v.scale()).format(v);
	}

	/**
	 * A quantity with its unit, singular for one: "1 point", "8 points", "1 pt", "3 pts",
	 * "4 h"; a dash for nothing.
	 */
	public String amount(Number n, String unit) {
		if (n == null) {
			return DASH;
		}
		String u = unit == null ? "" : unit;
		boolean one = new BigDecimal(n.toString()).compareTo(BigDecimal.ONE) == 0;
		return num(n) + (u.isEmpty() ? "" : " " + (one && u.endsWith("s") ? u.substring(0, u.length() - 1) : u));
	}

	/**
	 * A number for an input's value: no grouping, no exponent, no trailing zeros ("1",
	 * "1000000000").
	 */
	public String plain(Number n) {
		return n == null ? "" : new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
	}

	/** {@link #num}, or a dash for nothing. */
	public String numOrDash(Number n) {
		return n == null ? DASH : num(n);
	}

	/**
	 * A value with a fixed number of decimals, for columns that must line up (scores:
	 * {@code fixed(x, 2)}).
	 */
	public String fixed(Number n, int decimals) {
		if (n == null) {
			return DASH;
		}
		return pattern(decimals).format(new BigDecimal(n.toString()).setScale(decimals, RoundingMode.HALF_UP));
	}

	/** A share of 0..1 as a whole percentage: "42 %". */
	public String percent(Number share) {
		if (share == null) {
			return DASH;
		}
		return fixed(new BigDecimal(share.toString()).multiply(BigDecimal.valueOf(100)), 0) + " %";
	}

	/** Money in whole units with its currency: "84,000 SEK". */
	public String money(Number amount, String currency) {
		if (amount == null) {
			return "";
		}
		return fixed(amount, 0) + (currency == null || currency.isBlank() ? "" : " " + currency);
	}

	/** Money shortened for tight columns: "162k EUR", "1.2M EUR". */
	public String moneyShort(Number amount, String currency) {
		if (amount == null) {
			return "";
		}
		BigDecimal v = new BigDecimal(amount.toString());
		String text;
		if (v.abs().compareTo(BigDecimal.valueOf(1_000_000)) >= 0) {
			text = num(v.divide(BigDecimal.valueOf(1_000_000), 1, RoundingMode.HALF_UP)) + "M";
		}
		else if (v.abs().compareTo(BigDecimal.valueOf(1_000)) >= 0) {
			text = num(v.divide(BigDecimal.valueOf(1_000), 0, RoundingMode.HALF_UP)) + "k";
		}
		else {
			text = fixed(v, 0);
		}
		return text + (currency == null || currency.isBlank() ? "" : " " + currency);
	}

	/** A calendar day: "4 Mar 2027"; a dash for none. */
	public String day(Temporal t) {
		LocalDate d = toDate(t);
		return d == null ? DASH : DAY.format(d);
	}

	/** A range of days: "4 Mar – 17 Mar 2027" (the year once when both share it). */
	public String days(LocalDate from, LocalDate to) {
		if (from == null || to == null) {
			return day(from != null ? from : to);
		}
		return (from.getYear() == to.getYear() ? SHORT_DAY.format(from) : DAY.format(from)) + " – " + DAY.format(to);
	}

	/** The exact moment, for the hover text of {@link #ago}: "1 Dec 2026, 12:30 UTC". */
	public String exact(Temporal t) {
		Instant i = toInstant(t);
		return i == null ? "" : EXACT.format(i.atOffset(ZoneOffset.UTC));
	}

	/** The moment as ISO-8601, for {@code <time datetime>}. */
	public String iso(Temporal t) {
		if (t instanceof LocalDate d) {
			return d.toString();
		}
		Instant i = toInstant(t);
		return i == null ? "" : i.toString();
	}

	/**
	 * A moment relative to now: "just now", "5 min ago", "3 h ago", "yesterday", "4 days
	 * ago", "in 2 days"; beyond a month the day itself. Days are calendar days (UTC).
	 */
	public String ago(Temporal t) {
		if (t instanceof LocalDate d) {
			return relativeDay(d);
		}
		Instant i = toInstant(t);
		if (i == null) {
			return DASH;
		}
		Instant now = clock.instant();
		Duration d = Duration.between(i, now);
		boolean past = !d.isNegative();
		long seconds = Math.abs(d.getSeconds());
		if (seconds < 60) {
			return past ? "just now" : "in a moment";
		}
		if (seconds < 3600) {
			return relative(seconds / 60 + " min", past);
		}
		if (seconds < 24 * 3600) {
			return relative(seconds / 3600 + " h", past);
		}
		return relativeDay(i.atOffset(ZoneOffset.UTC).toLocalDate());
	}

	private String relativeDay(LocalDate day) {
		LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
		long days = ChronoUnit.DAYS.between(day, today);
		if (days == 0) {
			return "today";
		}
		if (days == 1) {
			return "yesterday";
		}
		if (days == -1) {
			return "tomorrow";
		}
		if (Math.abs(days) > 45) {
			return DAY.format(day);
		}
		return relative(plural(Math.abs(days), "day"), days > 0);
	}

	private static String relative(String amount, boolean past) {
		return past ? amount + " ago" : "in " + amount;
	}

	private static final java.util.Set<String> ACRONYMS = java.util.Set.of("api", "csv", "json", "url", "cp-sat");

	/** An enum constant as words: IN_PROGRESS → "in progress", API → "API". */
	public String words(Object constant) {
		if (constant == null) {
			return "";
		}
		String name = constant instanceof Enum<?> e ? e.name() : constant.toString();
		String words = name.replace('_', ' ').toLowerCase(Locale.ROOT);
		return ACRONYMS.contains(words) ? words.toUpperCase(Locale.ROOT) : words;
	}

	/** An enum constant as a label: IN_PROGRESS → "In progress". */
	public String label(Object constant) {
		String w = words(constant);
		return w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
	}

	/** A CSS-safe token of a constant: IN_PROGRESS → "in-progress". */
	public String token(Object constant) {
		return words(constant).toLowerCase(Locale.ROOT).replace(' ', '-');
	}

	/** Up to two initials of a name or e-mail: "Mika Kovač" → "MK". */
	public String initials(String name) {
		if (name == null || name.isBlank()) {
			return "?";
		}
		String base = name.contains("@") ? name.substring(0, name.indexOf('@')) : name;
		String[] parts = base.strip().split("[\\s._-]+");
		StringBuilder out = new StringBuilder();
		for (String p : parts) {
			if (!p.isEmpty() && out.length() < 2 && Character.isLetterOrDigit(p.codePointAt(0))) {
				out.appendCodePoint(Character.toUpperCase(p.codePointAt(0)));
			}
		}
		return out.length() == 0 ? "?" : out.toString();
	}

	/** One of eight avatar tones, stable per name: "tone-3". */
	public String tone(String name) {
		return "tone-" + Math.floorMod(name == null ? 0 : name.hashCode(), 8);
	}

	/** The field an error message names ("title: must not be blank" → "title"), or "". */
	public String errorField(String message) {
		if (message == null) {
			return "";
		}
		int colon = message.indexOf(": ");
		String field = colon < 0 ? "" : message.substring(0, colon);
		return field.matches("[A-Za-z][A-Za-z0-9_.\\[\\]]{0,40}") ? field : "";
	}

	/**
	 * The error message without its field: "title: must not be blank" → "must not be
	 * blank".
	 */
	public String errorReason(String message) {
		String field = errorField(message);
		return field.isEmpty() ? message : message.substring(field.length() + 2);
	}

	private static DecimalFormat pattern(int decimals) {
		DecimalFormat f = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
				DecimalFormatSymbols.getInstance(Locale.ENGLISH));
		f.setRoundingMode(RoundingMode.HALF_UP);
		return f;
	}

	private static LocalDate toDate(Temporal t) {
		if (t == null) {
			return null;
		}
		if (t instanceof LocalDate d) {
			return d;
		}
		Instant i = toInstant(t);
		return i == null ? null : i.atOffset(ZoneOffset.UTC).toLocalDate();
	}

	private static Instant toInstant(Temporal t) {
		if (t instanceof Instant i) {
			return i;
		}
		if (t instanceof OffsetDateTime o) {
			return o.toInstant();
		}
		if (t instanceof LocalDateTime l) {
			return l.toInstant(ZoneOffset.UTC);
		}
		if (t instanceof LocalDate d) {
			return d.atStartOfDay(ZoneOffset.UTC).toInstant();
		}
		return null;
	}

}
