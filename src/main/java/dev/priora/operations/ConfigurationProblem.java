package dev.priora.operations;

/**
 * A setting that stops Priora from starting, with the one line that says which and why
 * ({@link ConfigurationFailureAnalyzer} prints it instead of a stack trace).
 */
public class ConfigurationProblem extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String setting;

	public ConfigurationProblem(String setting, String message) {
		super(message);
		this.setting = setting;
	}

	/** The environment variable or property to fix, e.g. {@code PRIORA_DATA_DIR}. */
	public String setting() {
		return setting;
	}

}
