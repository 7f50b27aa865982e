package dev.priora.accounts;

/**
 * An enrolment under way: the secret (Base32, in groups of four) to type into an
 * authenticator app, the {@code otpauth://} URI, and that URI as a QR code (an SVG
 * {@code data:} URI for an {@code img}). Shown only until the enrolment is confirmed.
 */
public record TwoFactorSetup(String secret, String uri, String qrCode) {

	@Override
	public String toString() {
		return "TwoFactorSetup[secret hidden]";
	}

}
