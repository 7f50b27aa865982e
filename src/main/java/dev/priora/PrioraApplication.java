package dev.priora;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Starts the Priora server. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PrioraApplication {

	public static void main(String[] args) {
		SpringApplication.run(PrioraApplication.class, args);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
