package dev.priora.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook target on a loopback port for tests that only need deliveries to succeed:
 * {@code /hook} reads each delivery and answers 204. Stop it with {@code stop(0)}.
 */
public final class HookReceiver {

	private HookReceiver() {
	}

	public static HttpServer start() {
		try {
			HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			receiver.createContext("/hook", exchange -> {
				exchange.getRequestBody().readAllBytes();
				exchange.sendResponseHeaders(204, -1);
				exchange.close();
			});
			receiver.start();
			return receiver;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
