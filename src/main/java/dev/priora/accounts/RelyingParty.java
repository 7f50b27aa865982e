package dev.priora.accounts;

import java.util.function.Supplier;

import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.util.function.SingletonSupplier;

/**
 * Spring Security's webauthn4j relying party, built on first use from
 * {@link PasskeySettings} (so that a default origin can name the port the server listens
 * on), with user verification required both when a passkey is made and when it signs in:
 * a passkey is then something the user has and something they are or know, which is why
 * it needs no second factor.
 */
final class RelyingParty implements WebAuthnRelyingPartyOperations {

	private final Supplier<WebAuthnRelyingPartyOperations> delegate;

	RelyingParty(PublicKeyCredentialUserEntityRepository userEntities, UserCredentialRepository credentials,
			PasskeySettings settings) {
		this.delegate = SingletonSupplier.of(() -> {
			Webauthn4JRelyingPartyOperations rp = new Webauthn4JRelyingPartyOperations(userEntities, credentials,
					PublicKeyCredentialRpEntity.builder().id(settings.rpId()).name(PasskeySettings.RP_NAME).build(),
					settings.allowedOrigins());
			rp.setCustomizeCreationOptions(o -> o.authenticatorSelection(AuthenticatorSelectionCriteria.builder()
				.residentKey(ResidentKeyRequirement.REQUIRED)
				.userVerification(UserVerificationRequirement.REQUIRED)
				.build()));
			rp.setCustomizeRequestOptions(o -> o.userVerification(UserVerificationRequirement.REQUIRED));
			return rp;
		});
	}

	@Override
	public PublicKeyCredentialCreationOptions createPublicKeyCredentialCreationOptions(
			PublicKeyCredentialCreationOptionsRequest request) {
		return delegate.get().createPublicKeyCredentialCreationOptions(request);
	}

	@Override
	public CredentialRecord registerCredential(RelyingPartyRegistrationRequest request) {
		return delegate.get().registerCredential(request);
	}

	@Override
	public PublicKeyCredentialRequestOptions createCredentialRequestOptions(
			PublicKeyCredentialRequestOptionsRequest request) {
		return delegate.get().createCredentialRequestOptions(request);
	}

	@Override
	public PublicKeyCredentialUserEntity authenticate(RelyingPartyAuthenticationRequest request) {
		return delegate.get().authenticate(request);
	}

}
