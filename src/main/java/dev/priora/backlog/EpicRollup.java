package dev.priora.backlog;

import java.math.BigDecimal;

/**
 * Totals over an epic's children: points (all, done, remaining), % of points done,
 * unestimated children.
 */
public record EpicRollup(int children, BigDecimal totalPoints, BigDecimal donePoints, int unestimated) {

	public BigDecimal remainingPoints() {
		return totalPoints.subtract(donePoints);
	}

	/**
	 * Share of estimated points done, 0–100, rounded down; 0 when nothing is estimated.
	 */
	public int percentComplete() {
		if (totalPoints.signum() == 0) {
			return 0;
		}
		return donePoints.multiply(BigDecimal.valueOf(100))
			.divide(totalPoints, 0, java.math.RoundingMode.DOWN)
			.intValue();
	}
}
