package dev.priora.integration;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

import dev.priora.problem.DomainProblem;

/**
 * Which URLs a webhook may call: http or https, no user info, and — unless the workspace
 * administrator allows it — a host whose every address is globally reachable
 * ({@link SpecialAddresses}: not loopback, private, link-local where cloud metadata
 * lives, shared, documentation, benchmarking, reserved, broadcast, multicast, nor an IPv6
 * form embedding such an IPv4 address). Checked when the webhook is saved and before
 * every delivery; {@link OutboundHttp} checks again the addresses it connects to, so a
 * name that resolves differently later (DNS rebinding) reaches nothing.
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
			throw DomainProblem.invalid("url", "is not a URL: " + e.getReason());
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw DomainProblem.invalid("url", "must start with http:// or https://");
		}
		if (uri.getHost() == null || uri.getHost().isBlank()) {
			throw DomainProblem.invalid("url", "has no host");
		}
		if (uri.getRawUserInfo() != null) {
			throw DomainProblem.invalid("url",
					"must not hold a user name or password; the signature proves the sender");
		}
		if (url.length() > 2000) {
			throw DomainProblem.invalid("url", "must be at most 2000 characters");
		}
		if (!allowPrivate) {
			String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
					: uri.getHost();
			InetAddress[] addresses;
			try {
				addresses = InetAddress.getAllByName(host);
			}
			catch (UnknownHostException e) {
				throw DomainProblem.invalid("url", "host " + host + " does not resolve");
			}
			for (InetAddress a : addresses) {
				String refusal = SpecialAddresses.refusal(a);
				if (refusal != null) {
					throw DomainProblem.invalid("url", host + " is a private or loopback address (" + refusal
							+ ", not globally reachable); an administrator can allow such targets under Admin → Webhook targets");
				}
			}
		}
		return uri;
	}

}
