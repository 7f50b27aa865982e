package dev.priora.planning;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.backlog.ProductService;
import dev.priora.problem.DomainProblem;

/**
 * A sprint changed after it was added: its name, dates, capacity and goal. A closed
 * sprint keeps its dates and capacity (they are its history: the velocity and the
 * forecasts read them); its name and goal may still change. The release a sprint belongs
 * to is not changed here: its items are planned in that release.
 */
@Service
public class SprintEdits {

	/** What a sprint is changed to. */
	public record Change(String name, LocalDate start, LocalDate end, BigDecimal capacity, String goal) {
	}

	private final PlanningRepository repository;

	private final ProductService products;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	SprintEdits(PlanningRepository repository, ProductService products, Clock clock, ApplicationEventPublisher events) {
		this.repository = repository;
		this.products = products;
		this.clock = clock;
		this.events = events;
	}

	/** One sprint of the product (404 otherwise). */
	@Transactional(readOnly = true)
	public SprintView sprint(String productKey, long id) {
		String key = products.get(productKey).key();
		return repository.sprint(key, id).orElseThrow(() -> DomainProblem.notFound("Sprint " + id));
	}

	/**
	 * Changes the sprint at {@code expectedVersion}: 400 naming each field wrong, 409 for
	 * a closed sprint's dates or capacity, 412 when someone changed it meanwhile.
	 */
	@Transactional
	public SprintView update(String productKey, long id, Change change, long expectedVersion) {
		String key = products.get(productKey).key();
		SprintView current = repository.sprint(key, id).orElseThrow(() -> DomainProblem.notFound("Sprint " + id));
		String name = PlanningService.name(change.name(), "name");
		BigDecimal capacity = PlanningService.capacity(change.capacity());
		Map<String, String> errors = new LinkedHashMap<>();
		checkDatesAndGoal(change.start(), change.end(), change.goal(), errors);
		if (repository.sprintNameTaken(key, name, id)) {
			errors.put("name", "another sprint is called '" + name + "'");
		}
		if (!errors.isEmpty()) {
			throw DomainProblem.invalid(errors);
		}
		if (repository.sprintClosed(id) && (!change.start().equals(current.start())
				|| !change.end().equals(current.end()) || capacity.compareTo(current.capacity()) != 0)) {
			throw DomainProblem.conflict("sprint-closed", current.called()
					+ " is closed: its dates and capacity are its history (the velocity and the forecasts read them);"
					+ " only its name and goal can change.");
		}
		String goal = Objects.requireNonNullElse(change.goal(), "").strip();
		if (current.version() != expectedVersion || !repository.updateSprint(id, name, change.start(), change.end(),
				capacity, goal, expectedVersion, clock.instant())) {
			throw DomainProblem.stale(current.called(), current.version(), "someone");
		}
		events.publishEvent(new ReleasesEdited(key));
		return repository.sprint(key, id).orElseThrow();
	}

	/**
	 * What "Add a sprint" offers: after the latest sprint, the next number of its name
	 * ("Sprint 25" → "Sprint 26"; none when its name ends in no number), the day after
	 * its end for as many days, and its capacity; with no sprint yet, "Sprint 1" from
	 * {@code today} for two weeks and no capacity.
	 */
	public static Change next(List<SprintView> sprints, LocalDate today) {
		SprintView last = sprints.stream()
			.max(java.util.Comparator.comparing(SprintView::end).thenComparing(SprintView::id))
			.orElse(null);
		if (last == null) {
			return new Change("Sprint 1", today, today.plusDays(13), null, null);
		}
		java.util.regex.Matcher number = java.util.regex.Pattern.compile("^(.*?)(\\d{1,6})$")
			.matcher(last.name().strip());
		String name = number.matches() ? number.group(1) + (Long.parseLong(number.group(2)) + 1) : null;
		long days = java.time.temporal.ChronoUnit.DAYS.between(last.start(), last.end());
		LocalDate start = last.end().plusDays(1);
		return new Change(name, start, start.plusDays(days), last.capacity(), null);
	}

	/** A sprint's dates and goal, as adding and changing one check them. */
	static void checkDatesAndGoal(LocalDate start, LocalDate end, String goal, Map<String, String> errors) {
		if (start == null) {
			errors.put("start", "is required");
		}
		if (end == null) {
			errors.put("end", "is required");
		}
		if (start != null && end != null && end.isBefore(start)) {
			errors.put("end", "must not be before the start");
		}
		if (goal != null && goal.length() > 1000) {
			errors.put("goal", "must be at most 1000 characters");
		}
	}

}
