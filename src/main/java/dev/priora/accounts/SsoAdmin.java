package dev.priora.accounts;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Single sign-on as the admin manages it: the OpenID providers (added, changed, removed,
 * their discovery tested; a client secret is sealed and never shown again), the sign-in
 * policy and the group roles. Every change is audited ({@code SSO_CONFIG_CHANGED}).
 */
@Service
public class SsoAdmin {

	/**
	 * A provider as typed on the page or sent to the API; a blank secret keeps the old
	 * one.
	 */
	public record ProviderForm(String name, String issuerUri, String clientId, String clientSecret) {
	}

	/** The policy as typed; {@code allowedDomains} separated by spaces or commas. */
	public record PolicyForm(Boolean allowSignUp, String allowedDomains, String groupsClaim, Boolean passwordSignIn,
			String breakGlassEmail, Long version) {

		/** Left out: sign-up off, password sign-in on (never turned off by omission). */
		public PolicyForm {
			allowSignUp = Boolean.TRUE.equals(allowSignUp);
			passwordSignIn = !Boolean.FALSE.equals(passwordSignIn);
			version = version == null ? 0L : version;
		}

	}

	private static final Pattern DOMAIN = Pattern
		.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");

	private static final Pattern CLAIM = Pattern.compile("[A-Za-z0-9_.:/-]{1,100}");

	private final SsoRepository repository;

	private final SsoClientRegistrations registrations;

	private final SsoSettings settings;

	private final TwoFactorSecrets sealer;

	private final AccountRepository users;

	private final SecurityLog log;

	private final Clock clock;

	SsoAdmin(SsoRepository repository, SsoClientRegistrations registrations, SsoSettings settings,
			TwoFactorSecrets sealer, AccountRepository users, SecurityLog log, Clock clock) {
		this.repository = repository;
		this.registrations = registrations;
		this.settings = settings;
		this.sealer = sealer;
		this.users = users;
		this.log = log;
		this.clock = clock;
	}

	/** Every provider, those from settings first. */
	public List<SsoProviderView> providers() {
		return registrations.views();
	}

	/** What the sign-in page offers. */
	public SsoLoginOptions loginOptions(boolean breakGlassAsked) {
		boolean passwords = policy().passwordSignIn();
		return new SsoLoginOptions(providers(), passwords || breakGlassAsked, !passwords && breakGlassAsked);
	}

	/** Whether the provider is known and its discovery document can be read. */
	public boolean reachable(String registrationId) {
		return registrations.available(registrationId).isPresent();
	}

	@Transactional
	public SsoProviderView addProvider(ProviderForm form, UserId actor) {
		checkProvider(form, true);
		long id = repository.insertProvider(form.name().strip(), issuer(form), form.clientId().strip(),
				sealer.seal(form.clientSecret().strip()), clock.instant());
		log.record(SecurityEventType.SSO_CONFIG_CHANGED, actor, form.name().strip(), "provider added: " + issuer(form));
		return repository.provider(id).orElseThrow().view();
	}

	/**
	 * As {@link #addProvider}, for the admin page: the issuer's discovery document is
	 * read first, and a 400 naming {@code issuerUri} says why when it cannot be (the API
	 * adds a provider that is not reachable yet; its test tells later).
	 */
	public SsoProviderView addReachableProvider(ProviderForm form, UserId actor) {
		checkProvider(form, true);
		SsoIssuers.requireReachable(issuer(form));
		return addProvider(form, actor);
	}

	@Transactional
	public SsoProviderView changeProvider(long id, long version, ProviderForm form, UserId actor) {
		SsoProviderView old = stored(id);
		checkProvider(form, false);
		String secret = form.clientSecret() == null || form.clientSecret().isBlank() ? null
				: sealer.seal(form.clientSecret().strip());
		if (!repository.updateProvider(id, version, form.name().strip(), issuer(form), form.clientId().strip(),
				secret)) {
			throw ProductRoles.problem(HttpStatus.CONFLICT, "version",
					"someone changed this provider meanwhile; reload and try again");
		}
		log.record(SecurityEventType.SSO_CONFIG_CHANGED, actor, old.name(),
				"provider changed: " + issuer(form) + (secret == null ? "" : ", new client secret"));
		return repository.provider(id).orElseThrow().view();
	}

	@Transactional
	public void removeProvider(long id, UserId actor) {
		SsoProviderView old = stored(id);
		repository.deleteProvider(id);
		log.record(SecurityEventType.SSO_CONFIG_CHANGED, actor, old.name(), "provider removed: " + old.issuerUri());
	}

	/**
	 * Reads the provider's discovery document now and answers its authorization endpoint;
	 * a 422 naming {@code issuerUri} with the reason when it cannot.
	 */
	public String testDiscovery(String registrationId) {
		if (registrations.nameOf(registrationId).isEmpty()) {
			throw ProductRoles.problem(HttpStatus.NOT_FOUND, "provider", "no such provider");
		}
		try {
			ClientRegistration r = registrations.rediscover(registrationId);
			return r.getProviderDetails().getAuthorizationUri();
		}
		catch (RuntimeException e) {
			throw ProductRoles.problem(HttpStatus.UNPROCESSABLE_CONTENT, "issuerUri",
					"the discovery document cannot be read: " + e.getMessage());
		}
	}

	/**
	 * The policy in force: the stored one, with the password policy from settings if set.
	 */
	public SsoPolicy policy() {
		SsoPolicy p = repository.policy();
		if (settings.passwordSignIn() == null) {
			return p;
		}
		String breakGlass = settings.breakGlassAdmin() == null ? null
				: AccountService.normalize(settings.breakGlassAdmin());
		return new SsoPolicy(p.allowSignUp(), p.allowedDomains(), p.groupsClaim(), settings.passwordSignIn(),
				breakGlass, true, p.version());
	}

	@Transactional
	public SsoPolicy changePolicy(PolicyForm form, UserId actor) {
		List<String> domains = form.allowedDomains() == null || form.allowedDomains().isBlank() ? List.of()
				: Arrays.stream(form.allowedDomains().toLowerCase(Locale.ROOT).strip().split("[\\s,]+"))
					.map(d -> d.startsWith("@") ? d.substring(1) : d)
					.distinct()
					.toList();
		for (String d : domains) {
			if (!DOMAIN.matcher(d).matches()) {
				throw ProductRoles.problem(HttpStatus.BAD_REQUEST, "allowedDomains", "'" + d + "' is not a domain");
			}
		}
		String claim = form.groupsClaim() == null || form.groupsClaim().isBlank() ? "groups"
				: form.groupsClaim().strip();
		if (!CLAIM.matcher(claim).matches()) {
			throw ProductRoles.problem(HttpStatus.BAD_REQUEST, "groupsClaim",
					"must be 1 to 100 letters, digits or _ . : / -");
		}
		SsoPolicy current = policy();
		boolean passwords = current.fixedBySettings() ? repository.policy().passwordSignIn() : form.passwordSignIn();
		String breakGlass = current.fixedBySettings() ? repository.policy().breakGlassEmail()
				: blankToNull(AccountService.normalize(form.breakGlassEmail()));
		if (!current.fixedBySettings() && !passwords) {
			checkBreakGlass(breakGlass);
		}
		SsoPolicy next = new SsoPolicy(form.allowSignUp(), domains, claim, passwords, breakGlass, false,
				form.version());
		if (!repository.updatePolicy(next)) {
			throw ProductRoles.problem(HttpStatus.CONFLICT, "version",
					"someone changed the policy meanwhile; reload and try again");
		}
		log.record(SecurityEventType.SSO_CONFIG_CHANGED, actor, "policy",
				"sign-up " + (next.allowSignUp() ? "on" : "off")
						+ (domains.isEmpty() ? "" : " for " + String.join(", ", domains)) + ", groups claim " + claim
						+ ", password sign-in " + (passwords ? "on" : "off, break-glass " + breakGlass));
		return policy();
	}

	public List<SsoGroupRole> groupRoles() {
		return repository.groupRoles();
	}

	/**
	 * Maps a group to workspace admin ({@code productKey} blank) or to a role in a
	 * product.
	 */
	@Transactional
	public void addGroupRole(String group, String productKey, String role, UserId actor) {
		String g = group == null ? "" : group.strip();
		if (g.isEmpty() || g.length() > 200) {
			throw ProductRoles.problem(HttpStatus.BAD_REQUEST, "group", "must be 1 to 200 characters");
		}
		String key = blankToNull(productKey == null ? null : productKey.strip().toUpperCase(Locale.ROOT));
		ProductRole r = null;
		if (key != null) {
			if (!repository.productExists(key)) {
				throw ProductRoles.problem(HttpStatus.BAD_REQUEST, "productKey", "no product has the key " + key);
			}
			r = Arrays.stream(ProductRole.values())
				.filter(x -> x.name().equalsIgnoreCase(role == null ? "" : role.strip()))
				.findFirst()
				.orElseThrow(() -> ProductRoles.problem(HttpStatus.BAD_REQUEST, "role",
						"must be one of OWNER, MANAGER, MEMBER, STAKEHOLDER, VIEWER"));
		}
		String k = key;
		if (repository.groupRoles()
			.stream()
			.anyMatch(m -> m.group().equals(g) && java.util.Objects.equals(m.productKey(), k))) {
			throw ProductRoles.problem(HttpStatus.CONFLICT, "group", "this group is mapped for this already");
		}
		repository.insertGroupRole(g, key, r, clock.instant());
		log.record(SecurityEventType.SSO_CONFIG_CHANGED, actor, g,
				"group gives " + (key == null ? "workspace admin" : r.label() + " of " + key));
	}

	@Transactional
	public void removeGroupRole(long id, UserId actor) {
		SsoGroupRole m = repository.groupRoles()
			.stream()
			.filter(x -> x.id() == id)
			.findFirst()
			.orElseThrow(() -> ProductRoles.problem(HttpStatus.NOT_FOUND, "id", "no such group role"));
		repository.deleteGroupRole(id);
		log.record(SecurityEventType.SSO_CONFIG_CHANGED, actor, m.group(), "group no longer gives " + m.describe());
	}

	private void checkBreakGlass(String email) {
		if (email == null) {
			throw ProductRoles.problem(HttpStatus.BAD_REQUEST, "breakGlassEmail",
					"name the admin who may still sign in with a password");
		}
		SignedInUser u = users.findByEmail(email)
			.orElseThrow(
					() -> ProductRoles.problem(HttpStatus.BAD_REQUEST, "breakGlassEmail", "no user has this e-mail"));
		if (!u.admin() || !u.isEnabled()) {
			throw ProductRoles.problem(HttpStatus.BAD_REQUEST, "breakGlassEmail", "must be an active admin");
		}
		if (providers().isEmpty()) {
			throw ProductRoles.problem(HttpStatus.BAD_REQUEST, "passwordSignIn",
					"add a single sign-on provider before turning password sign-in off");
		}
	}

	private SsoProviderView stored(long id) {
		return repository.provider(id)
			.map(SsoRepository.StoredProvider::view)
			.orElseThrow(() -> ProductRoles.problem(HttpStatus.NOT_FOUND, "id", "no such provider"));
	}

	private static void checkProvider(ProviderForm form, boolean secretRequired) {
		if (form.name() == null || form.name().isBlank() || form.name().strip().length() > 100) {
			throw ProductRoles.problem(HttpStatus.BAD_REQUEST, "name", "must be 1 to 100 characters");
		}
		String why = SsoIssuers.problemWith(form.issuerUri());
		if (why != null) {
			throw ProductRoles.problem(HttpStatus.BAD_REQUEST, "issuerUri", why);
		}
		if (form.clientId() == null || form.clientId().isBlank() || form.clientId().strip().length() > 200) {
			throw ProductRoles.problem(HttpStatus.BAD_REQUEST, "clientId", "must be 1 to 200 characters");
		}
		boolean blank = form.clientSecret() == null || form.clientSecret().isBlank();
		if ((secretRequired && blank) || (!blank && form.clientSecret().strip().length() > 1000)) {
			throw ProductRoles.problem(HttpStatus.BAD_REQUEST, "clientSecret", "must be 1 to 1000 characters");
		}
	}

	private static String issuer(ProviderForm form) {
		return form.issuerUri().strip();
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s;
	}

}
