package dev.priora.scenarios;

import java.util.List;

/**
 * Up to three scenarios side by side after the board as it stands (the first column,
 * {@code id} null): each column's value, releases with dates and odds; and the items
 * whose release differs between any two columns, with each column's release (null: not
 * planned).
 */
public record ScenarioComparison(List<Column> columns, List<Difference> differences) {

	/**
	 * A column: the board (id null) or a scenario's last result; what its value measures
	 * ("customer value, discount 0.1"); its releases are the board's, in the same order
	 * (null: not in the scenario's run).
	 */
	public record Column(Long id, String name, long value, String measure, List<ScenarioView.ReleaseOutcome> releases) {
	}

	/** Whether every column's value measures the same thing (so values compare). */
	public boolean sameMeasure() {
		return columns.stream().map(Column::measure).distinct().count() <= 1;
	}

	/** An item whose release differs, with its release in each column (null: none). */
	public record Difference(String key, String title, List<String> releases) {
	}

}
