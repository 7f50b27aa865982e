package dev.priora.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/**
 * An issuer that cannot be used is refused in words a person can act on (nothing answers,
 * a 404, another issuer's document), not with Spring's message naming its classes,
 * against a real HTTP server on a loopback port.
 */
class SsoDiscoveryProblemTest {

	@Test
	void nothingAnswering() throws IOException {
		int closed;
		try (ServerSocket s = new ServerSocket(0)) {
			closed = s.getLocalPort();
		}
		assertThat(SsoIssuers.discoveryProblem("http://127.0.0.1:" + closed + "/realms/x"))
			.startsWith("gives no usable OpenID discovery document: nothing answers at that address")
			.contains("Connection refused")
			.doesNotContain("Unable to resolve Configuration");
	}

	@Test
	void aServerWithoutTheDocumentAndOneNamingAnotherIssuer() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", exchange -> {
			String path = exchange.getRequestURI().getPath();
			if (path.startsWith("/other/.well-known/openid-configuration")) {
				byte[] body = """
						{"issuer":"https://login.example.com/other","authorization_endpoint":"https://login.example.com/a",
						 "token_endpoint":"https://login.example.com/t","jwks_uri":"https://login.example.com/j",
						 "response_types_supported":["code"],"subject_types_supported":["public"],
						 "id_token_signing_alg_values_supported":["RS256"]}"""
					.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
			}
			else {
				exchange.sendResponseHeaders(404, -1);
			}
			exchange.close();
		});
		server.start();
		try {
			String base = "http://127.0.0.1:" + server.getAddress().getPort();
			assertThat(SsoIssuers.discoveryProblem(base + "/missing")).isEqualTo(
					"gives no usable OpenID discovery document: it answered 404 at /.well-known/openid-configuration");
			assertThat(SsoIssuers.discoveryProblem(base + "/other")).isEqualTo(
					"gives no usable OpenID discovery document: the document there names another issuer than this address");
		}
		finally {
			server.stop(0);
		}
	}

}
