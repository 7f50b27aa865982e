package dev.priora.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.catalina.Valve;
import org.apache.catalina.util.NetMask;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Which proxies may tell Priora a client's address and scheme ({@code X-Forwarded-For},
 * {@code X-Forwarded-Proto}, {@code X-Forwarded-Host}): only those in
 * {@code priora.trusted-proxies} ({@code PRIORA_TRUSTED_PROXIES}, addresses and CIDR
 * networks separated by commas), none by default. From anyone else the headers are
 * ignored, so a client cannot choose the address that sign-in throttling, public-form
 * limits and the audit log see. Tomcat's {@link RemoteIpValve} reads the headers (walking
 * {@code X-Forwarded-For} from the right, past trusted proxies); this sets its list,
 * after Spring Boot has added it, in place of Tomcat's default of every private network.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	private static final Pattern IPV4 = Pattern
		.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

	private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

	private final String networks;

	TrustedProxies(@Value("${priora.trusted-proxies:}") String setting) {
		this.networks = String.join(",", parse(setting));
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		for (Valve valve : factory.getEngineValves()) {
			if (valve instanceof RemoteIpValve remoteIp) {
				remoteIp.setInternalProxies(networks);
				remoteIp.setTrustedProxies(null);
			}
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	/**
	 * The setting as CIDR networks (a single address becomes a /32 or /128 network);
	 * refuses anything but IP literals, so that no name is ever looked up.
	 */
	static List<String> parse(String setting) {
		List<String> networks = new ArrayList<>();
		if (setting == null) {
			return networks;
		}
		for (String entry : setting.strip().split("[,\\s]+")) {
			if (entry.isEmpty()) {
				continue;
			}
			int slash = entry.indexOf('/');
			String address = slash < 0 ? entry : entry.substring(0, slash);
			boolean v4 = IPV4.matcher(address).matches();
			if (!v4 && !IPV6.matcher(address).matches()) {
				throw invalid(entry, "is not an IP address or CIDR network");
			}
			String network = slash < 0 ? entry + (v4 ? "/32" : "/128") : entry;
			try {
				new NetMask(network);
			}
			catch (IllegalArgumentException e) {
				throw invalid(entry, e.getMessage());
			}
			networks.add(network);
		}
		return networks;
	}

	private static IllegalArgumentException invalid(String entry, String reason) {
		return new IllegalArgumentException(
				"priora.trusted-proxies (PRIORA_TRUSTED_PROXIES): '" + entry + "' " + reason);
	}

}
