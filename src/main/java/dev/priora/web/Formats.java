package dev.priora.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Locale;

/**
 * How pages write numbers, counts and dates, as {@code #fmt} in every template: one
 * format per kind of value, so that a column never mixes "40.00" and "39.0", "1
 * customers" does not happen, and every moment reads the same ("3 days ago", with the
 * exact time on hover). Null in, empty text (or a dash where noted) out. Numbers and
 * counts are written here; days and moments by {@link DateFormats}, words by
 * {@link WordFormats}, both offered here so that templates know one name.
 */
public final class Formats {

	static final String DASH = "–";

	private final DateFormats dates;

	private final WordFormats words = new WordFormats();

	Formats(Clock clock) {
		this.dates = new DateFormats(clock);
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

	/**
	 * Amounts in several currencies, each with its own, never added up: "84,000 EUR,
	 * 1,200 USD" (currency → amount, written in the map's order); a dash for none.
	 */
	public String money(java.util.Map<String, ? extends Number> amounts) {
		if (amounts == null || amounts.isEmpty()) {
			return DASH;
		}
		return String.join(", ", amounts.entrySet().stream().map(e -> money(e.getValue(), e.getKey())).toList());
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
		return dates.day(t);
	}

	/** A range of days: "4 Mar – 17 Mar 2027" (the year once when both share it). */
	public String days(LocalDate from, LocalDate to) {
		return dates.days(from, to);
	}

	/** The exact moment, for the hover text of {@link #ago}: "1 Dec 2026, 12:30 UTC". */
	public String exact(Temporal t) {
		return dates.exact(t);
	}

	/** The moment as ISO-8601, for {@code <time datetime>}. */
	public String iso(Temporal t) {
		return dates.iso(t);
	}

	/**
	 * A moment relative to now: "just now", "5 min ago", "3 h ago", "yesterday", "4 days
	 * ago", "in 2 days"; beyond a month the day itself. Days are calendar days (UTC).
	 */
	public String ago(Temporal t) {
		return dates.ago(t);
	}

	/** When something due at {@code t} happens: "in 5 min", or "now" when it is due. */
	public String due(Temporal t) {
		return dates.due(t);
	}

	/**
	 * A length of time: "1 min", "2 h", "1 h 30 min", "3 days", from a
	 * {@link java.time.Duration} or its ISO-8601 text ("PT30M"); a dash for none.
	 */
	public String duration(Object value) {
		return dates.duration(value);
	}

	/** An enum constant as words: IN_PROGRESS → "in progress", API → "API". */
	public String words(Object constant) {
		return words.words(constant);
	}

	/** An enum constant as a label: IN_PROGRESS → "In progress". */
	public String label(Object constant) {
		return words.label(constant);
	}

	/**
	 * What an item's history line changed, as the item page names it:
	 * "acceptanceCriteria" → "Acceptance criteria", "release" → "Release".
	 */
	/**
	 * A change of acceptance criteria in words: "ticked “Pay by card”; added “Refunds
	 * work”".
	 */
	public String criteriaChange(String before, String after) {
		return CriteriaChanges.describe(before, after);
	}

	public String historyField(String field) {
		return switch (field) {
			case "acceptanceCriteria" -> "Acceptance criteria";
			case "position" -> "Place in the backlog";
			case "dependency" -> "Dependency";
			case "created" -> "Created";
			default -> field.isEmpty() ? field : Character.toUpperCase(field.charAt(0)) + field.substring(1);
		};
	}

	/** A CSS-safe token of a constant: IN_PROGRESS → "in-progress". */
	public String token(Object constant) {
		return words.token(constant);
	}

	/** Up to two initials of a name or e-mail: "Mika Kovač" → "MK". */
	public String initials(String name) {
		return words.initials(name);
	}

	/** One of eight avatar tones, stable per name: "tone-3". */
	public String tone(String name) {
		return words.tone(name);
	}

	/** The field an error message names ("title: must not be blank" → "title"), or "". */
	public String errorField(String message) {
		return words.errorField(message);
	}

	/**
	 * The error message without its field: "title: must not be blank" → "must not be
	 * blank".
	 */
	public String errorReason(String message) {
		return words.errorReason(message);
	}

	private static DecimalFormat pattern(int decimals) {
		DecimalFormat f = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
				DecimalFormatSymbols.getInstance(Locale.ENGLISH));
		f.setRoundingMode(RoundingMode.HALF_UP);
		return f;
	}

}
