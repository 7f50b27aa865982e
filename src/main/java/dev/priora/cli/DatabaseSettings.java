package dev.priora.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * The database a command that does not start the application works on, resolved as the
 * server resolves it: {@code application.properties}, then the environment
 * ({@code PRIORA_DATA_DIR}, {@code PRIORA_DB_URL}, {@code SPRING_DATASOURCE_URL} …), then
 * the command's own {@code --spring.…=} options and {@code --data-dir}.
 */
record DatabaseSettings(String url, String user, String password, Path dataDir) {

	static DatabaseSettings resolve(List<String> springOptions, String dataDir) {
		StandardEnvironment env = new StandardEnvironment();
		Map<String, Object> given = new LinkedHashMap<>();
		for (String option : springOptions) {
			int eq = option.indexOf('=');
			given.put(option.substring(2, eq), option.substring(eq + 1));
		}
		if (dataDir != null) {
			given.put("priora.data-dir", dataDir);
		}
		env.getPropertySources().addFirst(new MapPropertySource("command", given));
		env.getPropertySources().addLast(new PropertiesPropertySource("application", application()));
		return new DatabaseSettings(env.getRequiredProperty("spring.datasource.url"),
				env.getProperty("spring.datasource.username", ""), env.getProperty("spring.datasource.password", ""),
				Path.of(env.getRequiredProperty("priora.data-dir")));
	}

	private static Properties application() {
		try {
			return PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"));
		}
		catch (IOException e) {
			throw CliProblem.failed("cannot read application.properties: " + e.getMessage(), e);
		}
	}

	/** The address without a password or other secrets that a URL may carry. */
	String safeUrl() {
		int semicolon = url.indexOf(';');
		return semicolon < 0 ? url : url.substring(0, semicolon);
	}

	/**
	 * The database file's path without its {@code .mv.db} ending for an H2 file address
	 * ({@code jdbc:h2:file:DIR/priora;…} or {@code jdbc:h2:DIR/priora}), or null.
	 */
	Path h2File() {
		String rest = url.startsWith("jdbc:h2:file:") ? url.substring("jdbc:h2:file:".length())
				: url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:") && !url.startsWith("jdbc:h2:tcp:")
						&& !url.startsWith("jdbc:h2:ssl:") ? url.substring("jdbc:h2:".length()) : null;
		if (rest == null) {
			return null;
		}
		int semicolon = rest.indexOf(';');
		return Path.of(semicolon < 0 ? rest : rest.substring(0, semicolon)).toAbsolutePath().normalize();
	}

}
