package dev.priora.portal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Who a portal admits, and which logo files it takes. */
class PortalSettingsTest {

	private static PortalSettings portal(boolean privatePortal, List<String> domains, List<String> emails) {
		return new PortalSettings("KEY", true, "T", "", "#4f46e5", privatePortal, domains, emails, List.of(), false,
				false, 0);
	}

	@Test
	void aPublicPortalAdmitsEveryoneAndAPrivateOneOnlyListedDomainsAndAddresses() {
		assertThat(portal(false, List.of(), List.of()).admits(null)).isTrue();
		PortalSettings p = portal(true, List.of("acme.test"), List.of("guest@other.test"));
		assertThat(p.admits("Ann@ACME.test")).isTrue();
		assertThat(p.admits("guest@other.test")).isTrue();
		assertThat(p.admits("someone@other.test")).isFalse();
		assertThat(p.admits("ann@sub.acme.test")).isFalse();
		assertThat(p.admits("acme.test@evil.test")).isFalse();
		assertThat(p.admits(null)).isFalse();
	}

	@Test
	void logosAreToldByTheirBytesAndSvgIsRefused() {
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0 };
		byte[] jpeg = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0 };
		byte[] webp = "RIFF0000WEBPVP8 ".getBytes(StandardCharsets.US_ASCII);
		assertThat(LogoTypes.of(png)).contains("image/png");
		assertThat(LogoTypes.of(jpeg)).contains("image/jpeg");
		assertThat(LogoTypes.of("GIF89a".getBytes(StandardCharsets.US_ASCII))).contains("image/gif");
		assertThat(LogoTypes.of(webp)).contains("image/webp");
		assertThat(LogoTypes.of("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8))).isEmpty();
		assertThat(LogoTypes.of(new byte[0])).isEmpty();
	}

}
