package dev.priora.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

import dev.priora.PrioraApplication;

/**
 * {@code priora import github FILE --product KEY}: the application without its web
 * server, on its own database.
 */
class CliImportIntegrationTest {

	@TempDir
	Path dir;

	@Test
	void importsGitHubIssuesFromTheCommandLine() throws Exception {
		Path file = Files.writeString(dir.resolve("issues.json"), """
				[{"number": 7, "title": "Wish lists", "state": "open",
				  "repository_url": "https://api.github.com/repos/acme/shop", "labels": [{"name": "feature"}]}]""");
		String[] args = { "import", "github", file.toString(), "--product", "SHOP",
				"--priora.data-dir=" + dir.resolve("data"), "--priora.admin.password=cli test password",
				"--spring.datasource.url=jdbc:h2:file:" + dir.resolve("data/priora")
						+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" };
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		Cli.ContextFactory factory = springArgs -> new SpringApplicationBuilder(PrioraApplication.class)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.run(springArgs);
		int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8), factory);
		assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"created\":1").contains("\"dryRun\":false");

		ByteArrayOutputStream again = new ByteArrayOutputStream();
		Cli.run(args, new PrintStream(again, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8), factory);
		assertThat(again.toString(StandardCharsets.UTF_8)).contains("\"created\":0").contains("\"alreadyImported\":1");

		ByteArrayOutputStream bad = new ByteArrayOutputStream();
		int refused = Cli.run(
				new String[] { "import", "github", file.toString(), "--product", "NOPE",
						"--priora.data-dir=" + dir.resolve("data"), args[6] },
				new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
				new PrintStream(bad, true, StandardCharsets.UTF_8), factory);
		assertThat(refused).isEqualTo(2);
		assertThat(bad.toString(StandardCharsets.UTF_8)).contains("NOPE");

		Path jira = Files.writeString(dir.resolve("jira.csv"), dev.priora.integration.engine.Exports.JIRA_CSV);
		ByteArrayOutputStream dry = new ByteArrayOutputStream();
		int jiraCode = Cli.run(
				new String[] { "import", "jira", jira.toString(), "--product", "SHOP", "--dry-run", "--status",
						"Mystery=READY", args[5], args[6], args[7] },
				new PrintStream(dry, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
				factory);
		assertThat(jiraCode).as(err.toString(StandardCharsets.UTF_8)).isZero();
		assertThat(dry.toString(StandardCharsets.UTF_8)).contains("\"source\":\"jira\"")
			.contains("\"dryRun\":true")
			.contains("\"created\":5")
			.contains("\"READY\":1");
		assertThat(Cli.run(new String[] { "import", "asana", jira.toString(), "--product", "SHOP" },
				new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
				new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), factory))
			.isEqualTo(2);
	}

}
