package dev.priora.portal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.backlog.ProductService;
import dev.priora.backlog.ProductView;
import dev.priora.problem.DomainProblem;

/**
 * A product's portal settings (for the team) and whether a portal is open to a visitor: a
 * portal that is off, or private to someone it does not admit, does not exist (404).
 */
@Service
public class Portals {

	/** Largest logo, in bytes. */
	public static final int MAX_LOGO = 256 * 1024;

	static final String DEFAULT_COLOUR = "#4f46e5";

	private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

	private static final Pattern DOMAIN = Pattern
		.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s<>,;\"]+@[^@\\s<>,;\"]+\\.[^@\\s<>,;\"]+");

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\r\\t]]");

	private final PortalSettingsRepository repository;

	private final ProductService products;

	private final Clock clock;

	Portals(PortalSettingsRepository repository, ProductService products, Clock clock) {
		this.repository = repository;
		this.products = products;
		this.clock = clock;
	}

	/** The product's settings (a portal never saved is off, titled after the product). */
	public PortalSettings get(String productKey) {
		ProductView product = products.get(productKey);
		return repository.find(product.key()).orElseGet(() -> defaults(product));
	}

	/**
	 * Replaces the settings when {@code expectedVersion} is current (412 otherwise); 400
	 * naming the field for a bad one.
	 */
	@Transactional
	public PortalSettings update(String productKey, PortalSettingsDraft draft, long expectedVersion) {
		String key = products.get(productKey).key();
		PortalSettingsDraft d = checked(draft);
		PortalSettings current = repository.lock(key, clock.instant());
		if (current.version() != expectedVersion) {
			throw DomainProblem.stale("The portal's settings", current.version(), "someone");
		}
		repository.update(key, d, clock.instant());
		return get(key);
	}

	/** Sets the logo: PNG, JPEG, GIF or WebP (told by its bytes), at most 256 KB. */
	@Transactional
	public PortalSettings setLogo(String productKey, byte[] bytes) {
		String key = products.get(productKey).key();
		if (bytes == null || bytes.length == 0) {
			throw DomainProblem.invalid("logo", "choose an image file");
		}
		if (bytes.length > MAX_LOGO) {
			throw DomainProblem.invalid("logo", "is larger than 256 KB");
		}
		String type = LogoTypes.of(bytes)
			.orElseThrow(() -> DomainProblem.invalid("logo", "must be a PNG, JPEG, GIF or WebP image"));
		repository.lock(key, clock.instant());
		repository.logo(key, new PortalLogo(bytes, type), clock.instant());
		return get(key);
	}

	@Transactional
	public PortalSettings removeLogo(String productKey) {
		String key = products.get(productKey).key();
		repository.lock(key, clock.instant());
		repository.removeLogo(key, clock.instant());
		return get(key);
	}

	/**
	 * The portal of {@code portalKey} as {@code visitorEmail} (null: not signed in) may
	 * see it; 404 when it is off, or private and does not admit the visitor.
	 */
	public PortalSettings open(String portalKey, String visitorEmail) {
		PortalSettings s = enabled(portalKey);
		if (!s.admits(visitorEmail)) {
			throw hidden();
		}
		return s;
	}

	/** The portal when it is on, whoever asks (for its sign-in page); 404 when off. */
	public PortalSettings enabled(String portalKey) {
		if (portalKey == null || !portalKey.matches("[A-Za-z][A-Za-z0-9]{0,9}")) {
			throw hidden();
		}
		Optional<PortalSettings> s = repository.find(portalKey.toUpperCase(Locale.ROOT));
		return s.filter(PortalSettings::enabled).orElseThrow(Portals::hidden);
	}

	/** The logo of an open portal. */
	public Optional<PortalLogo> logo(String portalKey, String visitorEmail) {
		return repository.logo(open(portalKey, visitorEmail).productKey());
	}

	/** The product's logo, for the team's page. */
	public Optional<PortalLogo> logoOf(String productKey) {
		return repository.logo(products.get(productKey).key());
	}

	static DomainProblem hidden() {
		return DomainProblem.notFound("This portal");
	}

	private PortalSettings defaults(ProductView product) {
		return new PortalSettings(product.key(), false, product.name(), "", DEFAULT_COLOUR, false, List.of(), List.of(),
				List.of(), false, false, 0);
	}

	private static PortalSettingsDraft checked(PortalSettingsDraft d) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (d.title().isEmpty() || d.title().length() > 120 || CONTROL.matcher(d.title()).find()
				|| d.title().contains("\n")) {
			errors.put("title", "is one line of 1 to 120 characters");
		}
		if (d.intro().length() > 4000 || CONTROL.matcher(d.intro()).find()) {
			errors.put("intro", "is at most 4000 characters without control characters");
		}
		if (!COLOUR.matcher(d.colour()).matches()) {
			errors.put("colour", "is a colour like #4f46e5");
		}
		List<String> domains = normalised(d.allowedDomains(), DOMAIN, "allowedDomains", "a domain like example.com",
				errors);
		List<String> emails = normalised(d.allowedEmails(), EMAIL, "allowedEmails", "an e-mail address", errors);
		List<String> categories = categories(d.categories(), errors);
		Map<IdeaStatus, String> names = StatusNames.checked(d.statusNames(), errors);
		if (d.privatePortal() && domains.isEmpty() && emails.isEmpty() && !errors.containsKey("allowedDomains")
				&& !errors.containsKey("allowedEmails")) {
			errors.put("allowedDomains", "a private portal needs at least one allowed domain or address");
		}
		if (!errors.isEmpty()) {
			throw DomainProblem.invalid(errors);
		}
		return new PortalSettingsDraft(d.enabled(), d.title(), d.intro(), d.colour().toLowerCase(Locale.ROOT),
				d.privatePortal(), domains, emails, categories, d.holdNewIdeas(), d.holdNewComments(), names);
	}

	private static List<String> normalised(List<String> values, Pattern pattern, String field, String what,
			Map<String, String> errors) {
		LinkedHashSet<String> out = new LinkedHashSet<>();
		for (String v : values) {
			String s = v == null ? "" : v.strip().toLowerCase(Locale.ROOT);
			if (s.startsWith("@")) {
				s = s.substring(1);
			}
			if (s.isEmpty()) {
				continue;
			}
			if (s.length() > 320 || !pattern.matcher(s).matches()) {
				errors.put(field, "\u201c" + clip(s) + "\u201d is not " + what);
				return List.of();
			}
			out.add(s);
		}
		if (out.size() > 200) {
			errors.put(field, "lists at most 200 entries");
		}
		return new ArrayList<>(out);
	}

	private static List<String> categories(List<String> values, Map<String, String> errors) {
		LinkedHashSet<String> out = new LinkedHashSet<>();
		for (String v : values) {
			String s = v == null ? "" : v.strip();
			if (s.isEmpty()) {
				continue;
			}
			if (s.length() > 60 || CONTROL.matcher(s).find() || s.contains("\n") || s.contains("\r")) {
				errors.put("categories", "each category is one line of at most 60 characters");
				return List.of();
			}
			out.add(s);
		}
		if (out.size() > 30) {
			errors.put("categories", "at most 30 categories");
		}
		return new ArrayList<>(out);
	}

	private static String clip(String s) {
		return s.length() > 40 ? s.substring(0, 40) + "…" : s;
	}

}
