package dev.priora.planning;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A sprint: dates, capacity in points, goal, and the release it belongs to (may be null).
 */
public record SprintView(long id, String name, LocalDate start, LocalDate end, BigDecimal capacity, String goal,
		Long releaseId, long version) {

	/**
	 * How a sentence names the sprint: its name where that says "sprint" already ("Sprint
	 * 24 is running"), else with the word before it ("Sprint C added"), never "Sprint
	 * Sprint 24".
	 */
	public String called() {
		return called(name);
	}

	/** {@link #called()} for a name alone (a sprint being added). */
	public static String called(String name) {
		String n = name == null ? "" : name.strip();
		return n.toLowerCase(java.util.Locale.ROOT).startsWith("sprint") ? n : "Sprint " + n;
	}

}
