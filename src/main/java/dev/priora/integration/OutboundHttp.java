package dev.priora.integration;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.function.Function;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Priora's one outbound HTTP client. It resolves each host name itself and connects only
 * to the addresses it checked: when any address of the name is not globally reachable
 * ({@link SpecialAddresses}) the call is refused before a connection is opened, so a name
 * that resolved to a public address when a webhook was saved and to an internal one at
 * delivery (DNS rebinding) reaches nothing. Redirects are not followed, no proxy is used,
 * no cookies are kept; connect timeout 5 s, answer timeout 10 s. Non-global targets are
 * reached only when the caller allows them (the workspace administrator's webhook
 * setting).
 */
@Component
class OutboundHttp implements DisposableBean {

	/** A call refused because the host resolves to an address that is not global. */
	static final class RefusedAddress extends UnknownHostException {

		private static final long serialVersionUID = 1L;

		RefusedAddress(String message) {
			super(message);
		}

	}

	private final CloseableHttpClient global;

	private final CloseableHttpClient any;

	private final Lookup checked;

	OutboundHttp() {
		this(InetAddress::getAllByName);
	}

	/** With another name lookup (tests stand in for DNS). */
	OutboundHttp(Lookup lookup) {
		this.checked = host -> checked(host, lookup.all(host));
		this.global = client(checked::all, lookup);
		this.any = client(null, lookup);
	}

	/**
	 * The look-up the client connects through: refuses names with a non-global address.
	 */
	Lookup checkedLookup() {
		return checked;
	}

	/** Resolves a host name to its addresses. */
	interface Lookup {

		InetAddress[] all(String host) throws UnknownHostException;

	}

	/**
	 * POSTs the body with the headers; answers the status code. Throws
	 * {@link RefusedAddress} when the host is not global and {@code allowNonGlobal} is
	 * false, an {@link IOException} when the target cannot be reached.
	 */
	int post(URI target, Map<String, String> headers, byte[] body, String contentType, boolean allowNonGlobal)
			throws IOException {
		HttpPost post = new HttpPost(target);
		headers.forEach(post::setHeader);
		post.setEntity(new ByteArrayEntity(body, ContentType.parse(contentType)));
		return (allowNonGlobal ? any : global).execute(post, response -> {
			EntityUtils.consume(response.getEntity());
			return response.getCode();
		});
	}

	private static InetAddress[] checked(String host, InetAddress[] addresses) throws RefusedAddress {
		for (InetAddress a : addresses) {
			String refusal = SpecialAddresses.refusal(a);
			if (refusal != null) {
				throw new RefusedAddress(host + " resolves to " + refusal + ", which is not globally reachable");
			}
		}
		return addresses;
	}

	private static CloseableHttpClient client(Checked check, Lookup lookup) {
		Function<String, String> bare = h -> h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
		DnsResolver resolver = new DnsResolver() {
			@Override
			public InetAddress[] resolve(String host) throws UnknownHostException {
				String name = bare.apply(host);
				return check == null ? lookup.all(name) : check.resolve(name);
			}

			@Override
			public String resolveCanonicalHostname(String host) throws UnknownHostException {
				return resolve(host)[0].getCanonicalHostName();
			}
		};
		return HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(resolver)
				.setDefaultConnectionConfig(ConnectionConfig.custom()
					.setConnectTimeout(Timeout.ofSeconds(5))
					.setSocketTimeout(Timeout.ofSeconds(10))
					.build())
				.build())
			.setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(10)).build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableAuthCaching()
			.build();
	}

	/** A checked resolution. */
	private interface Checked {

		InetAddress[] resolve(String host) throws UnknownHostException;

	}

	@Override
	public void destroy() throws IOException {
		global.close();
		any.close();
	}

}
