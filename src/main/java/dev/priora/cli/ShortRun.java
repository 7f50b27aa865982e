package dev.priora.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Tunes this JVM for a command that starts the application once and exits within seconds.
 * Most of such a start's processor time goes to the JIT's optimizing compiler (C2)
 * compiling start-up code that never runs again, and to warming up libraries the command
 * does not use; on a busy two-core machine that also holds up the main thread
 * (docs/BENCHMARKS.md: the import dry run needed 15 s of CPU with C2, 7 s without). So it
 * asks HotSpot, through its {@code Compiler.directives_add} diagnostic command (as
 * {@code jcmd PID Compiler.directives_add FILE} would), to leave every method to the
 * quick compiler (C1), and turns off Spring Boot's background pre-initialization. On a
 * JVM without that command it changes nothing.
 */
final class ShortRun {

	private static final String NO_C2 = "[{ match: \"*.*\", c2: { Exclude: true } }]";

	private ShortRun() {
	}

	static void tune() {
		System.setProperty("spring.backgroundpreinitializer.ignore", "true");
		Path directives = null;
		try {
			directives = Files.createTempFile("priora-directives", ".json");
			Files.writeString(directives, NO_C2);
			ManagementFactory.getPlatformMBeanServer()
				.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
						new Object[] { new String[] { directives.toString() } },
						new String[] { String[].class.getName() });
		}
		catch (JMException | java.io.IOException | RuntimeException e) {
			// not HotSpot, or no temporary folder: run with the JVM's defaults
		}
		finally {
			if (directives != null) {
				directives.toFile().delete();
			}
		}
	}

}
