package dev.priora.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment files ({@code Dockerfile}, {@code deploy/Containerfile},
 * {@code deploy/compose.yaml}, {@code deploy/Caddyfile}, {@code deploy/kubernetes.yaml})
 * parsed and held to the application's own settings: every environment variable they set
 * is one the application reads, ports agree with {@code PORT}, the probes are the health
 * groups {@code application.properties} turns on, the data folder is the volume.
 */
class DeploymentFilesTest {

	private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "JAVA_HOME",
			"PATH", "LANG");

	private final Properties app = application();

	@Test
	void everyVariableTheFilesSetIsASettingOfTheApplication() throws IOException {
		Set<String> known = knownVariables();
		List<String> set = new ArrayList<>();
		set.addAll(dockerEnv(Files.readString(Path.of("Dockerfile"))).keySet());
		set.addAll(dockerEnv(Files.readString(Path.of("deploy/Containerfile"))).keySet());
		for (String node : List.of("priora-1", "priora-2")) {
			set.addAll(env(service(node)).keySet());
		}
		for (Map<String, Object> e : list(container().get("env"))) {
			set.add((String) e.get("name"));
		}
		assertThat(set).hasSizeGreaterThan(10)
			.allSatisfy(name -> assertThat(known).as(name + " is read by the application").contains(name));
	}

	@Test
	void theComposeNodesAreAlikeAndTrustOnlyTheProxy() throws IOException {
		Map<String, Object> one = env(service("priora-1"));
		assertThat(env(service("priora-2"))).isEqualTo(one);
		Map<String, Object> proxy = service("proxy");
		Map<String, Object> networks = map(proxy.get("networks"));
		String address = (String) map(networks.get("priora")).get("ipv4_address");
		assertThat(one.get("PRIORA_TRUSTED_PROXIES")).isEqualTo(address);
		assertThat((String) one.get("PRIORA_DB_URL")).startsWith("jdbc:postgresql://db:5432/");
		Map<String, Object> db = env(service("db"));
		assertThat((String) one.get("PRIORA_DB_URL")).endsWith("/" + db.get("POSTGRES_DB"));
		assertThat(one.get("PRIORA_DB_USER")).isEqualTo(db.get("POSTGRES_USER"));
		assertThat(one.get("PORT")).isEqualTo(String.valueOf(defaultPort()));
		assertThat(map(map(service("priora-2").get("depends_on")).get("priora-1")).get("condition"))
			.as("the second node starts after the first has made the administrator")
			.isEqualTo("service_healthy");
		String caddy = Files.readString(Path.of("deploy/Caddyfile"));
		assertThat(caddy).contains("priora-1:" + one.get("PORT"), "priora-2:" + one.get("PORT"),
				"health_uri /actuator/health/readiness", "flush_interval -1");
	}

	@Test
	void kubernetesProbesAreTheHealthGroupsTheApplicationServes() throws IOException {
		assertThat(app.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
		assertThat(app.getProperty("management.endpoint.health.group.readiness.include")).contains("db");
		Map<String, Object> c = container();
		assertThat(path(c, "livenessProbe")).isEqualTo("/actuator/health/liveness");
		assertThat(path(c, "startupProbe")).isEqualTo("/actuator/health/liveness");
		assertThat(path(c, "readinessProbe")).isEqualTo("/actuator/health/readiness");
		Map<String, Object> port = list(c.get("ports")).get(0);
		assertThat(port.get("containerPort")).isEqualTo(defaultPort());
		Map<String, Object> service = kubernetes("Service");
		assertThat(list(map(service.get("spec")).get("ports")).get(0).get("targetPort")).isEqualTo(port.get("name"));
		Map<String, Object> pod = map(map(map(kubernetes("Deployment").get("spec")).get("template")).get("spec"));
		assertThat(map(pod.get("securityContext")).get("runAsNonRoot")).isEqualTo(true);
		String dataDir = (String) list(c.get("env")).stream()
			.filter(e -> "PRIORA_DATA_DIR".equals(e.get("name")))
			.findFirst()
			.orElseThrow()
			.get("value");
		assertThat(list(c.get("volumeMounts"))).anyMatch(m -> dataDir.equals(m.get("mountPath")));
	}

	@Test
	void theImagesRunAsAUserWithTheDataInAVolumeAndAHealthCheck() throws IOException {
		for (String file : List.of("Dockerfile", "deploy/Containerfile")) {
			String text = Files.readString(Path.of(file));
			Map<String, String> env = dockerEnv(text);
			assertThat(text).as(file).containsPattern("(?m)^USER (?!0|root)\\S+");
			assertThat(text).as(file).contains("VOLUME " + env.get("PRIORA_DATA_DIR"));
			assertThat(text).as(file).contains("EXPOSE " + defaultPort());
			assertThat(env.get("PORT")).as(file).isEqualTo(String.valueOf(defaultPort()));
			assertThat(text).as(file).containsPattern("HEALTHCHECK[^\\n]*(\\\\\\n[^\\n]*)*priora.jar\", \"health\"");
		}
		assertThat(Files.readString(Path.of("Dockerfile"))).containsPattern("(?m)^FROM eclipse-temurin:17-jre");
		assertThat(Files.readString(Path.of("deploy/Containerfile"))).containsPattern("(?m)^FROM scratch$");
	}

	/** PRIORA_… and PORT from the placeholders, and each property's environment form. */
	private Set<String> knownVariables() {
		Set<String> known = new HashSet<>(JVM_VARIABLES);
		Matcher m = Pattern.compile("\\$\\{([A-Z_]+):")
			.matcher(String.join("\n", app.stringPropertyNames().stream().map(app::getProperty).toList()));
		while (m.find()) {
			known.add(m.group(1));
		}
		app.stringPropertyNames().forEach(p -> known.add(p.toUpperCase().replace('.', '_').replace("-", "")));
		return known;
	}

	private int defaultPort() {
		Matcher m = Pattern.compile("\\$\\{PORT:(\\d+)}").matcher(app.getProperty("server.port"));
		assertThat(m.matches()).isTrue();
		return Integer.parseInt(m.group(1));
	}

	private static Map<String, String> dockerEnv(String dockerfile) {
		Map<String, String> env = new java.util.LinkedHashMap<>();
		Matcher block = Pattern.compile("(?m)^ENV ((?:[^\\n]*\\\\\\n)*[^\\n]*)").matcher(dockerfile);
		while (block.find()) {
			Matcher pair = Pattern.compile("([A-Z_]+)=(\\S+)").matcher(block.group(1));
			while (pair.find()) {
				env.put(pair.group(1), pair.group(2));
			}
		}
		return env;
	}

	private Map<String, Object> service(String name) throws IOException {
		Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("deploy/compose.yaml")));
		return map(map(compose.get("services")).get(name));
	}

	private static Map<String, Object> env(Map<String, Object> service) {
		return map(service.get("environment"));
	}

	private Map<String, Object> kubernetes(String kind) throws IOException {
		for (Object doc : new Yaml().loadAll(Files.readString(Path.of("deploy/kubernetes.yaml")))) {
			if (kind.equals(map(doc).get("kind"))) {
				return map(doc);
			}
		}
		throw new AssertionError("no " + kind + " in deploy/kubernetes.yaml");
	}

	private Map<String, Object> container() throws IOException {
		Map<String, Object> pod = map(map(map(kubernetes("Deployment").get("spec")).get("template")).get("spec"));
		return list(pod.get("containers")).get(0);
	}

	private static String path(Map<String, Object> container, String probe) {
		return (String) map(map(container.get(probe)).get("httpGet")).get("path");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object o) {
		assertThat(o).isInstanceOf(Map.class);
		return (Map<String, Object>) o;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Object o) {
		assertThat(o).isInstanceOf(List.class);
		return (List<Map<String, Object>>) o;
	}

	private static Properties application() {
		Properties p = new Properties();
		try (InputStream in = DeploymentFilesTest.class.getResourceAsStream("/application.properties")) {
			p.load(in);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		return p;
	}

}
