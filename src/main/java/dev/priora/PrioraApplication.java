package dev.priora;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import dev.priora.backlog.DemoClock;
import dev.priora.cli.Cli;

/** Starts the Priora server, or runs a command-line subcommand ({@link Cli}). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PrioraApplication {

	public static void main(String[] args) {
		if (Cli.handles(args)) {
			Cli.exit(args, PrioraApplication.class);
		}
		else {
			SpringApplication.run(PrioraApplication.class, args);
		}
	}

	@Bean
	DemoClock clock() {
		return new DemoClock(Clock.systemUTC());
	}

}
