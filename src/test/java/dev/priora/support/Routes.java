package dev.priora.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route of the application as {@code "METHOD /pattern"}, read from its own request
 * mappings.
 */
public final class Routes {

	private Routes() {
	}

	public static List<String> of(RequestMappingHandlerMapping mappings) {
		List<String> routes = new ArrayList<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
				if (methods.isEmpty()) {
					routes.add("GET " + pattern);
				}
				for (RequestMethod m : methods) {
					routes.add(m.name() + " " + pattern);
				}
			}
		}
		return routes;
	}

	/**
	 * The routes whose handler reads a request body ({@code @RequestBody}, or a multipart
	 * file).
	 */
	public static List<String> withBody(RequestMappingHandlerMapping mappings) {
		List<String> routes = new ArrayList<>();
		mappings.getHandlerMethods().forEach((info, handler) -> {
			boolean body = java.util.Arrays.stream(handler.getMethodParameters())
				.anyMatch(p -> p.hasParameterAnnotation(org.springframework.web.bind.annotation.RequestBody.class)
						|| org.springframework.web.multipart.MultipartFile.class
							.isAssignableFrom(p.getParameterType()));
			if (body) {
				for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
					for (RequestMethod m : info.getMethodsCondition().getMethods()) {
						routes.add(m.name() + " " + pattern);
					}
				}
			}
		});
		return routes;
	}

	/**
	 * The GET routes that answer CSV: those that declare {@code produces = "text/csv"}
	 * and those whose path ends in {@code .csv}.
	 */
	public static List<String> answeringCsv(RequestMappingHandlerMapping mappings) {
		MediaType csv = MediaType.parseMediaType("text/csv");
		List<String> routes = new ArrayList<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			boolean produces = info.getProducesCondition()
				.getProducibleMediaTypes()
				.stream()
				.anyMatch(t -> t.isCompatibleWith(csv) && !t.isWildcardType());
			for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
				if ((produces || pattern.endsWith(".csv"))
						&& (methods.isEmpty() || methods.contains(RequestMethod.GET))) {
					routes.add("GET " + pattern);
				}
			}
		}
		return routes;
	}

	public static String method(String route) {
		return route.substring(0, route.indexOf(' '));
	}

	public static String pattern(String route) {
		return route.substring(route.indexOf(' ') + 1);
	}

	/**
	 * A concrete path for a pattern: the given product and item, and harmless values for
	 * the other variables.
	 */
	public static String concrete(String pattern, String product, String item, String target, long userId) {
		return pattern.replace("{productKey}", product)
			.replace("{key}", product)
			.replace("{portal}", product)
			.replace("{itemKey}", item)
			.replace("{target}", target)
			.replace("{kind}", "DEPENDS_ON")
			.replace("{index}", "0")
			.replace("{action}", "up")
			.replace("{userId}", String.valueOf(userId))
			.replace("{id}", "999999")
			.replace("{jobId}", "00000000-0000-0000-0000-000000000000")
			.replace("{changeId}", "999999")
			.replace("{other}", "999999")
			.replace("{modelId}", "999999")
			.replace("{source}", "github")
			.replace("{table}", "themes")
			.replace("{week}", "2026-11-30")
			.replace("{deliveryId}", "999999")
			.replace("{secret}", "unknown")
			.replace("{token}", "unknown")
			.replace("{credentialId}", "unknown-passkey")
			.replace("{ref}", "0123456789abcdef")
			.replace("{replyId}", "999999")
			.replace("{position}", "0");
	}

}
