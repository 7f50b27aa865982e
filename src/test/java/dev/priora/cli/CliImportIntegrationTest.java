package dev.priora.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

import dev.priora.PrioraApplication;
import dev.priora.backlog.ProductService;
import dev.priora.backlog.ProductView;
import dev.priora.support.TestDatabase;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code priora import …}: the application as the command line starts it (no web server,
 * {@link Cli#springContext}), on a database of its own (H2 or PostgreSQL).
 */
class CliImportIntegrationTest {

	private static final JsonMapper STRICT = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private static final Cli.ContextFactory APPLICATION = Cli.springContext(PrioraApplication.class);

	@TempDir
	Path dir;

	private List<String> database;

	private record Run(int code, JsonNode json, String err) {
	}

	@BeforeEach
	void freshDatabase() {
		String[] db = TestDatabase.freshDatabase();
		database = List.of("--spring.datasource.url=" + db[0], "--spring.datasource.username=" + db[1],
				"--spring.datasource.password=" + db[2], "--priora.data-dir=" + dir.resolve("data"),
				"--priora.admin.password=cli test password");
	}

	private Run run(String... args) {
		return run(List.of(args));
	}

	private Run run(List<String> args) {
		List<String> all = new ArrayList<>(args);
		all.addAll(database);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = Cli.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8), APPLICATION);
		String text = out.toString(StandardCharsets.UTF_8);
		JsonNode json = STRICT.readTree(text);
		assertThat(json.isObject()).as("standard output is one JSON object: " + text).isTrue();
		return new Run(code, json, err.toString(StandardCharsets.UTF_8));
	}

	@Test
	void importsGitHubIssuesFromTheCommandLineOnceOnly() throws Exception {
		Path file = Files.writeString(dir.resolve("issues.json"), """
				[{"number": 7, "title": "Wish lists", "state": "open",
				  "repository_url": "https://api.github.com/repos/acme/shop", "labels": [{"name": "feature"}]}]""");
		Run first = run("import", "github", file.toString(), "--create-product", "SHOP", "--name", "Shop");
		assertThat(first.code()).as(first.err()).isZero();
		assertThat(first.json().get("created").asInt()).isEqualTo(1);
		assertThat(first.json().get("dryRun").asBoolean()).isFalse();

		Run again = run("import", "github", file.toString(), "--product", "SHOP");
		assertThat(again.code()).as(again.err()).isZero();
		assertThat(again.json().get("created").asInt()).isZero();
		assertThat(again.json().get("alreadyImported").asInt()).isEqualTo(1);
		assertThat(again.json().has("productCreated")).isFalse();

		Path jira = Files.writeString(dir.resolve("jira.csv"), dev.priora.integration.engine.Exports.JIRA_CSV);
		Run dry = run("import", "jira", jira.toString(), "--product", "SHOP", "--dry-run", "--status", "Mystery=READY");
		assertThat(dry.code()).as(dry.err()).isZero();
		assertThat(dry.json().get("source").asText()).isEqualTo("jira");
		assertThat(dry.json().get("dryRun").asBoolean()).isTrue();
		assertThat(dry.json().get("created").asInt()).isEqualTo(5);
		assertThat(dry.json().get("statuses").get("READY").asInt()).isEqualTo(1);
	}

	@Test
	void aDryRunNeedsNoProductAndCreatesNothing() throws Exception {
		Path file = Path.of("examples/github/issues.json");
		Run dry = run("import", "github", file.toString(), "--product", "ACME", "--dry-run");
		assertThat(dry.code()).as(dry.err()).isZero();
		assertThat(dry.json().get("dryRun").asBoolean()).isTrue();
		assertThat(dry.json().get("productCreated").asText()).isEqualTo("ACME");
		assertThat(dry.json().get("created").asInt()).isEqualTo(5);
		assertThat(dry.json().get("releasesCreated").asInt()).isEqualTo(1);
		assertThat(dry.json().get("createdItems")).isEmpty();
		assertThat(dry.err()).contains("product ACME does not exist").contains("--create-product ACME --name NAME");

		Run createDry = run("import", "github", file.toString(), "--create-product", "ACME", "--name", "Acme",
				"--dry-run");
		assertThat(createDry.code()).as(createDry.err()).isZero();
		assertThat(createDry.json().get("productCreated").asText()).isEqualTo("ACME");

		Run refused = run("import", "github", file.toString(), "--product", "ACME");
		assertThat(refused.code()).as("neither dry run created the product").isEqualTo(2);
		assertThat(refused.json().get("status").asInt()).isEqualTo(404);
		assertThat(refused.json().get("type").asText()).isEqualTo("https://priora.dev/problems/not-found");
		assertThat(refused.json().get("detail").asText()).contains("ACME")
			.contains("--create-product ACME --name NAME");
		assertThat(refused.json().get("exitCode").asInt()).isEqualTo(2);
		assertThat(refused.err()).contains("priora import: Product ACME does not exist.");
	}

	@Test
	void createsTheProductWithTheImportAllOrNothing() throws Exception {
		Path file = Path.of("examples/github/issues.json");
		Path broken = Files.writeString(dir.resolve("broken.json"), """
				[{"number": 1, "title": "Fine", "state": "open", "labels": []},
				 {"number": 2, "title": "Its assignee has an impossible name", "state": "open", "labels": [],
				  "assignee": {"login": "%s"}}]""".formatted("x".repeat(101)));
		Run failed = run("import", "github", broken.toString(), "--create-product", "ACME", "--name", "Acme shop");
		assertThat(failed.code()).isEqualTo(2);
		assertThat(failed.json().get("status").asInt()).isEqualTo(400);
		assertThat(run("import", "github", file.toString(), "--product", "ACME").json().get("status").asInt())
			.as("a failed import leaves no product behind")
			.isEqualTo(404);

		Run created = run("import", "github", file.toString(), "--create-product", "acme", "--name", "Acme shop");
		assertThat(created.code()).as(created.err()).isZero();
		assertThat(created.json().get("productCreated").asText()).isEqualTo("ACME");
		assertThat(created.json().get("createdItems").toString()).contains("ACME-1", "ACME-5");
		assertThat(created.json().get("membersCreated").asInt()).isEqualTo(1);

		Run taken = run("import", "github", file.toString(), "--create-product", "ACME", "--name", "Other");
		assertThat(taken.code()).isEqualTo(2);
		assertThat(taken.json().get("status").asInt()).isEqualTo(409);
		Run badKey = run("import", "github", file.toString(), "--create-product", "no way", "--name", "X");
		assertThat(badKey.code()).isEqualTo(2);
		assertThat(badKey.json().get("errors").toString()).contains("key");
		Run nobody = run("import", "github", file.toString(), "--product", "ACME", "--as", "nobody@example.com");
		assertThat(nobody.code()).isEqualTo(2);
		assertThat(nobody.json().get("errors").get(0).get("field").asText()).isEqualTo("--as");
	}

	@Test
	void aDryRunStartsNoWebServerNorSentenceModelAndLeavesNoProduct() throws Exception {
		List<String> made = new ArrayList<>();
		List<Boolean> web = new ArrayList<>();
		List<String> products = new ArrayList<>();
		Cli.ContextFactory watched = args -> {
			ConfigurableApplicationContext ctx = APPLICATION.start(args);
			web.add(ctx instanceof WebServerApplicationContext);
			ctx.addApplicationListener((ContextClosedEvent closed) -> {
				ConfigurableListableBeanFactory beans = ctx.getBeanFactory();
				for (String name : beans.getSingletonNames()) {
					Object bean = beans.getSingleton(name);
					made.add(bean == null ? name : bean.getClass().getName());
				}
				products.addAll(ctx.getBean(ProductService.class).list().stream().map(ProductView::key).toList());
			});
			return ctx;
		};
		List<String> all = new ArrayList<>(
				List.of("import", "github", "examples/github/issues.json", "--product", "ACME", "--dry-run"));
		all.addAll(database);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int code = Cli.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), watched);
		assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
		assertThat(web).containsExactly(false);
		assertThat(made).as("the beans the dry run made")
			.isNotEmpty()
			.noneMatch(c -> c.contains("SentenceEmbedder") || c.contains("JobScheduler") || c.contains("Tomcat"));
		assertThat(products).as("no demo product on a fresh database, and the dry run's product rolled back").isEmpty();
	}

	@Test
	void theReadmeImportExamplesRunOnAFreshClone() throws Exception {
		List<List<String>> examples = ReadmeCommands.of("import");
		assertThat(examples).as("the README shows the import").isNotEmpty();
		for (List<String> args : examples) {
			Run r = run(args);
			assertThat(r.code()).as(args + ": " + r.err() + r.json()).isZero();
			assertThat(r.json().get("rows").asInt()).isEqualTo(5);
		}
	}

}
