package dev.priora.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

/**
 * TOTP against RFC 6238's test vectors, the step window, secrets at rest and the QR code.
 */
class TotpTest {

	/** RFC 6238, appendix B: the SHA-1 seed "12345678901234567890". */
	private static final String RFC_SECRET = new Base32()
		.encodeAsString("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

	@Test
	void codesAreTheLastSixDigitsOfTheRfcTestVectors() {
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(2000000000)))).isEqualTo("279037");
	}

	@Test
	void acceptsTheCodeOfTheStepBeforeNowAndAfterButNotFurther() {
		Instant now = Instant.ofEpochSecond(1111111109);
		long step = Totp.step(now);
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now)).hasValue(step - 1);
		assertThat(Totp.matchingStep(RFC_SECRET, " 081 804 ", now)).hasValue(step);
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step + 1), now)).hasValue(step + 1);
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step + 2), now)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SECRET, "abcdef", now)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SECRET, null, now)).isEmpty();
	}

	@Test
	void newSecretsAre160RandomBitsInBase32() {
		String a = Totp.newSecret();
		assertThat(a).matches("[A-Z2-7]{32}").isNotEqualTo(Totp.newSecret());
		assertThat(new Base32().decode(a)).hasSize(20);
		assertThat(Totp.grouped("ABCDEFGHIJKL")).isEqualTo("ABCD EFGH IJKL");
		assertThat(Totp.uri("a b@example.com", a)).isEqualTo("otpauth://totp/Priora%3Aa%20b%40example.com?secret=" + a
				+ "&issuer=Priora&algorithm=SHA1&digits=6&period=30");
	}

	@Test
	void secretsAreSealedWithTheKeyAndReadableOnlyWithIt() {
		TwoFactorSecrets keyed = new TwoFactorSecrets("a long operator key");
		String sealed = keyed.seal("ABCDEFGH");
		assertThat(sealed).startsWith("enc:").doesNotContain("ABCDEFGH");
		assertThat(keyed.open(sealed)).isEqualTo("ABCDEFGH");
		assertThat(keyed.seal("ABCDEFGH")).as("a new IV each time").isNotEqualTo(sealed);
		TwoFactorSecrets plain = new TwoFactorSecrets("");
		assertThat(plain.open(plain.seal("ABCDEFGH"))).isEqualTo("ABCDEFGH");
		assertThat(keyed.open(plain.seal("ABCDEFGH"))).as("stored before the key was set").isEqualTo("ABCDEFGH");
		assertThatThrownBy(() -> plain.open(sealed)).hasMessageContaining("PRIORA_TWO_FACTOR_KEY");
	}

	@Test
	void qrCodeIsAnSvgDataUri() {
		String uri = QrCode.svgDataUri("otpauth://totp/Priora:a?secret=ABCD");
		assertThat(uri).startsWith("data:image/svg+xml;base64,");
		String svg = new String(java.util.Base64.getDecoder().decode(uri.substring(uri.indexOf(',') + 1)),
				StandardCharsets.UTF_8);
		assertThat(svg).startsWith("<svg").contains("h1v1h-1z").doesNotContain("<script");
	}

}
