package dev.priora.integration;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

import dev.priora.backlog.BacklogProblem;

/**
 * Which URLs a webhook may call: http or https, no user info, and — unless the workspace
 * administrator allows it — a host whose every address is public: not loopback, private
 * (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16, where cloud metadata
 * lives, and fe80::/10), carrier-grade NAT (100.64/10), unspecified or multicast. Checked
 * when the webhook is saved and again before every delivery (the name may resolve
 * differently later).
 */
final class WebhookTargets {

	private WebhookTargets() {
	}

	/** The URL when it may be called; 400 naming the reason otherwise. */
	static URI check(String url, boolean allowPrivate) {
		URI uri;
		try {
			uri = new URI(url == null ? "" : url.strip());
		}
		catch (URISyntaxException e) {
			throw BacklogProblem.invalid("url", "is not a URL: " + e.getReason());
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw BacklogProblem.invalid("url", "must start with http:// or https://");
		}
		if (uri.getHost() == null || uri.getHost().isBlank()) {
			throw BacklogProblem.invalid("url", "has no host");
		}
		if (uri.getRawUserInfo() != null) {
			throw BacklogProblem.invalid("url",
					"must not hold a user name or password; the signature proves the sender");
		}
		if (url.length() > 2000) {
			throw BacklogProblem.invalid("url", "must be at most 2000 characters");
		}
		if (!allowPrivate) {
			String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
					: uri.getHost();
			InetAddress[] addresses;
			try {
				addresses = InetAddress.getAllByName(host);
			}
			catch (UnknownHostException e) {
				throw BacklogProblem.invalid("url", "host " + host + " does not resolve");
			}
			for (InetAddress a : addresses) {
				if (!isPublic(a)) {
					throw BacklogProblem.invalid("url", host + " is a private or loopback address ("
							+ a.getHostAddress() + "); an administrator can allow such targets under Admin → Webhooks");
				}
			}
		}
		return uri;
	}

	static boolean isPublic(InetAddress a) {
		if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
				|| a.isMulticastAddress()) {
			return false;
		}
		byte[] b = a.getAddress();
		if (a instanceof Inet4Address) {
			int first = b[0] & 0xff;
			int second = b[1] & 0xff;
			// 100.64.0.0/10 (carrier-grade NAT) and 0.0.0.0/8
			return !(first == 100 && second >= 64 && second < 128) && first != 0;
		}
		if (a instanceof Inet6Address) {
			// fc00::/7 unique local addresses
			return (b[0] & 0xfe) != 0xfc;
		}
		return true;
	}

}
