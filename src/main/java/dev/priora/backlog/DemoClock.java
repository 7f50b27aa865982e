package dev.priora.backlog;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.function.Supplier;

/**
 * The application clock. While the demo product is written on a first start, it can be
 * turned back for the writing thread only ({@link #at(Instant, Runnable)}), so that every
 * module's services record the demo's past — history, assignments, sprint runs, reviews,
 * links — with the dates it happened on, through their usual code paths. Every other
 * thread, and this one outside {@code at}, sees the real time.
 */
public final class DemoClock extends Clock {

	private final Clock system;

	private final ThreadLocal<Instant> past;

	public DemoClock(Clock system) {
		this(system, new ThreadLocal<>());
	}

	private DemoClock(Clock system, ThreadLocal<Instant> past) {
		this.system = system;
		this.past = past;
	}

	/**
	 * Runs {@code work} on this thread with the clock standing at {@code moment}, which
	 * must not be in the future.
	 */
	public void at(Instant moment, Runnable work) {
		at(moment, () -> {
			work.run();
			return null;
		});
	}

	/** As {@link #at(Instant, Runnable)}, returning what {@code work} returns. */
	public <T> T at(Instant moment, Supplier<T> work) {
		if (moment.isAfter(system.instant())) {
			throw new IllegalArgumentException("the demo's past cannot be in the future: " + moment);
		}
		Instant before = past.get();
		past.set(moment);
		try {
			return work.get();
		}
		finally {
			if (before == null) {
				past.remove();
			}
			else {
				past.set(before);
			}
		}
	}

	/**
	 * A moment of the demo's past written as days and a time of day (UTC) relative to
	 * {@code day}: {@code "-49 09:30"} is 49 days before it at half past nine.
	 */
	public static Instant moment(LocalDate day, String when) {
		String[] parts = when.strip().split("\\s+");
		if (parts.length != 2 || !parts[0].startsWith("-")) {
			throw new IllegalArgumentException("not '-<days> HH:mm': " + when);
		}
		return day.plusDays(Long.parseLong(parts[0])).atTime(LocalTime.parse(parts[1])).toInstant(ZoneOffset.UTC);
	}

	/** Steps of the demo's past, run in the order of their moments. */
	public Timeline timeline() {
		return new Timeline();
	}

	/**
	 * Steps collected in any order and run oldest first (steps at the same moment in the
	 * order they were added), each with the clock at its moment. A step may add later
	 * steps.
	 */
	public final class Timeline {

		private record Step(Instant at, long order, Runnable work) {
		}

		private final PriorityQueue<Step> steps = new PriorityQueue<>(
				Comparator.comparing(Step::at).thenComparingLong(Step::order));

		private long added;

		private Instant running;

		private Timeline() {
		}

		public Timeline add(Instant at, Runnable work) {
			if (running != null && at.isBefore(running)) {
				throw new IllegalStateException("a step at " + at + " was added while running " + running);
			}
			steps.add(new Step(at, added++, work));
			return this;
		}

		public void run() {
			for (Step s = steps.poll(); s != null; s = steps.poll()) {
				running = s.at();
				at(s.at(), s.work());
			}
			running = null;
		}

	}

	@Override
	public Instant instant() {
		Instant t = past.get();
		return t != null ? t : system.instant();
	}

	@Override
	public ZoneId getZone() {
		return system.getZone();
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new DemoClock(system.withZone(zone), past);
	}

}
