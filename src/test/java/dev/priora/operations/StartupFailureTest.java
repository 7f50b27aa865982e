package dev.priora.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.NestedExceptionUtils;

import dev.priora.PrioraApplication;

/**
 * The application started as {@code java -jar priora.jar} starts it, with a data folder
 * that cannot be made: the start ends before any bean, and what the user reads is Spring
 * Boot's failure report with Priora's one line, not a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTest {

	@TempDir
	Path dir;

	@Test
	void anUnwritableDataFolderEndsTheStartWithOneClearLine(CapturedOutput output) throws IOException {
		Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
		String dataDir = file.resolve("data").toString();
		assertThatThrownBy(() -> SpringApplication.run(PrioraApplication.class, "--priora.data-dir=" + dataDir,
				"--server.port=0", "--spring.main.banner-mode=off"))
			.satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e))
				.isInstanceOf(ConfigurationProblem.class));
		assertThat(output.getAll()).contains("APPLICATION FAILED TO START",
				"Priora cannot start: the data folder " + dataDir + " is not a writable folder (PRIORA_DATA_DIR",
				"Fix PRIORA_DATA_DIR and start Priora again");
		assertThat(output.getAll()).as("no stack trace").doesNotContain("\tat ");
	}

}
