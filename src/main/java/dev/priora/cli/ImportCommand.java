package dev.priora.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.ErrorResponseException;

import dev.priora.accounts.AccountService;
import dev.priora.accounts.UserId;
import dev.priora.accounts.UserView;
import dev.priora.backlog.ProductService;
import dev.priora.integration.BacklogImport;

/**
 * {@code import SOURCE FILE (--product KEY | --create-product KEY --name NAME)}: reads
 * the file and checks the arguments first, then starts the application without its web
 * server, scheduler or demo product, and runs the import in this process, in one
 * transaction — the product too, when it is created — and returns its report.
 */
final class ImportCommand {

	private static final Set<String> SOURCES = Set.of("jira", "jira-json", "github", "trello");

	private static final Set<String> OPTIONS = Set.of("--product", "--create-product", "--name", "--as", "--fields",
			"--sprints", "--story-points-field", "--epic-link-field", "--status", "--type");

	/**
	 * Settings of the application for a command: no demo product, warnings only (on
	 * standard error), one database connection opened ahead rather than the pool's
	 * maximum; each yields to the same setting given on the command line.
	 */
	private static final List<String> SETTINGS = List.of("--priora.demo.enabled=false", "--logging.level.root=WARN",
			"--spring.datasource.hikari.minimum-idle=1");

	private ImportCommand() {
	}

	static BacklogImport.Report run(List<String> args, Cli.ContextFactory context, PrintStream err) {
		Arguments a = Arguments.parse(args, OPTIONS, Set.of("--dry-run", "--include-archived"), true);
		List<String> words = a.positional();
		if (words.size() != 2 || !SOURCES.contains(words.get(0))) {
			throw CliProblem.invalid("source",
					"say what to import: import jira|jira-json|github|trello FILE"
							+ " (--product KEY | --create-product KEY --name NAME)"
							+ (words.isEmpty() ? "" : "; was '" + String.join(" ", words) + "'"));
		}
		String source = words.get(0);
		boolean dryRun = a.has("--dry-run");
		checkProductArguments(a);
		byte[] file = file(a, source, Path.of(words.get(1)));
		var options = new BacklogImport.Options(a.all("--status"), a.all("--type"), a.has("--include-archived"),
				a.optional("--story-points-field"), a.optional("--epic-link-field"));
		try (ConfigurableApplicationContext ctx = start(context, a.spring())) {
			UserId user = user(ctx, a.optional("--as"));
			BacklogImport.Into into = into(ctx, a, dryRun, err);
			return ctx.getBean(BacklogImport.class)
				.run(into, BacklogImport.Source.of(source), file, options, dryRun, user, null);
		}
		catch (ErrorResponseException e) {
			throw CliProblem.of(e, null);
		}
	}

	private static void checkProductArguments(Arguments a) {
		if (a.has("--product") == a.has("--create-product")) {
			throw CliProblem.invalid("--product", a.has("--product") ? "give --product or --create-product, not both"
					: "say where to import: --product KEY, or --create-product KEY --name NAME for a new product");
		}
		if (a.has("--create-product")) {
			a.required("--name");
		}
		else if (a.has("--name")) {
			throw CliProblem.invalid("--name", "--name goes with --create-product");
		}
	}

	/** The file; a Jira REST export with its fields and sprints lists as one document. */
	private static byte[] file(Arguments a, String source, Path path) {
		byte[] bytes = Arguments.bytes("FILE", path);
		if (!a.has("--fields") && !a.has("--sprints")) {
			return bytes;
		}
		if (!"jira-json".equals(source)) {
			throw CliProblem.invalid(a.has("--fields") ? "--fields" : "--sprints",
					"--fields and --sprints go with import jira-json");
		}
		String fields = a.has("--fields") ? json(Arguments.bytes("--fields", Path.of(a.optional("--fields")))) : "[]";
		String sprints = a.has("--sprints") ? json(Arguments.bytes("--sprints", Path.of(a.optional("--sprints"))))
				: "[]";
		return ("{\"fields\":" + fields + ",\"sprints\":" + sprints + ",\"pages\":" + json(bytes) + "}")
			.getBytes(StandardCharsets.UTF_8);
	}

	private static String json(byte[] bytes) {
		String t = new String(bytes, StandardCharsets.UTF_8).strip();
		return t.startsWith("\uFEFF") ? t.substring(1) : t;
	}

	private static ConfigurableApplicationContext start(Cli.ContextFactory context, List<String> given) {
		List<String> spring = new ArrayList<>(given);
		for (String setting : SETTINGS) {
			String name = setting.substring(0, setting.indexOf('=') + 1);
			if (given.stream().noneMatch(g -> g.startsWith(name))) {
				spring.add(setting);
			}
		}
		try {
			return context.start(spring.toArray(String[]::new));
		}
		catch (RuntimeException e) {
			Throwable root = e;
			while (root.getCause() != null && root.getCause() != root) {
				root = root.getCause();
			}
			String why = String.valueOf(root.getMessage()).lines().findFirst().orElse("");
			throw CliProblem.failed("Priora could not start: " + why
					+ (why.contains("already in use")
							? " — a Priora server is using this database; stop it, or import through its API"
									+ " (POST /api/v1/products/{key}/imports/{source})"
							: ""),
					e);
		}
	}

	private static UserId user(ConfigurableApplicationContext ctx, String as) {
		String email = as != null ? as : ctx.getEnvironment().getProperty("priora.admin.email", "admin@localhost");
		return ctx.getBean(AccountService.class)
			.findByEmail(email)
			.filter(UserView::active)
			.orElseThrow(() -> CliProblem.invalid("--as", "no active user " + email + "; name one with --as EMAIL"))
			.id();
	}

	/**
	 * Where to import. A dry run into a product that does not exist counts against a new
	 * one (and says so on standard error); an import into one is refused with the way to
	 * create it.
	 */
	private static BacklogImport.Into into(ConfigurableApplicationContext ctx, Arguments a, boolean dryRun,
			PrintStream err) {
		if (a.has("--create-product")) {
			return BacklogImport.Into.newProduct(a.optional("--create-product"), a.optional("--name"));
		}
		String key = a.optional("--product");
		try {
			ctx.getBean(ProductService.class).get(key);
			return BacklogImport.Into.existing(key);
		}
		catch (ErrorResponseException e) {
			if (e.getStatusCode().value() != 404) {
				throw e;
			}
			String create = "--create-product " + key + " --name NAME";
			if (!dryRun) {
				throw CliProblem.of(e, "Create it with " + create + ".");
			}
			err.println("priora import: product " + key + " does not exist; this dry run counts as if it were new"
					+ " (to import, use " + create + ")");
			return BacklogImport.Into.newProduct(key, key);
		}
	}

}
