package dev.priora.support;

import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * A full Priora server on a random loopback port over a fresh database (H2 or PostgreSQL,
 * see {@link TestDatabase}), with the demo product and an administrator whose password is
 * {@link #ADMIN_PASSWORD}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "priora.admin.password=" + IntegrationTestBase.ADMIN_PASSWORD,
		"priora.webhooks.retry-base=300ms",
		// two-factor secrets encrypted at rest, as operators are told to set up
		"priora.security.two-factor-key=test-only two-factor key",
		// the test JVM closes every cached context at exit: no waiting for a recurring
		// run
		"priora.jobs.shutdown-wait=1s" })
public abstract class IntegrationTestBase {

	public static final String ADMIN_EMAIL = "admin@localhost";

	public static final String ADMIN_PASSWORD = "correct horse battery";

	@LocalServerPort
	protected int port;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) throws Exception {
		String[] db = TestDatabase.freshDatabase();
		Path dataDir = Files.createTempDirectory("priora-test-data");
		registry.add("spring.datasource.url", () -> db[0]);
		registry.add("spring.datasource.username", () -> db[1]);
		registry.add("spring.datasource.password", () -> db[2]);
		registry.add("priora.data-dir", dataDir::toString);
	}

	protected ApiClient api() {
		return ApiClient.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
	}

	protected ApiClient anonymous() {
		return ApiClient.anonymous(port);
	}

}
