package dev.priora.portal;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.priora.accounts.SsoAdmin;
import dev.priora.accounts.SsoProviderView;
import dev.priora.accounts.SsoVisitorSignIn;
import dev.priora.problem.DomainProblem;

/**
 * Visitors sign in with the organisation's single sign-on, when the portal offers it: its
 * owners tick which of the workspace's OpenID providers (Admin → Single sign-on) the
 * portal's sign-in page offers. The provider only proves the visitor's e-mail address
 * ({@link SsoVisitorSignIn}); the portal then decides as for an e-mail link: a private
 * portal admits only its listed domains and addresses, and the address matches the
 * visitor to a customer and contact. A visitor is never a workspace user.
 */
@Service
public class PortalSso {

	private final PortalSsoRepository repository;

	private final Portals portals;

	private final SsoAdmin sso;

	private final SsoVisitorSignIn visitors;

	private final VisitorSignIn signIn;

	private final TransactionTemplate transaction;

	private final Clock clock;

	PortalSso(PortalSsoRepository repository, Portals portals, SsoAdmin sso, SsoVisitorSignIn visitors,
			VisitorSignIn signIn, PlatformTransactionManager transactions, Clock clock) {
		this.repository = repository;
		this.portals = portals;
		this.sso = sso;
		this.visitors = visitors;
		this.signIn = signIn;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** Every provider of the workspace, marked when this product's portal offers it. */
	public PortalSsoOffer offer(String productKey) {
		String key = portals.get(productKey).productKey();
		PortalSsoRepository.Row row = repository.find(key);
		return offer(row.registrationIds(), row.version());
	}

	private PortalSsoOffer offer(List<String> offered, long version) {
		return new PortalSsoOffer(sso.providers()
			.stream()
			.map(p -> new PortalSsoOffer.Choice(p.registrationId(), p.name(), offered.contains(p.registrationId())))
			.toList(), version);
	}

	/**
	 * Offers exactly these providers on the portal's sign-in page, when
	 * {@code expectedVersion} is current (412 otherwise); 400 naming {@code providers}
	 * when the list is missing or names one the workspace does not have.
	 */
	public PortalSsoOffer change(String productKey, List<String> registrationIds, long expectedVersion) {
		String key = portals.get(productKey).productKey();
		if (registrationIds == null) {
			throw DomainProblem.invalid("providers", "is required: the providers to offer, none for e-mail links only");
		}
		Set<String> known = new LinkedHashSet<>(sso.providers().stream().map(SsoProviderView::registrationId).toList());
		Set<String> chosen = new LinkedHashSet<>(registrationIds);
		for (String id : chosen) {
			if (!known.contains(id)) {
				throw DomainProblem.invalid("providers",
						"there is no single sign-on provider " + id + " (an administrator adds them)");
			}
		}
		return transaction.execute(tx -> {
			PortalSsoRepository.Row current = repository.lock(key, clock.instant());
			if (current.version() != expectedVersion) {
				throw DomainProblem.stale("The portal's sign-in providers", current.version(), "someone");
			}
			List<String> ordered = known.stream().filter(chosen::contains).toList();
			repository.update(key, ordered, clock.instant());
			return offer(ordered, current.version() + 1);
		});
	}

	/** The providers the portal's sign-in page offers, in the workspace's order. */
	public List<PortalSsoOffer.Choice> offered(String portalKey) {
		PortalSettings portal = portals.enabled(portalKey);
		List<String> ids = repository.find(portal.productKey()).registrationIds();
		return offer(ids, 0).providers().stream().filter(PortalSsoOffer.Choice::offered).toList();
	}

	/**
	 * Where the browser goes to sign in to the portal with the provider: 404 when the
	 * portal is off or does not offer it, 409 when the provider cannot be reached now.
	 */
	public String start(String portalKey, String registrationId) {
		PortalSettings portal = portals.enabled(portalKey);
		if (offered(portal.productKey()).stream().noneMatch(c -> c.registrationId().equals(registrationId))) {
			throw DomainProblem.notFound("This sign-in provider");
		}
		if (!sso.reachable(registrationId)) {
			throw DomainProblem.conflict("sso-unavailable",
					"That sign-in provider cannot be reached just now; try again in a minute.");
		}
		return visitors.start(registrationId, portal.productKey());
	}

	/**
	 * The visitor the provider's answer signs in, matched to a customer by their address;
	 * 403 with the reason for the person when the provider did not vouch for an address,
	 * the portal does not offer the provider, or a private portal does not admit the
	 * address. Each decision is in the security log.
	 */
	public PortalVisitor signIn(String portalKey, SsoVisitorSignIn.Outcome outcome) {
		PortalSettings portal = portals.enabled(portalKey);
		if (!outcome.verified()) {
			throw refusal(outcome.refusal());
		}
		if (offered(portal.productKey()).stream().noneMatch(c -> c.registrationId().equals(outcome.registrationId()))) {
			return refuse(outcome, "This portal does not offer sign-in with " + outcome.provider() + ".");
		}
		if (!portal.admits(outcome.email())) {
			return refuse(outcome, "This portal is open to invited people only, and " + outcome.email()
					+ " is not among them. Ask the product team for access.");
		}
		PortalVisitor visitor = transaction.execute(tx -> signIn.enter(portal.productKey(), outcome.email()));
		visitors.admitted(outcome);
		return visitor;
	}

	private PortalVisitor refuse(SsoVisitorSignIn.Outcome outcome, String reason) {
		visitors.refused(outcome, reason);
		throw refusal(reason);
	}

	private static DomainProblem refusal(String reason) {
		return DomainProblem.of(HttpStatus.FORBIDDEN, "sso-refused", "Sign-in refused", reason);
	}

}
