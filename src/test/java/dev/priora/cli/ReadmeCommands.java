package dev.priora.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command-line examples of {@code README.md}: each line of a {@code bash} block that
 * runs {@code java -jar target/priora.jar COMMAND …}, split into arguments as a shell
 * would (quotes, a trailing backslash continuing the line; no variables).
 */
final class ReadmeCommands {

	private static final String JAR = "java -jar target/priora.jar ";

	private ReadmeCommands() {
	}

	/**
	 * The arguments after {@code java -jar target/priora.jar} of every example of the
	 * command.
	 */
	static List<List<String>> of(String command) throws IOException {
		return all().stream().filter(a -> a.get(0).equals(command)).toList();
	}

	static List<List<String>> all() throws IOException {
		List<List<String>> commands = new ArrayList<>();
		boolean bash = false;
		StringBuilder line = new StringBuilder();
		for (String l : Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8)) {
			if (l.startsWith("```")) {
				bash = l.equals("```bash");
				continue;
			}
			if (!bash) {
				continue;
			}
			line.append(l.strip());
			if (l.endsWith("\\")) {
				line.setLength(line.length() - 1);
				continue;
			}
			String full = line.toString();
			line.setLength(0);
			if (full.startsWith(JAR)) {
				commands.add(split(full.substring(JAR.length())));
			}
		}
		return commands;
	}

	private static List<String> split(String line) {
		List<String> words = new ArrayList<>();
		StringBuilder word = null;
		char quote = 0;
		for (char c : line.toCharArray()) {
			if (quote != 0) {
				if (c == quote) {
					quote = 0;
				}
				else {
					word.append(c);
				}
			}
			else if (c == '"' || c == '\'') {
				quote = c;
				word = word == null ? new StringBuilder() : word;
			}
			else if (c == '#' && word == null) {
				break;
			}
			else if (Character.isWhitespace(c)) {
				if (word != null) {
					words.add(word.toString());
					word = null;
				}
			}
			else {
				word = (word == null ? new StringBuilder() : word).append(c);
			}
		}
		if (word != null) {
			words.add(word.toString());
		}
		return words;
	}

}
