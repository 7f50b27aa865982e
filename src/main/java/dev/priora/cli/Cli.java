package dev.priora.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.ErrorResponseException;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar priora.jar <command> …}: runs one command without the server and
 * exits. Standard output carries exactly one JSON object — the result, or on a refusal or
 * failure a problem object ({@link CliProblem}) — and nothing else: every log line goes
 * to standard error, with a one-line message on errors. Exit codes: 0 done, 2 refused
 * (bad arguments or input, no such product, a conflict), 1 failed.
 */
public final class Cli {

	private record Command(String name, String synopsis, String does) {
	}

	private static final List<Command> COMMANDS = List.of(new Command("plan",
			"plan --nrp FILE --budget-ratio R [--time-limit SECONDS]" + " [--releases K [--discount D] [--workers W]]",
			"solve a Next Release Problem file (budget = floor(R × total cost)); with --releases, the"
					+ " in-app planner over K releases of budget/K each"),
			new Command("forecast",
					"forecast --history FILE --remaining POINTS [--trials N] [--seed S]"
							+ " [--start DATE --sprint-days D [--target DATE]] [--velocity V]",
					"Monte Carlo delivery forecast from completed-sprint velocities (one per line)"),
			new Command("import",
					"import jira|jira-json|github|trello FILE (--product KEY | --create-product KEY --name NAME)"
							+ " [--dry-run] [--as EMAIL] [--status \"Name=STATUS\"]… [--type \"Name=TYPE\"]…"
							+ " [--include-archived] [--fields FIELDS.json] [--sprints SPRINTS.json]"
							+ " [--story-points-field ID] [--epic-link-field ID] [--priora.…=… --spring.…=…]",
					"import a Jira CSV or REST JSON export, GitHub issues JSON or a Trello board into a product"
							+ " (created with it by --create-product), all or nothing; a dry run writes nothing;"
							+ " needs the database (Spring options pass through), not the server"),
			new Command("backup", "backup --to FILE [--data-dir DIR] [--spring.…=…]",
					"a consistent backup of the embedded H2 database (a gzip-compressed SQL script) while Priora is"
							+ " stopped; while it runs: POST /api/v1/admin/backup. PostgreSQL: pg_dump"),
			new Command("restore", "restore --from FILE [--data-dir DIR] [--force]",
					"restore a backup into an empty data folder (--force: replace the database of a stopped Priora,"
							+ " keeping the old file as priora.mv.db.before-restore)"),
			new Command("health", "health [--url http://127.0.0.1:$PORT/actuator/health]",
					"ask a running Priora for its health (a container's health check): exit 0 when UP, 1 otherwise"),
			new Command("help", "help", "these commands, as JSON (and as text on standard error)"));

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Starts the application for a command that needs the database.
	 */
	public interface ContextFactory {

		ConfigurableApplicationContext start(String[] springArgs);

	}

	private Cli() {
	}

	/**
	 * The application as commands start it: no web server (so no job scheduler), beans
	 * created only when used, only the auto-configurations of
	 * {@link CommandAutoConfigurations}.
	 */
	public static ContextFactory springContext(Class<?> application) {
		return springArgs -> new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.lazyInitialization(true)
			.properties(CommandAutoConfigurations.PROPERTY + "=true")
			.run(springArgs);
	}

	/**
	 * True when the arguments name a command (a first word that is not an option) rather
	 * than server options.
	 */
	public static boolean handles(String[] args) {
		return args.length > 0 && (!args[0].startsWith("-") || "--help".equals(args[0]));
	}

	/**
	 * Runs the command and exits with its code. Standard output is kept for the JSON
	 * (UTF-8); {@code System.out} is pointed at standard error first, so whatever a
	 * library prints goes there.
	 */
	public static void exit(String[] args, Class<?> application) {
		PrintStream json = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
		System.setOut(System.err);
		if ("import".equals(args[0])) {
			ShortRun.tune();
		}
		int code = run(args, json, System.err, springContext(application));
		json.flush();
		System.exit(code);
	}

	/**
	 * Runs a command that needs no application (plan, forecast, backup, restore, health,
	 * help).
	 */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		return run(args, out, err, null);
	}

	public static int run(String[] args, PrintStream out, PrintStream err, ContextFactory context) {
		String name = args.length == 0 ? "help" : args[0];
		List<String> rest = args.length == 0 ? List.of() : List.of(args).subList(1, args.length);
		CliProblem problem;
		try {
			out.println(JSON.writeValueAsString(command(name, rest, err, context)));
			out.flush();
			return 0;
		}
		catch (CliProblem e) {
			problem = e;
		}
		catch (ErrorResponseException e) {
			problem = CliProblem.of(e, null);
		}
		catch (RuntimeException e) {
			problem = CliProblem.failed(name + " failed unexpectedly: " + e, e);
		}
		out.println(JSON.writeValueAsString(problem.json()));
		out.flush();
		err.println("priora " + name + ": " + problem.getMessage());
		if (problem.exitCode() == CliProblem.FAILED && problem.getCause() != null) {
			problem.getCause().printStackTrace(err);
		}
		return problem.exitCode();
	}

	private static Object command(String name, List<String> rest, PrintStream err, ContextFactory context) {
		return switch (name) {
			case "plan" -> EngineCommands.plan(rest);
			case "forecast" -> EngineCommands.forecast(rest);
			case "import" -> {
				if (context == null) {
					throw CliProblem.failed("import needs the application; run it as java -jar priora.jar import …",
							null);
				}
				yield ImportCommand.run(rest, context, err);
			}
			case "backup" -> BackupCommands.backup(rest);
			case "restore" -> BackupCommands.restore(rest);
			case "health" -> HealthCommand.run(rest);
			case "help", "--help" -> {
				err.print(usage());
				yield help();
			}
			default -> throw CliProblem.invalid("command", "unknown command '" + name
					+ "'; the commands are plan, forecast, import, backup, restore, health and help");
		};
	}

	private static Map<String, Object> help() {
		Map<String, Object> h = new LinkedHashMap<>();
		h.put("server", "java -jar priora.jar [--server.port=8080 …]");
		h.put("commands", COMMANDS.stream()
			.map(c -> Map.of("command", c.name(), "usage", "java -jar priora.jar " + c.synopsis(), "does", c.does()))
			.toList());
		h.put("output", "one JSON object on standard output: the result, or a problem"
				+ " {type, title, status, detail, errors, exitCode}; logs and messages on standard error");
		h.put("exitCodes", Map.of("0", "done", "1", "failed", "2", "refused: bad arguments or input"));
		return h;
	}

	static String usage() {
		StringBuilder s = new StringBuilder("usage: java -jar priora.jar                       run the server\n");
		for (Command c : COMMANDS) {
			s.append("       java -jar priora.jar ")
				.append(c.synopsis())
				.append("\n           ")
				.append(c.does())
				.append('\n');
		}
		return s
			.append("Each command prints one JSON object on standard output; exit code 0 done, 2 refused, 1 failed.\n")
			.toString();
	}

}
