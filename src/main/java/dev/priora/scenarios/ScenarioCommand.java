package dev.priora.scenarios;

import java.util.List;

/**
 * A scenario as written: its name (1 to 100 characters, one per name in a product), the
 * value the planner maximizes (ITEM: the active score, the default; CUSTOMER: a customer
 * counts when all it asked for is planned), the discount per later release (0 to 0.9,
 * default 0.1), the planner's time limit (1 to 600 seconds, default 10) and its changes
 * (at most {@link #MAX_CHANGES}).
 */
public record ScenarioCommand(String name, Value value, Double discount, Integer timeLimitSeconds,
		List<ScenarioChange> changes) {

	/** The value the planner maximizes. */
	public enum Value {

		ITEM, CUSTOMER

	}

	/** The most changes a scenario holds. */
	public static final int MAX_CHANGES = 20;

	public ScenarioCommand {
		value = value == null ? Value.ITEM : value;
		discount = discount == null ? 0.1 : discount;
		timeLimitSeconds = timeLimitSeconds == null ? 10 : timeLimitSeconds;
		changes = changes == null ? List.of() : changes.stream().map(c -> c == null ? null : c.trimmed()).toList();
		name = name == null ? null : name.strip();
	}

}
