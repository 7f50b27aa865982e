package dev.priora.cli;

import java.util.HashSet;
import java.util.Set;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * When a command starts the application ({@code priora.cli=true}, set by
 * {@link Cli#springContext}), keeps only the auto-configurations a command uses — the
 * database, Flyway, transactions, JDBC and JSON — and drops the rest (actuator, metrics,
 * templates, validation, task executors, OpenAPI …), which would only cost start-up time.
 * The server keeps all of them. Registered in {@code META-INF/spring.factories}.
 */
public class CommandAutoConfigurations
		implements AutoConfigurationImportFilter, EnvironmentAware, BeanClassLoaderAware {

	/** Set by the commands' application; the server never sets it. */
	static final String PROPERTY = "priora.cli";

	private static final Set<String> KEPT = Set.of("PropertyPlaceholderAutoConfiguration",
			"DataSourceAutoConfiguration", "DataSourceTransactionManagerAutoConfiguration",
			"TransactionAutoConfiguration", "TransactionManagerCustomizationAutoConfiguration",
			"JdbcTemplateAutoConfiguration", "JdbcClientAutoConfiguration", "FlywayAutoConfiguration",
			"JacksonAutoConfiguration", "PersistenceExceptionTranslationAutoConfiguration");

	private boolean command;

	private ClassLoader classLoader;

	private Set<String> candidates;

	@Override
	public void setEnvironment(Environment environment) {
		this.command = environment.getProperty(PROPERTY, Boolean.class, false);
	}

	@Override
	public void setBeanClassLoader(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	/**
	 * Keeps every class but the auto-configurations not in the list (the filter also sees
	 * the configuration classes those it keeps import, such as the data source's pool).
	 */
	@Override
	public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
		boolean[] keep = new boolean[autoConfigurationClasses.length];
		for (int i = 0; i < keep.length; i++) {
			String name = autoConfigurationClasses[i];
			keep[i] = !command || name == null || !candidates().contains(name)
					|| KEPT.contains(name.substring(name.lastIndexOf('.') + 1));
		}
		return keep;
	}

	private Set<String> candidates() {
		if (candidates == null) {
			candidates = new HashSet<>(ImportCandidates.load(AutoConfiguration.class, classLoader).getCandidates());
		}
		return candidates;
	}

}
