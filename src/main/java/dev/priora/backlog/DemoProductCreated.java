package dev.priora.backlog;

import java.time.Instant;
import java.time.LocalDate;

import dev.priora.accounts.UserId;

/**
 * The demo product was created on a first start, so other modules can add their part of
 * the demo (customers and feedback, releases, sprints, the roadmap). Its past is dated
 * relative to {@code day}, the day of the first start, so the demo always looks current.
 */
public record DemoProductCreated(String productKey, UserId createdBy, LocalDate day) {

	/**
	 * A moment of the demo's past, such as {@code "-49 09:30"} (see {@link DemoClock}).
	 */
	public Instant at(String when) {
		return DemoClock.moment(day, when);
	}

}
