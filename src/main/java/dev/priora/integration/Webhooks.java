package dev.priora.integration;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.accounts.UserId;
import dev.priora.problem.DomainProblem;
import dev.priora.backlog.ProductService;
import tools.jackson.databind.json.JsonMapper;

/**
 * Product webhooks: subscriptions to events (item created / updated / moved, feedback
 * received, plan applied, sprint closed), each POSTed as JSON signed with the webhook's
 * secret (header {@code X-Priora-Signature-256: sha256=<HMAC-SHA256 of the body, hex>}).
 * Events are written to the delivery log in the transaction that caused them — nothing is
 * sent for a change that rolled back — and {@link WebhookDispatcher} sends them, retrying
 * with backoff.
 */
@Service
public class Webhooks {

	/** The events a webhook can subscribe to ("*" for all). */
	public static final List<String> EVENTS = List.of("item.created", "item.updated", "item.moved", "feedback.received",
			"plan.applied", "sprint.closed");

	static final String ALLOW_PRIVATE = "webhooks.allow-private-targets";

	/** A webhook as shown: its secret only right after it was created. */
	public record Hook(long id, String url, List<String> events, boolean active, Instant createdAt, String secret) {
	}

	/** One delivery of an event to a webhook, with its attempts and last answer. */
	public record Delivery(long id, long webhookId, String event, String payload, String state, int attempts,
			Instant nextAttemptAt, Instant lastAttemptAt, Integer lastStatus, String lastError, Instant createdAt,
			Instant deliveredAt) {
	}

	private final WebhookRepository repository;

	private final ProductService products;

	private final JsonMapper json;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	Webhooks(WebhookRepository repository, ProductService products, JsonMapper json, Clock clock) {
		this.repository = repository;
		this.products = products;
		this.json = json;
		this.clock = clock;
	}

	public List<Hook> hooks(String productKey) {
		return repository.hooks(products.get(productKey).key()).stream().map(h -> view(h, null)).toList();
	}

	/**
	 * Subscribes a URL to events; the answer holds the signing secret, shown this once.
	 */
	@Transactional
	public Hook create(String productKey, String url, List<String> events, UserId user) {
		String key = products.get(productKey).key();
		WebhookTargets.check(url, allowPrivateTargets());
		List<String> chosen = events == null || events.isEmpty() ? List.of("*") : events.stream().distinct().toList();
		for (String e : chosen) {
			if (!e.equals("*") && !EVENTS.contains(e)) {
				throw DomainProblem.invalid("events", "'" + e + "' is no event; choose from " + EVENTS + " or *");
			}
		}
		byte[] secret = new byte[24];
		random.nextBytes(secret);
		String s = HexFormat.of().formatHex(secret);
		long id = repository.insert(key, url.strip(), s, String.join(",", chosen), user.value(), clock.instant());
		return view(hook(key, id), s);
	}

	@Transactional
	public Hook setActive(String productKey, long id, boolean active) {
		String key = products.get(productKey).key();
		hook(key, id);
		repository.setActive(id, active);
		return view(hook(key, id), null);
	}

	@Transactional
	public void delete(String productKey, long id) {
		hook(products.get(productKey).key(), id);
		repository.delete(id);
	}

	/** The webhook's latest deliveries, newest first. */
	public List<Delivery> deliveries(String productKey, long id, int limit) {
		hook(products.get(productKey).key(), id);
		return repository.deliveries(id, Math.max(1, Math.min(limit, 200)));
	}

	/** Sends a "ping" event now, to check the receiver. */
	@Transactional
	public Delivery ping(String productKey, long id) {
		String key = products.get(productKey).key();
		var hook = hook(key, id);
		long delivery = repository.enqueue(id, "ping", payload("ping", key, Map.of("webhook", id, "url", hook.url())),
				clock.instant());
		return repository.delivery(id, delivery).orElseThrow();
	}

	/** Sends a delivery again (a failed one, or any to replay it). */
	@Transactional
	public Delivery redeliver(String productKey, long id, long deliveryId) {
		hook(products.get(productKey).key(), id);
		repository.delivery(id, deliveryId).orElseThrow(() -> DomainProblem.notFound("Delivery " + deliveryId));
		repository.retry(deliveryId, clock.instant());
		return repository.delivery(id, deliveryId).orElseThrow();
	}

	/**
	 * Whether webhooks may call private and loopback addresses (an administrator's
	 * choice).
	 */
	public boolean allowPrivateTargets() {
		return repository.setting(ALLOW_PRIVATE).map(Boolean::parseBoolean).orElse(false);
	}

	@Transactional
	public void allowPrivateTargets(boolean allow, UserId admin) {
		repository.setting(ALLOW_PRIVATE, String.valueOf(allow), admin.value(), clock.instant());
	}

	/**
	 * Writes the event to the delivery log of every webhook of the product that wants it.
	 */
	void publish(String productKey, String event, java.util.function.Supplier<Map<String, Object>> data) {
		List<WebhookRepository.Hook> hooks = repository.hooks(productKey);
		if (hooks.stream().noneMatch(h -> h.wants(event))) {
			return;
		}
		String payload = payload(event, productKey, data.get());
		Instant now = clock.instant();
		hooks.stream().filter(h -> h.wants(event)).forEach(h -> repository.enqueue(h.id(), event, payload, now));
	}

	private String payload(String event, String productKey, Map<String, Object> data) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("event", event);
		body.put("product", productKey);
		body.put("occurredAt", clock.instant().toString());
		body.put("data", data);
		return json.writeValueAsString(body);
	}

	private WebhookRepository.Hook hook(String key, long id) {
		return repository.hook(key, id).orElseThrow(() -> DomainProblem.notFound("Webhook " + id));
	}

	private static Hook view(WebhookRepository.Hook h, String secret) {
		return new Hook(h.id(), h.url(), h.events(), h.active(), h.createdAt(), secret);
	}

	static Set<String> events() {
		return Set.copyOf(EVENTS);
	}

}
