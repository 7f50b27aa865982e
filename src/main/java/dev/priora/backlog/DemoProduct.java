package dev.priora.backlog;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import dev.priora.accounts.InitialAdminCreated;
import dev.priora.accounts.UserId;
import tools.jackson.databind.json.JsonMapper;

/**
 * On the first start of an empty database, creates a realistic demo product from
 * {@code demo/product.json}: four epics with stories, bugs, tasks and spikes, acceptance
 * criteria, estimates and dependencies, each written on the day the file gives (days
 * before today), and refined to ready when it says. Work beyond ready — items started and
 * finished in sprints — is the team's, added by {@code progress} on
 * {@link DemoProductCreated}; the file's status is where each item ends up.
 */
@Component
class DemoProduct {

	private static final Logger LOG = LoggerFactory.getLogger(DemoProduct.class);

	/** When done items were moved to the bottom of the backlog. */
	private static final String TIDIED = "-1 17:30";

	record Entry(String ref, ItemType type, String title, String description, BigDecimal estimate, ItemStatus status,
			List<String> labels, List<String> criteria, List<String> dependsOn, String created, String ready) {
	}

	record Epic(String title, String description, List<String> labels, String created, String started,
			List<Entry> items) {
	}

	record Demo(String key, String name, String vision, String created, List<Epic> epics) {
	}

	private final ProductService products;

	private final BacklogService backlog;

	private final DependencyService dependencies;

	private final JsonMapper json;

	private final boolean enabled;

	private final ApplicationEventPublisher events;

	private final DemoClock clock;

	DemoProduct(ProductService products, BacklogService backlog, DependencyService dependencies, JsonMapper json,
			@Value("${priora.demo.enabled:true}") boolean enabled, ApplicationEventPublisher events, DemoClock clock) {
		this.events = events;
		this.products = products;
		this.backlog = backlog;
		this.dependencies = dependencies;
		this.json = json;
		this.enabled = enabled;
		this.clock = clock;
	}

	@EventListener
	void on(InitialAdminCreated event) throws IOException {
		if (enabled && products.list().isEmpty()) {
			Demo demo;
			try (InputStream in = new ClassPathResource("demo/product.json").getInputStream()) {
				demo = json.readValue(in, Demo.class);
			}
			create(demo, event.admin(), LocalDate.now(clock));
		}
	}

	void create(Demo demo, UserId user, LocalDate day) {
		long started = System.nanoTime();
		ProductView product = clock.at(DemoClock.moment(day, demo.created()),
				() -> products.create(demo.key(), demo.name(), demo.vision(), user));
		Map<String, ItemKey> keys = new HashMap<>();
		Map<String, Instant> created = new HashMap<>();
		List<Entry> all = new ArrayList<>();
		DemoClock.Timeline later = clock.timeline();
		for (Epic epic : demo.epics()) {
			ItemKey epicKey = write(product.key(), new ItemDraft(ItemType.EPIC, epic.title(), epic.description(), null,
					epic.labels(), null, List.of()), DemoClock.moment(day, epic.created()), user);
			if (epic.started() != null) {
				later.add(DemoClock.moment(day, epic.started()), () -> advance(epicKey, ItemStatus.IN_PROGRESS, user));
			}
			for (Entry e : epic.items()) {
				List<AcceptanceCriterion> criteria = e.criteria() == null ? List.of()
						: e.criteria().stream().map(c -> new AcceptanceCriterion(c, false)).toList();
				Instant at = DemoClock.moment(day, e.created());
				keys.put(e.ref(), write(product.key(), new ItemDraft(e.type(), e.title(), e.description(), e.estimate(),
						e.labels(), epicKey, criteria), at, user));
				created.put(e.ref(), at);
				all.add(e);
			}
		}
		all.forEach(e -> refine(e, keys, created, day, later, user));
		later.run();
		events.publishEvent(new DemoProductCreated(product.key(), user, day));
		// after the other modules' parts, whose past comes before it
		clock.at(DemoClock.moment(day, TIDIED),
				() -> all.stream()
					.filter(e -> e.status() == ItemStatus.DONE)
					.forEach(e -> backlog.move(keys.get(e.ref()), new Placement.Bottom(), user)));
		LOG.info("Created the demo product {} with {} items and its past in {} ms", product.key(),
				all.size() + demo.epics().size(), (System.nanoTime() - started) / 1_000_000);
	}

	private ItemKey write(String productKey, ItemDraft draft, Instant at, UserId user) {
		return clock.at(at, () -> backlog.create(productKey, draft, new Placement.Bottom(), user).key());
	}

	/**
	 * The entry's dependencies (once both ends exist) and its refinement to ready (items
	 * worked on in sprints are ready first; the sprints take them further).
	 */
	private void refine(Entry e, Map<String, ItemKey> keys, Map<String, Instant> created, LocalDate day,
			DemoClock.Timeline later, UserId user) {
		for (String prerequisite : e.dependsOn() == null ? List.<String>of() : e.dependsOn()) {
			Instant at = max(created.get(e.ref()), created.get(prerequisite)).plus(Duration.ofMinutes(30));
			later.add(at,
					() -> dependencies.add(keys.get(e.ref()), DependencyKind.DEPENDS_ON, keys.get(prerequisite), user));
		}
		ItemStatus refined = e.status() == ItemStatus.IN_PROGRESS || e.status() == ItemStatus.DONE ? ItemStatus.READY
				: e.status();
		if (refined != null && refined != ItemStatus.NEW) {
			later.add(DemoClock.moment(day, e.ready()), () -> advance(keys.get(e.ref()), refined, user));
		}
	}

	private void advance(ItemKey key, ItemStatus target, UserId user) {
		List<ItemStatus> path = switch (target) {
			case READY -> List.of(ItemStatus.READY);
			case IN_PROGRESS -> List.of(ItemStatus.READY, ItemStatus.IN_PROGRESS);
			case DONE -> List.of(ItemStatus.READY, ItemStatus.IN_PROGRESS, ItemStatus.DONE);
			case REJECTED -> List.of(ItemStatus.REJECTED);
			case NEW -> List.of();
		};
		long version = backlog.item(key).version();
		for (ItemStatus s : path) {
			version = backlog.changeStatus(key, s, version, true, user).version();
		}
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

}
