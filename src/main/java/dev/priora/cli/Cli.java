package dev.priora.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.priora.planning.NrpPlans;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar priora.jar <subcommand>}: runs without starting the server. Exit
 * codes: 0 done, 2 bad arguments or input (the message says which), 1 failure.
 */
public final class Cli {

	private static final Set<String> COMMANDS = Set.of("plan", "forecast", "import", "help", "--help");

	/**
	 * Starts the application without its web server, for subcommands that need the
	 * database.
	 */
	public interface ContextFactory {

		org.springframework.context.ConfigurableApplicationContext start(String[] springArgs);

	}

	private Cli() {
	}

	/** True when the arguments name a subcommand rather than server options. */
	public static boolean handles(String[] args) {
		return args.length > 0 && COMMANDS.contains(args[0]);
	}

	public static int run(String[] args, PrintStream out, PrintStream err) {
		return run(args, out, err, null);
	}

	public static int run(String[] args, PrintStream out, PrintStream err, ContextFactory context) {
		try {
			return switch (args[0]) {
				case "plan" -> plan(options(List.of(args).subList(1, args.length),
						Set.of("--nrp", "--budget-ratio", "--time-limit")), out);
				case "import" -> importBacklog(List.of(args).subList(1, args.length), out, context);
				case "forecast" ->
					forecast(options(List.of(args).subList(1, args.length), Set.of("--history", "--remaining",
							"--trials", "--seed", "--start", "--sprint-days", "--target", "--velocity")), out);
				default -> {
					out.println(usage());
					yield 0;
				}
			};
		}
		catch (UsageException e) {
			err.println("priora " + args[0] + ": " + e.getMessage());
			err.println(usage());
			return 2;
		}
		catch (RuntimeException e) {
			err.println("priora " + args[0] + " failed: " + e);
			return 1;
		}
	}

	static String usage() {
		return """
				usage: java -jar priora.jar                       run the server
				       java -jar priora.jar plan --nrp FILE --budget-ratio R [--time-limit SECONDS]
				           solve a Next Release Problem file (budget = floor(R × total cost)); prints one JSON object
				       java -jar priora.jar forecast --history FILE --remaining POINTS [--trials N] [--seed S]
				           [--start DATE --sprint-days D [--target DATE]] [--velocity V]
				           Monte Carlo delivery forecast from completed-sprint velocities (one per line)
				       java -jar priora.jar import jira|jira-json|github|trello FILE --product KEY [--dry-run] [--as EMAIL]
				           [--status "Name=STATUS"]… [--type "Name=TYPE"]… [--include-archived]
				           [--fields FIELDS.json] [--sprints SPRINTS.json] [--story-points-field ID] [--epic-link-field ID]
				           import a Jira CSV or REST JSON export, GitHub issues JSON or a Trello board into a product
				           (needs the database; Spring options such as --priora.data-dir=… pass through); prints the
				           counts as JSON""";
	}

	private static int plan(Map<String, String> o, PrintStream out) {
		String file = required(o, "--nrp");
		BigDecimal ratio = decimal(required(o, "--budget-ratio"), "--budget-ratio");
		double limit = o.containsKey("--time-limit") ? decimal(o.get("--time-limit"), "--time-limit").doubleValue()
				: 60;
		String text;
		try {
			text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
		}
		catch (NoSuchFileException e) {
			throw new UsageException("no file " + file);
		}
		catch (MalformedInputException e) {
			throw new UsageException(file + " is not a text file");
		}
		catch (IOException e) {
			throw new UsageException("cannot read " + file + ": " + e.getMessage());
		}
		NrpPlans.NrpPlan plan;
		try {
			plan = NrpPlans.solve(text, ratio, limit);
		}
		catch (NrpPlans.BadFile e) {
			throw new UsageException(file + ", " + e.getMessage());
		}
		catch (IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		}
		out.println(JsonMapper.builder().build().writeValueAsString(plan));
		return 0;
	}

	private static int forecast(Map<String, String> o, PrintStream out) {
		String file = required(o, "--history");
		double remaining = decimal(required(o, "--remaining"), "--remaining").doubleValue();
		int trials = o.containsKey("--trials") ? integer(o.get("--trials"), "--trials") : 10_000;
		long seed = o.containsKey("--seed") ? integer(o.get("--seed"), "--seed") : 1;
		java.time.LocalDate start = o.containsKey("--start") ? date(o.get("--start"), "--start") : null;
		Integer days = o.containsKey("--sprint-days") ? integer(o.get("--sprint-days"), "--sprint-days") : null;
		java.time.LocalDate target = o.containsKey("--target") ? date(o.get("--target"), "--target") : null;
		Double velocity = o.containsKey("--velocity") ? decimal(o.get("--velocity"), "--velocity").doubleValue() : null;
		List<String> lines;
		try {
			lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
		}
		catch (NoSuchFileException e) {
			throw new UsageException("no file " + file);
		}
		catch (IOException e) {
			throw new UsageException("cannot read " + file + ": " + e.getMessage());
		}
		java.util.List<Double> velocities = new java.util.ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			try {
				double v = Double.parseDouble(line);
				if (!(v >= 0) || Double.isInfinite(v)) {
					throw new NumberFormatException();
				}
				velocities.add(v);
			}
			catch (NumberFormatException e) {
				throw new UsageException(
						file + ", line " + (i + 1) + ": '" + line + "' is not a velocity (a number ≥ 0)");
			}
		}
		try {
			var f = dev.priora.progress.Forecasts.forecast(
					velocities.stream().mapToDouble(Double::doubleValue).toArray(), remaining, trials, seed, start,
					days, target, velocity);
			out.println(JsonMapper.builder().build().writeValueAsString(f));
		}
		catch (IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		}
		return 0;
	}

	private static final Set<String> SOURCES = Set.of("jira", "jira-json", "github", "trello");

	private static int importBacklog(List<String> args, PrintStream out, ContextFactory context) {
		if (args.size() < 2 || !SOURCES.contains(args.get(0))) {
			throw new UsageException("say what to import: import jira|jira-json|github|trello FILE --product KEY");
		}
		Path file = Path.of(args.get(1));
		List<String> spring = new java.util.ArrayList<>();
		List<String> own = new java.util.ArrayList<>();
		List<String> status = new java.util.ArrayList<>();
		List<String> type = new java.util.ArrayList<>();
		boolean dryRun = false;
		boolean archived = false;
		List<String> rest = args.subList(2, args.size());
		for (int i = 0; i < rest.size(); i++) {
			String a = rest.get(i);
			if (a.startsWith("--priora.") || a.startsWith("--spring.") || a.startsWith("--logging.")) {
				spring.add(a);
			}
			else if ("--dry-run".equals(a)) {
				dryRun = true;
			}
			else if ("--include-archived".equals(a)) {
				archived = true;
			}
			else if (("--status".equals(a) || "--type".equals(a)) && i + 1 < rest.size()) {
				("--status".equals(a) ? status : type).add(rest.get(++i));
			}
			else {
				own.add(a);
			}
		}
		Map<String, String> o = options(own,
				Set.of("--product", "--as", "--fields", "--sprints", "--story-points-field", "--epic-link-field"));
		String product = required(o, "--product");
		byte[] bytes = read(file);
		if (o.containsKey("--fields") || o.containsKey("--sprints")) {
			if (!"jira-json".equals(args.get(0))) {
				throw new UsageException("--fields and --sprints go with import jira-json");
			}
			String fields = o.containsKey("--fields") ? text(read(Path.of(o.get("--fields")))) : "[]";
			String sprints = o.containsKey("--sprints") ? text(read(Path.of(o.get("--sprints")))) : "[]";
			bytes = ("{\"fields\":" + fields + ",\"sprints\":" + sprints + ",\"pages\":" + text(bytes) + "}")
				.getBytes(StandardCharsets.UTF_8);
		}
		if (context == null) {
			throw new UsageException("import needs the application; run it as java -jar priora.jar import …");
		}
		spring.add("--spring.main.banner-mode=off");
		spring.add("--logging.level.root=WARN");
		try (var ctx = context.start(spring.toArray(String[]::new))) {
			String email = o.getOrDefault("--as",
					ctx.getEnvironment().getProperty("priora.admin.email", "admin@localhost"));
			var user = ctx.getBean(dev.priora.accounts.AccountService.class)
				.findByEmail(email)
				.orElseThrow(() -> new UsageException("no user " + email + "; name one with --as"));
			try {
				var options = new dev.priora.integration.BacklogImport.Options(status, type, archived,
						o.get("--story-points-field"), o.get("--epic-link-field"));
				var report = ctx.getBean(dev.priora.integration.BacklogImport.class)
					.run(product, dev.priora.integration.BacklogImport.Source.of(args.get(0)), bytes, options, dryRun,
							user.id(), null);
				out.println(JsonMapper.builder().build().writeValueAsString(report));
			}
			catch (org.springframework.web.ErrorResponseException e) {
				var errors = e.getBody().getProperties() == null ? null : e.getBody().getProperties().get("errors");
				throw new UsageException(e.getBody().getDetail() + (errors == null ? "" : " " + errors));
			}
		}
		return 0;
	}

	private static byte[] read(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (NoSuchFileException e) {
			throw new UsageException("no file " + file);
		}
		catch (IOException e) {
			throw new UsageException("cannot read " + file + ": " + e.getMessage());
		}
	}

	private static String text(byte[] bytes) {
		String t = new String(bytes, StandardCharsets.UTF_8).strip();
		return t.startsWith("\uFEFF") ? t.substring(1) : t;
	}

	private static int integer(String v, String name) {
		try {
			return Integer.parseInt(v);
		}
		catch (NumberFormatException e) {
			throw new UsageException(name + " must be a whole number, was '" + v + "'");
		}
	}

	private static java.time.LocalDate date(String v, String name) {
		try {
			return java.time.LocalDate.parse(v);
		}
		catch (java.time.format.DateTimeParseException e) {
			throw new UsageException(name + " must be a date like 2027-03-31, was '" + v + "'");
		}
	}

	private static Map<String, String> options(List<String> args, Set<String> known) {
		Map<String, String> o = new HashMap<>();
		for (int i = 0; i < args.size(); i++) {
			String name = args.get(i);
			if (!known.contains(name)) {
				throw new UsageException("unknown option " + name);
			}
			if (i + 1 >= args.size()) {
				throw new UsageException(name + " needs a value");
			}
			o.put(name, args.get(++i));
		}
		return o;
	}

	private static String required(Map<String, String> o, String name) {
		String v = o.get(name);
		if (v == null) {
			throw new UsageException(name + " is required");
		}
		return v;
	}

	private static BigDecimal decimal(String v, String name) {
		try {
			return new BigDecimal(v);
		}
		catch (NumberFormatException e) {
			throw new UsageException(name + " must be a number, was '" + v + "'");
		}
	}

	private static final class UsageException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		UsageException(String message) {
			super(message);
		}

	}

}
