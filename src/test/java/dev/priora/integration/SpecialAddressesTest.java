package dev.priora.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.priora.problem.DomainProblem;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpecialAddressesTest {

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "127.255.255.254", "0.0.0.0", "0.1.2.3", "10.0.0.1", "100.64.0.1",
			"100.127.255.254", "169.254.169.254", "172.16.0.1", "172.31.255.255", "192.168.1.1", "192.0.0.1",
			"192.0.0.8", "192.0.0.170", "192.0.0.171", "192.0.2.1", "192.88.99.1", "198.18.0.1", "198.19.255.255",
			"198.51.100.7", "203.0.113.9", "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.254",
			"255.255.255.255", "::", "::1", "::127.0.0.1", "::ffff:127.0.0.1", "::ffff:10.0.0.1",
			"::ffff:169.254.169.254", "64:ff9b::7f00:1", "64:ff9b::a00:1", "64:ff9b::c0a8:101", "64:ff9b:1::8.8.8.8",
			"2002:7f00:1::", "2002:0808:0808::1", "2001::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "2001:2::1",
			"2001:10::1", "2001:db8::1", "3fff::1", "5f00::1", "100::1", "100:0:0:1::1", "fc00::1", "fd12:3456::1",
			"fe80::1", "fec0::1", "ff02::1", "ff0e::1", "4000::1", "::8.8.8.8" })
	void refusesEveryAddressThatIsNotGloballyReachable(String address) throws Exception {
		assertThat(SpecialAddresses.refusal(InetAddress.getByName(address))).as(address).isNotNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "8.8.8.8", "1.1.1.1", "93.184.216.34", "140.82.112.3", "100.63.255.255", "100.128.0.1",
			"172.15.255.255", "172.32.0.1", "192.0.0.9", "192.0.0.10", "192.31.196.1", "192.52.193.1", "192.175.48.1",
			"198.17.255.255", "198.20.0.1", "223.255.255.255", "::ffff:8.8.8.8", "64:ff9b::808:808",
			"2001:4860:4860::8888", "2606:4700:4700::1111", "2a00:1450:4001::200e", "2001:1::1", "2001:1::2",
			"2001:1::3", "2001:3::1", "2001:4:112::1", "2001:20::1", "2001:30::1", "2620:4f:8000::1" })
	void acceptsGloballyReachableAddresses(String address) throws Exception {
		assertThat(SpecialAddresses.refusal(InetAddress.getByName(address))).as(address).isNull();
	}

	@Test
	void namesTheRegistryEntryAndTheEmbeddedAddress() throws Exception {
		assertThat(SpecialAddresses.refusal(InetAddress.getByName("198.18.0.1"))).contains("Benchmarking");
		assertThat(SpecialAddresses.refusal(InetAddress.getByName("64:ff9b::7f00:1"))).contains("127.0.0.1")
			.contains("Loopback");
		assertThat(SpecialAddresses.refusal(InetAddress.getByName("2002:7f00:1::"))).contains("6to4")
			.contains("embedding 127.0.0.1");
		assertThat(SpecialAddresses.refusal(InetAddress.getByName("::127.0.0.1"))).contains("embedding 127.0.0.1");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://[::127.0.0.1]/hook", "http://[64:ff9b::7f00:1]/hook", "http://[2002:7f00:1::]/",
			"http://255.255.255.255/", "http://240.0.0.1/", "http://198.18.0.1/", "http://192.0.0.1/",
			"http://[::ffff:127.0.0.1]:8080/", "http://[fe80::1]/", "http://169.254.169.254/latest/meta-data",
			"http://localhost/", "http://0/", "http://2130706433/", "http://0x7f.1/" })
	void webhookTargetsRefuseTheListedAddresses(String url) {
		assertThatThrownBy(() -> WebhookTargets.check(url, false)).isInstanceOf(DomainProblem.class)
			.hasMessageContaining("url");
	}

	@Test
	void webhookTargetsTakePublicAddressesAndAllowPrivateOnesWhenTheAdministratorSaysSo() {
		assertThat(WebhookTargets.check("https://8.8.8.8/hook", false)).isEqualTo(URI.create("https://8.8.8.8/hook"));
		assertThat(WebhookTargets.check("http://[2001:4860:4860::8888]/x", false).getHost())
			.isEqualTo("[2001:4860:4860::8888]");
		assertThat(WebhookTargets.check("http://127.0.0.1:9/hook", true)).isNotNull();
	}

}
