package dev.priora.backlog;

import dev.priora.problem.DomainProblem;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import dev.priora.accounts.UserId;

/**
 * Where items are planned — their release and sprint — as the backlog's rows and bulk
 * changes show and change it. Releases and sprints belong to {@code planning}, which
 * depends on the backlog, so the backlog declares this port and {@code planning}
 * implements it (one bean, found by type): the module arrow keeps pointing from planning
 * to the backlog. Refusals are {@link DomainProblem}s naming the field {@code release} or
 * {@code sprint}.
 */
public interface ItemPlans {

	/** An item's release and sprint (either null: none). */
	record Plan(Long releaseId, Long sprintId) {

		public static final Plan NONE = new Plan(null, null);

	}

	/**
	 * A release or sprint: {@code open} is false for a released release or a closed
	 * sprint (shown where an item is, never offered).
	 */
	record Choice(long id, String name, boolean open) {
	}

	/** The product's releases and sprints, in planning order. */
	record Choices(List<Choice> releases, List<Choice> sprints) {

		public Choices {
			releases = List.copyOf(releases);
			sprints = List.copyOf(sprints);
		}

		/** The release with this id, or null. */
		public Choice release(Long id) {
			return id == null ? null : releases.stream().filter(c -> c.id() == id).findFirst().orElse(null);
		}

		/** The sprint with this id, or null. */
		public Choice sprint(Long id) {
			return id == null ? null : sprints.stream().filter(c -> c.id() == id).findFirst().orElse(null);
		}

	}

	/** The release or sprint an item is to have; {@code id} null: none. */
	record Target(Long id) {

		public static final Target NONE = new Target(null);

	}

	/** The product's releases and sprints to show and offer. */
	Choices choices(String productKey);

	/** Where the given items of the product are planned; unplanned items are left out. */
	Map<ItemKey, Plan> plans(String productKey, Collection<ItemKey> items);

	/**
	 * Checks the targets before any item changes: 400 for a release or sprint that is not
	 * the product's, a closed sprint, or a sprint of another release than the one given.
	 */
	void check(String productKey, Target release, Target sprint);

	/**
	 * Plans the item for a release and/or a sprint (null: as it is) by the rules of the
	 * planning API: a new release keeps the item's sprint when it fits; a new sprint
	 * brings its release. Records the item's history and publishes its update. 409 when
	 * the item would leave a closed sprint.
	 * @return where the item is planned now
	 */
	Plan plan(ItemKey item, Target release, Target sprint, UserId user);

	/**
	 * Puts an item back where it was ({@code before}) if it is still where {@code after}
	 * says; 409 when it was moved since, or a release or sprint involved was deleted or
	 * its sprint closed since. Recorded in its history with {@code note}.
	 */
	void restore(ItemKey item, Plan after, Plan before, UserId user, String note);

}
