package dev.priora.cli;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A subcommand's arguments: {@code --name value} options (repeatable ones keep every
 * value), {@code --flag}s, positional words, and — for subcommands that start the
 * application — Spring options ({@code --priora.…=}, {@code --spring.…=},
 * {@code --logging.…=}) passed through. Anything else is refused with its name.
 */
final class Arguments {

	private static final List<String> SPRING_PREFIXES = List.of("--priora.", "--spring.", "--logging.");

	private final Map<String, List<String>> options = new LinkedHashMap<>();

	private final List<String> flags = new ArrayList<>();

	private final List<String> positional = new ArrayList<>();

	private final List<String> spring = new ArrayList<>();

	private Arguments() {
	}

	static Arguments parse(List<String> args, Set<String> valued, Set<String> flagNames, boolean springOptions) {
		Arguments a = new Arguments();
		for (int i = 0; i < args.size(); i++) {
			String name = args.get(i);
			if (springOptions && name.contains("=") && SPRING_PREFIXES.stream().anyMatch(name::startsWith)) {
				a.spring.add(name);
			}
			else if (flagNames.contains(name)) {
				a.flags.add(name);
			}
			else if (valued.contains(name)) {
				if (i + 1 >= args.size()) {
					throw CliProblem.invalid(name, name + " needs a value");
				}
				a.options.computeIfAbsent(name, n -> new ArrayList<>()).add(args.get(++i));
			}
			else if (name.startsWith("-")) {
				throw CliProblem.invalid(name, "unknown option " + name);
			}
			else {
				a.positional.add(name);
			}
		}
		return a;
	}

	/** The option's value (the last one when given twice), or null. */
	String optional(String name) {
		List<String> v = options.get(name);
		return v == null ? null : v.get(v.size() - 1);
	}

	String required(String name) {
		String v = optional(name);
		if (v == null) {
			throw CliProblem.invalid(name, name + " is required");
		}
		return v;
	}

	List<String> all(String name) {
		return options.getOrDefault(name, List.of());
	}

	boolean has(String name) {
		return options.containsKey(name) || flags.contains(name);
	}

	List<String> positional() {
		return positional;
	}

	List<String> spring() {
		return spring;
	}

	BigDecimal decimal(String name, BigDecimal orElse) {
		String v = optional(name);
		try {
			return v == null ? orElse : new BigDecimal(v);
		}
		catch (NumberFormatException e) {
			throw CliProblem.invalid(name, name + " must be a number, was '" + v + "'");
		}
	}

	BigDecimal requiredDecimal(String name) {
		required(name);
		return decimal(name, null);
	}

	Integer integer(String name, Integer orElse) {
		String v = optional(name);
		try {
			return v == null ? orElse : Integer.valueOf(v);
		}
		catch (NumberFormatException e) {
			throw CliProblem.invalid(name, name + " must be a whole number, was '" + v + "'");
		}
	}

	LocalDate date(String name) {
		String v = optional(name);
		try {
			return v == null ? null : LocalDate.parse(v);
		}
		catch (DateTimeParseException e) {
			throw CliProblem.invalid(name, name + " must be a date like 2027-03-31, was '" + v + "'");
		}
	}

	/** The file's bytes; {@code field} names the argument that gave it. */
	static byte[] bytes(String field, Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (NoSuchFileException e) {
			throw CliProblem.invalid(field, "no file " + file);
		}
		catch (IOException e) {
			throw CliProblem.invalid(field, "cannot read " + file + ": " + e.getMessage());
		}
	}

	/** The file as UTF-8 text. */
	static String text(String field, Path file) {
		try {
			return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes(field, file))).toString();
		}
		catch (CharacterCodingException e) {
			throw CliProblem.invalid(field, file + " is not a UTF-8 text file");
		}
	}

}
