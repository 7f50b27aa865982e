package dev.priora.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/**
 * The outbound client connects only to addresses it checked: a name that resolves to
 * loopback (as a rebinding name does at delivery time) reaches nothing, whatever it
 * resolved to before.
 */
class OutboundHttpTest {

	private HttpServer receiver;

	private final AtomicInteger hits = new AtomicInteger();

	@BeforeEach
	void start() throws Exception {
		receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/hook", exchange -> {
			hits.incrementAndGet();
			exchange.getRequestBody().readAllBytes();
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		receiver.start();
	}

	@AfterEach
	void stop() {
		receiver.stop(0);
	}

	@Test
	void refusesANameThatResolvesToLoopbackAtConnectTime() throws Exception {
		AtomicInteger lookups = new AtomicInteger();
		// public for the first look-up (the check when the webhook was saved), loopback
		// after
		OutboundHttp http = new OutboundHttp(host -> new InetAddress[] { lookups.getAndIncrement() == 0
				? InetAddress.getByName("93.184.216.34") : InetAddress.getLoopbackAddress() });
		http.checkedLookup().all("rebind.example");
		URI target = URI.create("http://rebind.example:" + receiver.getAddress().getPort() + "/hook");
		assertThatThrownBy(() -> http.post(target, Map.of(), new byte[0], "application/json", false))
			.isInstanceOf(OutboundHttp.RefusedAddress.class)
			.hasMessageContaining("127.0.0.1")
			.hasMessageContaining("not globally reachable");
		assertThat(hits).hasValue(0);
		http.destroy();
	}

	@Test
	void refusesLiteralNonGlobalAddressesAndReachesThemOnlyWhenAllowed() throws Exception {
		OutboundHttp http = new OutboundHttp();
		int port = receiver.getAddress().getPort();
		for (String host : new String[] { "127.0.0.1", "[::ffff:127.0.0.1]", "localhost" }) {
			URI target = URI.create("http://" + host + ":" + port + "/hook");
			assertThatThrownBy(() -> http.post(target, Map.of(), new byte[0], "application/json", false)).as(host)
				.isInstanceOf(OutboundHttp.RefusedAddress.class);
		}
		assertThat(hits).hasValue(0);
		assertThat(http.post(URI.create("http://127.0.0.1:" + port + "/hook"), Map.of("X-Test", "1"), "{}".getBytes(),
				"application/json", true))
			.isEqualTo(204);
		assertThat(hits).hasValue(1);
		http.destroy();
	}

	@Test
	void sendsToANameThatResolvesToAGlobalAddress() throws Exception {
		// the check passes for a global address; the connection itself goes where the
		// name
		// resolved (here a stand-in DNS answers a global address, so nothing listens)
		OutboundHttp http = new OutboundHttp(host -> new InetAddress[] { InetAddress.getByName("192.0.0.9") });
		assertThat(http.checkedLookup().all("pcp.example")).hasSize(1);
	}

}
