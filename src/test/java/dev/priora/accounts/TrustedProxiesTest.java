package dev.priora.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

	@Test
	void trustsNoProxyByDefault() {
		assertThat(TrustedProxies.parse("")).isEmpty();
		assertThat(TrustedProxies.parse(null)).isEmpty();
		assertThat(TrustedProxies.parse(" , ")).isEmpty();
	}

	@Test
	void readsAddressesAndNetworksAsNetworks() {
		assertThat(TrustedProxies.parse("10.0.0.0/8, 192.168.1.7 ::1,fd00::/8")).containsExactly("10.0.0.0/8",
				"192.168.1.7/32", "::1/128", "fd00::/8");
	}

	@Test
	void refusesNamesAndMalformedNetworksNamingTheEntry() {
		assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.1, proxy.internal"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("'proxy.internal'")
			.hasMessageContaining("PRIORA_TRUSTED_PROXIES");
		assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/40")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("'10.0.0.0/40'");
		assertThatThrownBy(() -> TrustedProxies.parse("999.1.1.1")).isInstanceOf(IllegalArgumentException.class);
	}

}
