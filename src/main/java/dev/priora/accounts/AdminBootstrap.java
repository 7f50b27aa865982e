package dev.priora.accounts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On first start (no users), creates the administrator with a given or random one-time
 * password, prints it once and writes it to {@code <data-dir>/initial-admin-password}.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

	private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private final AccountService accounts;

	private final ApplicationEventPublisher events;

	private final String email;

	private final String password;

	private final Path dataDir;

	AdminBootstrap(AccountService accounts, ApplicationEventPublisher events,
			@Value("${priora.admin.email}") String email, @Value("${priora.admin.password}") String password,
			@Value("${priora.data-dir}") String dataDir) {
		this.accounts = accounts;
		this.events = events;
		this.email = email;
		this.password = password;
		this.dataDir = Path.of(dataDir);
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) throws IOException {
		if (accounts.userCount() > 0) {
			return;
		}
		boolean generated = password == null || password.isBlank();
		String secret = generated ? randomPassword() : password;
		UserId admin = accounts.createUser(email, "Administrator", secret, true);
		if (generated) {
			Path file = writePasswordFile(secret);
			LOG.warn("""

					==================================================================
					  Priora created the administrator account.
					    sign in as: {}
					    password:   {}
					  (shown once; also written to {})
					==================================================================""", email, secret, file);
		}
		else {
			LOG.info("Priora created the administrator {} with the password from PRIORA_ADMIN_PASSWORD", email);
		}
		events.publishEvent(new InitialAdminCreated(admin));
	}

	private Path writePasswordFile(String secret) throws IOException {
		Files.createDirectories(dataDir);
		Path file = dataDir.resolve("initial-admin-password");
		Files.writeString(file, secret + System.lineSeparator());
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException e) {
			LOG.debug("file system has no POSIX permissions", e);
		}
		return file.toAbsolutePath().normalize();
	}

	private static String randomPassword() {
		SecureRandom random = new SecureRandom();
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return sb.toString();
	}

}
