package dev.priora.feedback;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import dev.priora.backlog.DemoClock;
import dev.priora.backlog.DemoProductCreated;
import dev.priora.backlog.ItemKey;
import tools.jackson.databind.json.JsonMapper;

/**
 * Adds the customer voice to the demo product from {@code demo/feedback.json}: customers
 * in three segments and their feedback from several channels over the last three months,
 * most of it linked (triaged a few hours after it arrived) to the items it asks for, so
 * demand and prioritization have evidence from the first start.
 */
@Component
class DemoFeedback {

	private static final Logger LOG = LoggerFactory.getLogger(DemoFeedback.class);

	record Contact(String name, String email) {
	}

	record Customer(String name, String segment, BigDecimal revenue, String currency, String tier,
			List<Contact> contacts) {
	}

	record Entry(String customer, String title, String text, Channel channel, String received, List<String> tags,
			List<List<Object>> links) {
	}

	record Demo(String customersSince, List<Customer> customers, List<Entry> feedback) {
	}

	/** How long after its arrival feedback was triaged and linked. */
	private static final Duration TRIAGE = Duration.ofHours(3);

	private final CustomerService customers;

	private final FeedbackService feedback;

	private final JsonMapper json;

	private final DemoClock clock;

	DemoFeedback(CustomerService customers, FeedbackService feedback, JsonMapper json, DemoClock clock) {
		this.customers = customers;
		this.feedback = feedback;
		this.json = json;
		this.clock = clock;
	}

	@EventListener
	@Order(10)
	void on(DemoProductCreated event) throws IOException {
		Demo demo;
		try (InputStream in = new ClassPathResource("demo/feedback.json").getInputStream()) {
			demo = json.readValue(in, Demo.class);
		}
		String key = event.productKey();
		Map<String, Long> ids = new HashMap<>();
		clock.at(event.at(demo.customersSince()), () -> {
			for (Customer c : demo.customers()) {
				var contacts = c.contacts()
					.stream()
					.map(k -> new CustomerDraft.ContactDraft(k.name(), k.email()))
					.toList();
				ids.put(c.name(),
						customers
							.create(key,
									new CustomerDraft(c.name(), c.segment(), c.revenue(), c.currency(), c.tier(), null,
											contacts),
									event.createdBy())
							.id());
			}
		});
		DemoClock.Timeline timeline = clock.timeline();
		for (Entry e : demo.feedback()) {
			Instant received = event.at(e.received());
			Long customer = e.customer() == null ? null : ids.get(e.customer());
			timeline.add(received, () -> {
				long id = feedback
					.create(key,
							new FeedbackDraft(e.title(), e.text(), customer, null, e.channel(), received, e.tags(),
									null),
							event.createdBy())
					.id();
				timeline.add(received.plus(TRIAGE), () -> link(key, id, e.links(), event));
			});
		}
		timeline.run();
		LOG.info("Added {} customers and {} feedback to the demo product {}", demo.customers().size(),
				demo.feedback().size(), key);
	}

	private void link(String key, long id, List<List<Object>> links, DemoProductCreated event) {
		for (List<Object> link : links) {
			feedback.link(key, id, new ItemKey(key, ((Number) link.get(0)).longValue()),
					Importance.valueOf((String) link.get(1)), (String) link.get(2), event.createdBy());
		}
	}

}
