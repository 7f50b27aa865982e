package dev.priora.support;

import java.io.IOException;
import java.nio.file.Files;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import dev.priora.PrioraApplication;

/**
 * A second Priora node on a random port sharing the test server's database (its own data
 * directory, no demo product), for tests of what several nodes do together. Close it when
 * done.
 */
public final class SecondNode implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private SecondNode(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/** Starts a node on the database of the server whose environment is {@code env}. */
	public static SecondNode start(Environment env, String name) throws IOException {
		return new SecondNode(new SpringApplicationBuilder(PrioraApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + env.getProperty("spring.datasource.url"),
				"--spring.datasource.username=" + env.getProperty("spring.datasource.username"),
				"--spring.datasource.password=" + env.getProperty("spring.datasource.password", ""),
				"--priora.data-dir=" + Files.createTempDirectory(name), "--priora.demo.enabled=false",
				"--spring.main.banner-mode=off", "--logging.level.root=WARN"));
	}

	public int port() {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	@Override
	public void close() {
		context.close();
	}

}
