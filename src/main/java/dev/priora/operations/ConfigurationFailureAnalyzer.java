package dev.priora.operations;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link ConfigurationProblem} into Spring Boot's start-up failure report: the
 * description is one line naming the setting and the reason, the action says what to fix;
 * no stack trace (Spring Boot prints the cause only at debug level). Registered in
 * {@code META-INF/spring.factories}.
 */
public class ConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<ConfigurationProblem> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ConfigurationProblem cause) {
		return new FailureAnalysis(line(cause),
				"Fix " + cause.setting() + " and start Priora again (docs/OPERATIONS.md, \"Configuration errors\").",
				cause);
	}

	/** The one line a user reads. */
	static String line(ConfigurationProblem problem) {
		return "Priora cannot start: " + problem.getMessage().replaceAll("\\s*[\\r\\n]+\\s*", " ");
	}

}
