package dev.priora.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

import dev.priora.mail.LoopbackSmtp;

/**
 * Each setting that stops a start, checked alone: the problem names the setting to fix
 * and the reason, on one line.
 */
class ConfigurationChecksTest {

	@TempDir
	Path dir;

	private MockEnvironment valid() {
		return new MockEnvironment().withProperty("priora.data-dir", dir.toString())
			.withProperty("spring.datasource.url", "jdbc:h2:mem:checks");
	}

	@Test
	void aValidConfigurationPasses() {
		assertThatNoException().isThrownBy(() -> ConfigurationChecks.check(valid()));
		assertThatNoException().isThrownBy(() -> ConfigurationChecks
			.check(valid().withProperty("priora.base-url", "https://priora.example.com/tools")));
	}

	@Test
	void aDataFolderThatCannotBeWrittenStopsTheStart() throws IOException {
		Path file = Files.writeString(dir.resolve("a-file"), "x");
		ConfigurationProblem p = problem(valid().withProperty("priora.data-dir", file.resolve("data").toString()));
		assertThat(p.setting()).isEqualTo("PRIORA_DATA_DIR");
		assertThat(p.getMessage()).contains("the data folder " + file.resolve("data"), "not a writable folder");
	}

	@Test
	void aDatabaseAddressPrioraDoesNotKnowStopsTheStart() {
		ConfigurationProblem p = problem(
				valid().withProperty("spring.datasource.url", "mysql://db:3306/priora?password=secret"));
		assertThat(p.setting()).isEqualTo("PRIORA_DB_URL");
		assertThat(p.getMessage()).contains("'mysql://db:3306/priora'", "jdbc:postgresql://").doesNotContain("secret");
	}

	@Test
	void aPostgresServerThatRefusesStopsTheStart() throws IOException {
		int port = closedPort();
		ConfigurationProblem p = problem(
				valid().withProperty("spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + port + "/priora"));
		assertThat(p.setting()).isEqualTo("PRIORA_DB_URL");
		assertThat(p.getMessage()).contains("the database jdbc:postgresql://127.0.0.1:" + port + "/priora",
				"refused Priora");
	}

	@Test
	void aMalformedBaseUrlStopsTheStart() {
		for (String bad : new String[] { "priora.example.com", "https://", "https://priora.example.com/?x=1",
				"https://exa mple.com" }) {
			ConfigurationProblem p = problem(valid().withProperty("priora.base-url", bad));
			assertThat(p.setting()).as(bad).isEqualTo("PRIORA_BASE_URL");
			assertThat(p.getMessage()).as(bad).contains("'" + bad + "'", "https://priora.example.com");
		}
	}

	@Test
	void aMailServerThatRefusesStopsTheStartOnlyWhenMailIsConfigured() throws IOException {
		int port = closedPort();
		MockEnvironment mail = valid().withProperty("spring.mail.host", "127.0.0.1")
			.withProperty("spring.mail.port", String.valueOf(port));
		ConfigurationProblem p = problem(mail);
		assertThat(p.setting()).isEqualTo("SPRING_MAIL_HOST");
		assertThat(p.getMessage()).contains("the mail server 127.0.0.1:" + port, "refused Priora");
		assertThatNoException().as("commands send no mail")
			.isThrownBy(() -> ConfigurationChecks.check(mail.withProperty("priora.cli", "true")));
		LoopbackSmtp smtp = new LoopbackSmtp();
		try {
			assertThatNoException()
				.isThrownBy(() -> ConfigurationChecks.check(valid().withProperty("spring.mail.host", "127.0.0.1")
					.withProperty("spring.mail.port", String.valueOf(smtp.port()))));
		}
		finally {
			smtp.stop();
		}
	}

	@Test
	void theFailureReportIsOneLineNamingTheSetting() {
		ConfigurationProblem p = new ConfigurationProblem("PRIORA_BASE_URL", "first\nsecond");
		FailureAnalysis a = new ConfigurationFailureAnalyzer().analyze(new IllegalStateException(p), p);
		assertThat(a.getDescription()).isEqualTo("Priora cannot start: first second").doesNotContain("\n");
		assertThat(a.getAction()).contains("PRIORA_BASE_URL");
	}

	private static ConfigurationProblem problem(MockEnvironment env) {
		ConfigurationProblem p = catchThrowableOfType(ConfigurationProblem.class, () -> ConfigurationChecks.check(env));
		assertThat(p).isNotNull();
		assertThat(ConfigurationFailureAnalyzer.line(p)).doesNotContain("\n");
		return p;
	}

	/** A loopback port nothing listens on (taken and given back). */
	private static int closedPort() throws IOException {
		try (ServerSocket s = new ServerSocket(0)) {
			return s.getLocalPort();
		}
	}

	@Test
	void aSingleSignOnIssuerThatIsNoAddressStopsTheStart() {
		ConfigurationProblem p = problem(valid().withProperty("priora.sso.providers[0].issuer-uri", "login.example.com")
			.withProperty("priora.sso.providers[0].client-id", "priora")
			.withProperty("priora.sso.providers[0].client-secret", "s"));
		assertThat(p.setting()).isEqualTo("PRIORA_SSO_PROVIDERS_0_ISSUER_URI");
		assertThat(p.getMessage()).contains("'login.example.com'", "priora.sso.providers[0].issuer-uri",
				"not an http(s) address");
	}

	@Test
	void aSingleSignOnIssuerThatDoesNotAnswerStopsTheStart() throws IOException {
		int closed;
		try (ServerSocket s = new ServerSocket(0)) {
			closed = s.getLocalPort();
		}
		ConfigurationProblem p = problem(
				valid().withProperty("priora.sso.providers[0].issuer-uri", "http://127.0.0.1:" + closed + "/realms/x")
					.withProperty("priora.sso.providers[0].client-id", "priora")
					.withProperty("priora.sso.providers[0].client-secret", "s"));
		assertThat(p.setting()).isEqualTo("PRIORA_SSO_PROVIDERS_0_ISSUER_URI");
		assertThat(p.getMessage()).contains("'http://127.0.0.1:" + closed + "/realms/x'",
				"gives no usable OpenID discovery document", "Connection refused");
	}

}
