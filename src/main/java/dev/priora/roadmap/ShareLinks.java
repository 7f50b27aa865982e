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
import dev.priora.feedback.PublicForms;
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

	String share(String productKey, String name, Integer days, UserId user) {
		String key = products.get(productKey).key();
		String named = PublicForms.name(name);
		if (days != null && (days < 1 || days > 365)) {
			throw DomainProblem.invalid("days", "must be from 1 to 365");
		}
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = clock.instant();
		repository.insertLink(key, named, sha256(secret), now, user.value(),
				days == null ? null : now.plus(Duration.ofDays(days)));
		return secret;
	}

	List<RoadmapService.Link> links(String productKey) {
		return repository.links(products.get(productKey).key());
	}

	RoadmapService.Link revoke(String productKey, long id) {
		String key = products.get(productKey).key();
		RoadmapService.Link link = repository.links(key)
			.stream()
			.filter(l -> l.id() == id && l.revokedAt() == null)
			.findFirst()
			.orElseThrow(() -> DomainProblem.notFound("Active roadmap link " + id));
		repository.revokeLink(key, id, clock.instant());
		return link;
	}

	Optional<String> productOf(String secret) {
		return repository.productOfLink(sha256(secret == null ? "" : secret), clock.instant());
	}

	Optional<String> open(String secret) {
		Optional<String> product = productOf(secret);
		product.ifPresent(p -> repository.linkOpened(sha256(secret), clock.instant()));
		return product;
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
