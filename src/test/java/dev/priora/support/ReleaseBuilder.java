package dev.priora.support;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A release. See {@link Fixtures#aRelease(String)}. */
public final class ReleaseBuilder extends RequestBuilder<ReleaseBuilder> {

	ReleaseBuilder(String name) {
		with("name", name);
	}

	public ReleaseBuilder capacity(Number points) {
		return with("capacity", new BigDecimal(points.toString()));
	}

	public ReleaseBuilder targetDate(LocalDate date) {
		return with("targetDate", date.toString());
	}

	/** Its capacity is the sum of its sprints' capacities. */
	public ReleaseBuilder capacityFromSprints() {
		return with("capacityFromSprints", true);
	}

	/** Creates the release in {@code product}; answers its id. */
	public long in(TestProduct product) {
		return createForId(product, "/releases");
	}

}
