package dev.priora.web;

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
 * How pages write days and moments (through {@link Formats}, {@code #fmt}): days as "4
 * Mar 2027", moments relative to now ("3 days ago") with the exact time in UTC for the
 * hover text. Accepts any of {@link Instant}, {@link OffsetDateTime},
 * {@link LocalDateTime} (UTC) and {@link LocalDate}.
 */
final class DateFormats {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

	private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'",
			Locale.ENGLISH);

	private final Clock clock;

	DateFormats(Clock clock) {
		this.clock = clock;
	}

	/** A calendar day: "4 Mar 2027"; a dash for none. */
	public String day(Temporal t) {
		LocalDate d = toDate(t);
		return d == null ? Formats.DASH : DAY.format(d);
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
			return Formats.DASH;
		}
		return ago(i, clock.instant());
	}

	/**
	 * When something due at {@code t} happens: "in 5 min", or "now" when it is due
	 * already (one reading of the clock for both).
	 */
	public String due(Temporal t) {
		Instant i = toInstant(t);
		if (i == null) {
			return Formats.DASH;
		}
		Instant now = clock.instant();
		return i.isAfter(now) ? ago(i, now) : "now";
	}

	private String ago(Instant i, Instant now) {
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

	/**
	 * A length of time for people: "1 min", "2 h", "1 h 30 min", "3 days"; an ISO-8601
	 * duration ("PT30M") or a {@link Duration}; a dash for none.
	 */
	String duration(Object value) {
		Duration d = value instanceof Duration given ? given
				: value == null || value.toString().isBlank() ? null : Duration.parse(value.toString().strip());
		if (d == null) {
			return Formats.DASH;
		}
		StringBuilder text = new StringBuilder();
		long days = d.toDays();
		if (days > 0) {
			text.append(days).append(days == 1 ? " day " : " days ");
		}
		if (d.toHoursPart() > 0) {
			text.append(d.toHoursPart()).append(" h ");
		}
		if (d.toMinutesPart() > 0) {
			text.append(d.toMinutesPart()).append(" min ");
		}
		if (d.toSecondsPart() > 0 || text.isEmpty()) {
			text.append(d.toSecondsPart()).append(" s");
		}
		return text.toString().strip();
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
		return relative(Math.abs(days) + (Math.abs(days) == 1 ? " day" : " days"), days > 0);
	}

	private static String relative(String amount, boolean past) {
		return past ? amount + " ago" : "in " + amount;
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
