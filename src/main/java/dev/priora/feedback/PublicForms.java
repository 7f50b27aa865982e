package dev.priora.feedback;

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

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

import dev.priora.accounts.RateLimiter;
import dev.priora.accounts.UserId;
import dev.priora.mail.OutgoingMail;
import dev.priora.problem.DomainProblem;
import dev.priora.backlog.ProductService;

/**
 * A product's public feedback forms: revocable links anyone can submit feedback through
 * without signing in, limited per client address by the {@link RateLimiter}, with a
 * honeypot field that bots fill and people do not see.
 */
@Service
public class PublicForms {

	private static final SecureRandom RANDOM = new SecureRandom();

	/**
	 * A form as listed to its owners (the secret is shown only when created): its
	 * {@code name} (where or with whom it was shared; null when none was given), who made
	 * it, and how much feedback came through it, the last when.
	 */
	public record Form(long id, String name, Instant createdAt, String createdBy, Instant revokedAt, long submissions,
			Instant lastSubmission) {

		public boolean active() {
			return revokedAt == null;
		}

		/** What the form is called on pages and in messages. */
		public String label() {
			return name == null ? "Unnamed form" : name;
		}

	}

	/** The active form behind a secret. */
	public record Open(long id, String productKey) {
	}

	/** The longest name a form or a roadmap link may have. */
	public static final int NAME_LENGTH = 100;

	/** What a visitor typed; {@code website} is the honeypot and must stay empty. */
	public record Submission(String title, String text, String name, String email, String website) {
	}

	private final PublicFormRepository repository;

	private final ProductService products;

	private final FeedbackService feedback;

	private final Clock clock;

	private final RateLimiter limiter;

	private final RateLimiter.Limit perAddress;

	private final TransactionTemplate transaction;

	PublicForms(PublicFormRepository repository, ProductService products, FeedbackService feedback, Clock clock,
			RateLimiter limiter, PlatformTransactionManager transactions,
			@Value("${priora.feedback.public-form.max-per-address-per-hour:10}") int perAddress) {
		this.repository = repository;
		this.products = products;
		this.feedback = feedback;
		this.clock = clock;
		this.limiter = limiter;
		this.perAddress = new RateLimiter.Limit("public-form-address", perAddress, Duration.ofHours(1));
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Creates an unnamed form link for the product and answers its secret, shown once.
	 */
	public String create(String productKey, UserId user) {
		return create(productKey, null, user);
	}

	/**
	 * Creates a form link named {@code name} (where or with whom it is shared; blank: no
	 * name) and answers its secret, shown once.
	 */
	@Transactional
	public String create(String productKey, String name, UserId user) {
		String key = products.get(productKey).key();
		String named = name(name);
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		repository.insert(key, named, sha256(secret), clock.instant(), user.value());
		return secret;
	}

	/**
	 * A form's or a link's name as stored: stripped, one line, null when blank; refused
	 * when longer than {@link #NAME_LENGTH}.
	 */
	public static String name(String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		String one = name.strip().replaceAll("\\s+", " ").replaceAll("\\p{Cntrl}", "");
		if (one.length() > NAME_LENGTH) {
			throw DomainProblem.invalid("name", "is longer than " + NAME_LENGTH + " characters");
		}
		return one;
	}

	public List<Form> forms(String productKey) {
		return repository.forms(products.get(productKey).key());
	}

	/** Revokes the product's active form and answers it as it was listed. */
	@Transactional
	public Form revoke(String productKey, long id) {
		String key = products.get(productKey).key();
		Form form = repository.forms(key)
			.stream()
			.filter(f -> f.id() == id && f.active())
			.findFirst()
			.orElseThrow(() -> DomainProblem.notFound("Active form " + id));
		repository.revoke(key, id, clock.instant());
		return form;
	}

	/** The active form behind a secret; empty for unknown or revoked links. */
	public Optional<Open> open(String secret) {
		return repository.open(sha256(secret == null ? "" : secret));
	}

	/**
	 * The product behind an active form, for showing it; empty for unknown or revoked
	 * links.
	 */
	public Optional<String> productOf(String secret) {
		return open(secret).map(Open::productKey);
	}

	/**
	 * Records the submission as new WEB_FORM feedback. A filled honeypot is accepted
	 * silently and dropped; more than the allowed submissions within an hour from one
	 * address are refused with 429 (a submission refused as invalid does not count).
	 * {@code clientIp} is the connection's address, or the one a trusted proxy forwarded.
	 */
	public void submit(String secret, Submission s, String clientIp) {
		Open form = open(secret).orElseThrow(() -> DomainProblem.notFound("This form"));
		accept(form.productKey(), form.id(), s, clientIp);
	}

	/**
	 * Like {@link #submit}, for the product's form shown as a page of its customer portal
	 * (the caller checked that the portal is open to the visitor).
	 */
	public void submitTo(String productKey, Submission s, String clientIp) {
		accept(productKey, null, s, clientIp);
	}

	private void accept(String productKey, Long formId, Submission s, String clientIp) {
		String key = products.get(productKey).key();
		if (s.website() != null && !s.website().isBlank()) {
			return;
		}
		if (s.email() != null && !s.email().isBlank() && !OutgoingMail.oneAddress(s.email().strip())) {
			// the team could not answer: say so while the visitor can still correct it
			throw DomainProblem.invalid("email", "is not an e-mail address; write it like name@example.com");
		}
		RateLimiter.Permit permit = limiter.tryAcquire(perAddress, clientIp)
			.orElseThrow(() -> new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS));
		try {
			transaction.executeWithoutResult(tx -> record(key, formId, s, clientIp));
		}
		catch (RuntimeException e) {
			limiter.release(permit);
			throw e;
		}
	}

	/**
	 * Submits to the product's form (like {@link #submitTo}) and answers the reason to
	 * show next to the form when it is refused (a field's problem, or the limit per
	 * address), empty when it was recorded; the pages of {@code /f/{secret}} and the
	 * portal's feedback page share it.
	 */
	public Optional<String> trySubmitTo(String productKey, Submission s, String clientIp) {
		return trySubmit(productKey, null, s, clientIp);
	}

	/** Like {@link #trySubmitTo}, through the form {@code form}, which it remembers. */
	public Optional<String> trySubmitThrough(Open form, Submission s, String clientIp) {
		return trySubmit(form.productKey(), form.id(), s, clientIp);
	}

	private Optional<String> trySubmit(String productKey, Long formId, Submission s, String clientIp) {
		try {
			accept(productKey, formId, s, clientIp);
			return Optional.empty();
		}
		catch (DomainProblem e) {
			DomainProblem.rethrowNotFound(e);
			return Optional.of(e.getMessage());
		}
		catch (ErrorResponseException e) {
			return Optional.of("Too many submissions from your address; please try again in an hour.");
		}
	}

	private void record(String key, Long formId, Submission s, String clientIp) {
		FeedbackView created = feedback.create(key,
				new FeedbackDraft(s.title(), s.text(), null, null, Channel.WEB_FORM, null, List.of(), null), null);
		repository.submitter(created.id(), clip(s.name(), 200), clip(s.email(), 320), clip(clientIp, 64), formId);
	}

	private static String clip(String s, int max) {
		if (s == null || s.isBlank()) {
			return null;
		}
		String t = s.strip().replaceAll("\\p{Cntrl}", "");
		return t.length() > max ? t.substring(0, max) : t;
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
