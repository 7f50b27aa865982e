package dev.priora.backlog;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
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
 * criteria, estimates, dependencies and statuses.
 */
@Component
class DemoProduct {

	private static final Logger LOG = LoggerFactory.getLogger(DemoProduct.class);

	record Entry(String ref, ItemType type, String title, String description, BigDecimal estimate, ItemStatus status,
			List<String> labels, List<String> criteria, List<String> dependsOn) {
	}

	record Epic(String title, String description, List<String> labels, List<Entry> items) {
	}

	record Demo(String key, String name, String vision, List<Epic> epics) {
	}

	private final ProductService products;

	private final BacklogService backlog;

	private final DependencyService dependencies;

	private final JsonMapper json;

	private final boolean enabled;

	private final ApplicationEventPublisher events;

	DemoProduct(ProductService products, BacklogService backlog, DependencyService dependencies, JsonMapper json,
			@Value("${priora.demo.enabled:true}") boolean enabled, ApplicationEventPublisher events) {
		this.events = events;
		this.products = products;
		this.backlog = backlog;
		this.dependencies = dependencies;
		this.json = json;
		this.enabled = enabled;
	}

	@EventListener
	void on(InitialAdminCreated event) throws IOException {
		if (enabled && products.list().isEmpty()) {
			Demo demo;
			try (InputStream in = new ClassPathResource("demo/product.json").getInputStream()) {
				demo = json.readValue(in, Demo.class);
			}
			create(demo, event.admin());
		}
	}

	void create(Demo demo, UserId user) {
		ProductView product = products.create(demo.key(), demo.name(), demo.vision(), user);
		Map<String, ItemKey> keys = new HashMap<>();
		List<Entry> all = new ArrayList<>();
		for (Epic epic : demo.epics()) {
			ItemKey epicKey = backlog
				.create(product.key(),
						new ItemDraft(ItemType.EPIC, epic.title(), epic.description(), null, epic.labels(), null,
								List.of()),
						new Placement.Bottom(), user)
				.key();
			boolean started = epic.items()
				.stream()
				.anyMatch(e -> e.status() == ItemStatus.IN_PROGRESS || e.status() == ItemStatus.DONE);
			if (started) {
				advance(epicKey, ItemStatus.IN_PROGRESS, user);
			}
			List<Entry> ordered = new ArrayList<>(epic.items());
			for (Entry e : ordered) {
				List<AcceptanceCriterion> criteria = e.criteria() == null ? List.of()
						: e.criteria().stream().map(c -> new AcceptanceCriterion(c, false)).toList();
				keys.put(e.ref(),
						backlog
							.create(product.key(),
									new ItemDraft(e.type(), e.title(), e.description(), e.estimate(), e.labels(),
											epicKey, criteria),
									new Placement.Bottom(), user)
							.key());
				all.add(e);
			}
		}
		for (Entry e : all) {
			for (String prerequisite : e.dependsOn() == null ? List.<String>of() : e.dependsOn()) {
				dependencies.add(keys.get(e.ref()), DependencyKind.DEPENDS_ON, keys.get(prerequisite), user);
			}
		}
		all.sort(Comparator.comparing(e -> e.status() == ItemStatus.DONE));
		for (Entry e : all) {
			if (e.status() != null) {
				advance(keys.get(e.ref()), e.status(), user);
			}
		}
		all.stream()
			.filter(e -> e.status() == ItemStatus.DONE)
			.forEach(e -> backlog.move(keys.get(e.ref()), new Placement.Bottom(), user));
		LOG.info("Created the demo product {} with {} items", product.key(), all.size() + demo.epics().size());
		events.publishEvent(new DemoProductCreated(product.key(), user));
	}

	private void advance(ItemKey key, ItemStatus target, UserId user) {
		List<ItemStatus> path = switch (target) {
			case READY -> List.of(ItemStatus.READY);
			case IN_PROGRESS -> List.of(ItemStatus.READY, ItemStatus.IN_PROGRESS);
			case DONE -> List.of(ItemStatus.READY, ItemStatus.IN_PROGRESS, ItemStatus.DONE);
			case REJECTED -> List.of(ItemStatus.REJECTED);
			case NEW -> List.of();
		};
		for (ItemStatus s : path) {
			backlog.changeStatus(key, s, backlog.item(key).version(), true, user);
		}
	}

}
