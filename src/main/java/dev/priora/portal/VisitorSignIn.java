package dev.priora.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.priora.accounts.RateLimiter;
import dev.priora.feedback.PortalIntake;
import dev.priora.mail.MailOutbox;
import dev.priora.mail.MailSettings;
import dev.priora.mail.MailTemplates;
import dev.priora.mail.OutgoingMail;
import dev.priora.problem.DomainProblem;

/**
 * Visitors sign in without a password: they ask for a link by e-mail (sent through the
 * mail outbox; single use, valid 15 minutes, only its SHA-256 stored) and open it. Asking
 * is limited per address and per e-mail with the {@link RateLimiter}, a honeypot field
 * drops bots, and the answer is the same whether or not a private portal admits the
 * address, so it tells nobody who may enter.
 */
@Service
public class VisitorSignIn {

	/** How long a sign-in link works. */
	public static final Duration LINK_LIFETIME = Duration.ofMinutes(15);

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Pattern EMAIL = Pattern.compile("[^@\\s<>,;\"]+@[^@\\s<>,;\"]+\\.[^@\\s<>,;\"]+");

	private final Portals portals;

	private final VisitorRepository visitors;

	private final PortalIntake intake;

	private final MailOutbox outbox;

	private final MailTemplates templates;

	private final MailSettings mail;

	private final RateLimiter limiter;

	private final RateLimiter.Limit perAddress;

	private final RateLimiter.Limit perEmail;

	private final TransactionTemplate transaction;

	private final Clock clock;

	VisitorSignIn(Portals portals, VisitorRepository visitors, PortalIntake intake, MailOutbox outbox,
			MailTemplates templates, MailSettings mail, RateLimiter limiter, PlatformTransactionManager transactions,
			Clock clock, @Value("${priora.portal.sign-in.max-per-address-per-hour:20}") int perAddress,
			@Value("${priora.portal.sign-in.max-per-email-per-hour:5}") int perEmail) {
		this.portals = portals;
		this.visitors = visitors;
		this.intake = intake;
		this.outbox = outbox;
		this.templates = templates;
		this.mail = mail;
		this.limiter = limiter;
		this.perAddress = new RateLimiter.Limit("portal-link-address", perAddress, Duration.ofHours(1));
		this.perEmail = new RateLimiter.Limit("portal-link-email", perEmail, Duration.ofHours(1));
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/**
	 * E-mails a sign-in link to {@code email} when the portal admits it. 400 naming
	 * {@code email} for a malformed address, 429 when this address or e-mail asked too
	 * often, 409 when Priora cannot send links (no mail server or base URL). A filled
	 * honeypot ({@code website}) is accepted and dropped.
	 */
	public void requestLink(String portalKey, String email, String website, String clientIp) {
		PortalSettings portal = portals.enabled(portalKey);
		String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
		if (address.length() > 320 || !EMAIL.matcher(address).matches()) {
			throw DomainProblem.invalid("email", "is not an e-mail address");
		}
		if (website != null && !website.isBlank()) {
			return;
		}
		if (!mail.linksReady()) {
			throw DomainProblem.conflict("mail-not-configured",
					"This portal cannot e-mail sign-in links yet; please tell the product team.");
		}
		if (limiter.tryAcquire(perAddress, clientIp).isEmpty() || limiter.tryAcquire(perEmail, address).isEmpty()) {
			throw DomainProblem.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests",
					"Too many sign-in links asked for; please try again in an hour.");
		}
		if (!portal.admits(address)) {
			return;
		}
		transaction.executeWithoutResult(tx -> send(portal, address));
	}

	private void send(PortalSettings portal, String address) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = clock.instant();
		visitors.purgeLinks(now.minus(Duration.ofDays(1)));
		visitors.insertLink(portal.productKey(), address, sha256(token), now, now.plus(LINK_LIFETIME));
		String link = mail.link("/portal/" + portal.productKey() + "/sign-in/" + token).orElseThrow();
		outbox.queue(OutgoingMail.of(address, "Sign in to " + portal.title(),
				templates.render("portal-sign-in",
						Map.of("title", portal.title(), "link", link, "minutes", LINK_LIFETIME.toMinutes())),
				"portal.sign-in")
			.holdingSecret());
	}

	/** Whether the link still works (for the page that asks to confirm the sign-in). */
	public boolean linkValid(String portalKey, String token) {
		PortalSettings portal = portals.enabled(portalKey);
		return visitors.linkValid(portal.productKey(), sha256(token == null ? "" : token), clock.instant());
	}

	/**
	 * Uses the link and answers the visitor it signs in, matched to a customer by their
	 * address; 404 for an unknown, used or expired link, or an address the portal no
	 * longer admits.
	 */
	public PortalVisitor signIn(String portalKey, String token) {
		PortalSettings portal = portals.enabled(portalKey);
		return transaction.execute(tx -> {
			String email = visitors.useLink(portal.productKey(), sha256(token == null ? "" : token), clock.instant())
				.orElseThrow(() -> DomainProblem.notFound("This sign-in link (used, expired or unknown)"));
			return enter(portal.productKey(), email);
		});
	}

	/**
	 * The visitor with this address the portal admits (404 otherwise), matched to a
	 * customer and contact by the address, in the caller's transaction: an e-mail link's
	 * or a single sign-on's last step.
	 */
	PortalVisitor enter(String productKey, String email) {
		portals.open(productKey, email);
		PortalIntake.Match match = intake.match(productKey, email);
		return visitors.upsert(productKey, email, match.customerId(), match.contactId(), clock.instant());
	}

	static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
