package dev.priora.support;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A sprint. See {@link Fixtures#aSprint(String)}. */
public final class SprintBuilder extends RequestBuilder<SprintBuilder> {

	SprintBuilder(String name) {
		with("name", name);
	}

	/** The first day; the sprint lasts two weeks (ends 13 days later) unless ended. */
	public SprintBuilder starting(LocalDate start) {
		with("start", start.toString());
		return has("end") ? this : with("end", start.plusDays(13).toString());
	}

	public SprintBuilder ending(LocalDate end) {
		return with("end", end.toString());
	}

	public SprintBuilder capacity(Number points) {
		return with("capacity", new BigDecimal(points.toString()));
	}

	public SprintBuilder goal(String goal) {
		return with("goal", goal);
	}

	/** The release the sprint delivers to. */
	public SprintBuilder forRelease(long releaseId) {
		return with("releaseId", releaseId);
	}

	/** Creates the sprint in {@code product}; answers its id. */
	public long in(TestProduct product) {
		return createForId(product, "/sprints");
	}

}
