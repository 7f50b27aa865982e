package dev.priora.integration;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.priora.jobs.Backoff;
import dev.priora.problem.DomainProblem;

/**
 * Sends the delivery log's due deliveries, as a recurring task of the job scheduler (one
 * node at a time, see {@link WebhookTasks}): each is claimed with a lease (so one node of
 * a cluster sends it), POSTed with its signature, and marked delivered on a 2xx answer;
 * otherwise retried after 1, 2, 4, … times the base delay (30 s unless
 * {@code priora.webhooks.retry-base} says otherwise, at most 6 hours apart), and given up
 * after {@value #MAX_ATTEMPTS} attempts. Sent through {@link OutboundHttp} (no redirects;
 * every address it connects to is checked); the URL is checked again before each attempt.
 * Finished deliveries stay in the log for 30 days.
 */
@Component
class WebhookDispatcher {

	static final int MAX_ATTEMPTS = 8;

	private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

	private final WebhookRepository repository;

	private final Webhooks webhooks;

	private final Clock clock;

	private final Backoff backoff;

	private final OutboundHttp http;

	WebhookDispatcher(WebhookRepository repository, Webhooks webhooks, OutboundHttp http, Clock clock,
			@Value("${priora.webhooks.retry-base:30s}") Duration base) {
		this.repository = repository;
		this.http = http;
		this.webhooks = webhooks;
		this.clock = clock;
		this.backoff = Backoff.doubling(base, Duration.ofHours(6), MAX_ATTEMPTS);
	}

	/** The delivery log keeps finished deliveries for 30 days. */
	void prune() {
		try {
			repository.prune(clock.instant().minus(Duration.ofDays(30)));
		}
		catch (RuntimeException e) {
			LOG.warn("pruning the webhook delivery log failed", e);
		}
	}

	void sendDue() {
		try {
			Instant now = clock.instant();
			for (Webhooks.Delivery d : repository.due(now, 20)) {
				if (repository.claim(d, now.plusSeconds(60))) {
					send(d);
				}
			}
		}
		catch (RuntimeException e) {
			LOG.warn("sending webhooks failed; trying again shortly", e);
		}
	}

	private void send(Webhooks.Delivery d) {
		var hook = repository.hook(d.webhookId()).orElse(null);
		if (hook == null) {
			return;
		}
		int attempt = d.attempts() + 1;
		Integer status = null;
		String error;
		try {
			boolean allowPrivate = webhooks.allowPrivateTargets();
			URI target = WebhookTargets.check(hook.url(), allowPrivate);
			byte[] body = d.payload().getBytes(StandardCharsets.UTF_8);
			status = http.post(target,
					Map.of("User-Agent", "Priora-Webhooks", "X-Priora-Event", d.event(), "X-Priora-Delivery",
							String.valueOf(d.id()), "X-Priora-Signature-256", "sha256=" + sign(hook.secret(), body)),
					body, "application/json", allowPrivate);
			if (status / 100 == 2) {
				repository.delivered(d.id(), attempt, status, clock.instant());
				return;
			}
			error = "the receiver answered " + status;
		}
		catch (DomainProblem e) {
			error = "refused: " + e.getBody().getDetail();
		}
		catch (OutboundHttp.RefusedAddress e) {
			error = "refused: " + e.getMessage()
					+ "; an administrator can allow such targets under Admin → Webhook targets";
		}
		catch (java.io.IOException e) {
			error = "could not deliver: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
		}
		Instant now = clock.instant();
		Optional<Instant> next = backoff.next(attempt, now);
		repository.failed(d.id(), attempt, status, error, now, next.orElse(now), next.isEmpty());
	}

	/** HMAC-SHA256 of the body with the secret, as hex. */
	static String sign(String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException e) {
			throw new IllegalStateException(e);
		}
	}

}
