package dev.priora.roadmap;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.priora.accounts.UserId;
import dev.priora.problem.DomainProblem;
import dev.priora.backlog.ProductService;

/**
 * Revocable read-only links to the roadmap: a random 24-byte secret shown once, only its
 * SHA-256 kept; a link may expire after 1 to 365 days.
 */
@Component
class ShareLinks {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final RoadmapRepository repository;

	private final ProductService products;

	private final Clock clock;

	ShareLinks(RoadmapRepository repository, ProductService products, Clock clock) {
		this.repository = repository;
		this.products = products;
		this.clock = clock;
	}

	String share(String productKey, Integer days, UserId user) {
		String key = products.get(productKey).key();
		if (days != null && (days < 1 || days > 365)) {
			throw DomainProblem.invalid("days", "must be from 1 to 365");
		}
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = clock.instant();
		repository.insertLink(key, sha256(secret), now, user.value(),
				days == null ? null : now.plus(Duration.ofDays(days)));
		return secret;
	}

	List<RoadmapService.Link> links(String productKey) {
		return repository.links(products.get(productKey).key());
	}

	void revoke(String productKey, long id) {
		if (!repository.revokeLink(products.get(productKey).key(), id, clock.instant())) {
			throw DomainProblem.notFound("Active roadmap link " + id);
		}
	}

	Optional<String> productOf(String secret) {
		return repository.productOfLink(sha256(secret == null ? "" : secret), clock.instant());
	}

	private static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
