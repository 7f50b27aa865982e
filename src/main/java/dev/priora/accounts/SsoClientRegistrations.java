package dev.priora.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.stereotype.Component;

/**
 * Every OpenID provider, from settings ({@code priora.sso.providers[n]}, registration id
 * {@code s<n+1>}) and from the admin page ({@code p<id>}), read on each call so that a
 * provider added, changed or removed works at once on every node. The provider's
 * endpoints come from its discovery document
 * ({@code <issuer>/.well-known/openid-configuration}), fetched on first use and kept
 * while the provider stays as it is.
 */
@Component
class SsoClientRegistrations implements ClientRegistrationRepository {

	/** A provider as configured: what the registration is made from. */
	record Configured(SsoProviderView view, String clientSecret) {

		String cacheKey() {
			return view.registrationId() + "|" + view.version() + "|" + view.issuerUri() + "|" + view.clientId() + "|"
					+ Integer.toHexString(clientSecret.hashCode());
		}

	}

	private final SsoSettings settings;

	private final SsoRepository repository;

	private final TwoFactorSecrets sealer;

	private final Map<String, ClientRegistration> discovered = new ConcurrentHashMap<>();

	SsoClientRegistrations(SsoSettings settings, SsoRepository repository, TwoFactorSecrets sealer) {
		this.settings = settings;
		this.repository = repository;
		this.sealer = sealer;
	}

	/** Every provider, those from settings first; no secrets opened. */
	List<SsoProviderView> views() {
		List<SsoProviderView> all = new ArrayList<>();
		for (int i = 0; i < settings.providers().size(); i++) {
			SsoSettings.Provider p = settings.providers().get(i);
			all.add(new SsoProviderView(-(i + 1), "s" + (i + 1), p.name() == null ? p.issuerUri() : p.name(),
					p.issuerUri(), p.clientId(), true, 0));
		}
		repository.providers().forEach(p -> all.add(p.view()));
		return all;
	}

	private Optional<Configured> configured(String registrationId) {
		if (registrationId == null) {
			return Optional.empty();
		}
		for (int i = 0; i < settings.providers().size(); i++) {
			if (registrationId.equals("s" + (i + 1))) {
				SsoSettings.Provider p = settings.providers().get(i);
				return Optional.of(new Configured(views().get(i), p.clientSecret() == null ? "" : p.clientSecret()));
			}
		}
		return repository.providers()
			.stream()
			.filter(p -> p.view().registrationId().equals(registrationId))
			.findFirst()
			.map(p -> new Configured(p.view(), sealer.open(p.sealedSecret())));
	}

	/** The provider's registration, discovered now if not yet; null when unknown. */
	@Override
	public ClientRegistration findByRegistrationId(String registrationId) {
		return configured(registrationId).map(this::registration).orElse(null);
	}

	/**
	 * The registration if the provider is known and its discovery document can be read
	 * (now or before); empty otherwise, with nothing thrown.
	 */
	Optional<ClientRegistration> available(String registrationId) {
		try {
			return Optional.ofNullable(findByRegistrationId(registrationId));
		}
		catch (RuntimeException e) {
			return Optional.empty();
		}
	}

	/** The provider's display name, or empty when there is no such provider. */
	Optional<String> nameOf(String registrationId) {
		return configured(registrationId).map(c -> c.view().name());
	}

	/**
	 * Reads the provider's discovery document afresh; throws with the reason when it
	 * cannot.
	 */
	ClientRegistration rediscover(String registrationId) {
		Configured c = configured(registrationId).orElseThrow(() -> new IllegalArgumentException("no such provider"));
		discovered.remove(c.cacheKey());
		return registration(c);
	}

	private ClientRegistration registration(Configured c) {
		return discovered.computeIfAbsent(c.cacheKey(), key -> discover(c));
	}

	static ClientRegistration discover(Configured c) {
		return ClientRegistrations.fromIssuerLocation(c.view().issuerUri())
			.registrationId(c.view().registrationId())
			.clientName(c.view().name())
			.clientId(c.view().clientId())
			.clientSecret(c.clientSecret())
			.scope("openid", "email", "profile")
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.build();
	}

}
