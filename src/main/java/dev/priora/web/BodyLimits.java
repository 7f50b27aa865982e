package dev.priora.web;

import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpEntity;
import org.springframework.http.server.RequestPath;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import dev.priora.jobs.Upload;

/**
 * The body limit of every route, read from the application's request mappings: a route
 * listed in {@code priora.limits.routes} has that limit; otherwise a route reading JSON
 * has {@code priora.limits.json}, and any other {@code priora.limits.form}. A route that
 * takes a raw upload (an {@link Upload}, a multipart file, a stream, bytes or text) must
 * be listed; the server refuses to start otherwise. A request no route maps gets the form
 * limit.
 */
@Component
@ConditionalOnWebApplication
public class BodyLimits implements SmartInitializingSingleton {

	/** A route's limit and the setting it comes from. */
	public record Limit(String method, String pattern, long bytes, String setting) {
	}

	private static final Set<Class<?>> RAW = Set.of(Upload.class, MultipartFile.class, Part.class, InputStream.class,
			Reader.class, byte[].class, String.class, HttpEntity.class);

	private final BodyLimitSettings settings;

	private final ObjectProvider<RequestMappingHandlerMapping> mappings;

	private volatile List<Route> routes;

	private record Route(Set<String> methods, PathPattern pattern, Limit limit) {
	}

	BodyLimits(BodyLimitSettings settings,
			@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
		this.settings = settings;
		this.mappings = mappings;
	}

	@Override
	public void afterSingletonsInstantiated() {
		routes();
	}

	/** Every mapped route with its limit. */
	public List<Limit> all() {
		return routes().stream().map(Route::limit).toList();
	}

	/** The limit of the route the request goes to. */
	Limit of(HttpServletRequest request) {
		var path = RequestPath.parse(request.getRequestURI(), request.getContextPath()).pathWithinApplication();
		return routes().stream()
			.filter(r -> r.methods().isEmpty() || r.methods().contains(request.getMethod()))
			.filter(r -> r.pattern().matches(path))
			.min(Comparator.comparing(Route::pattern, PathPattern.SPECIFICITY_COMPARATOR))
			.map(Route::limit)
			.orElseGet(() -> new Limit(request.getMethod(), "(any other)", settings.form().toBytes(),
					"priora.limits.form"));
	}

	private List<Route> routes() {
		List<Route> r = routes;
		if (r == null) {
			synchronized (this) {
				if (routes == null) {
					routes = read(mappings.getObject());
				}
				r = routes;
			}
		}
		return r;
	}

	private List<Route> read(RequestMappingHandlerMapping mapping) {
		List<Route> result = new ArrayList<>();
		List<String> unlimited = new ArrayList<>();
		mapping.getHandlerMethods().forEach((info, handler) -> {
			Set<String> methods = new java.util.TreeSet<>();
			info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
			for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
				String text = pattern.getPatternString();
				String method = methods.isEmpty() ? "GET" : String.join(",", methods);
				Limit limit;
				if (settings.routes().containsKey(text)) {
					limit = new Limit(method, text, settings.routes().get(text).toBytes(),
							"priora.limits.routes[" + text + "]");
				}
				else if (takesUpload(handler)) {
					unlimited.add(method + " " + text);
					continue;
				}
				else if (readsJson(handler)) {
					limit = new Limit(method, text, settings.json().toBytes(), "priora.limits.json");
				}
				else {
					limit = new Limit(method, text, settings.form().toBytes(), "priora.limits.form");
				}
				result.add(new Route(Set.copyOf(methods), pattern, limit));
			}
		});
		if (!unlimited.isEmpty()) {
			throw new IllegalStateException("These routes take an upload but have no body limit; set"
					+ " priora.limits.routes[PATTERN] for each: " + unlimited);
		}
		return List.copyOf(result);
	}

	private static boolean takesUpload(HandlerMethod handler) {
		for (MethodParameter p : handler.getMethodParameters()) {
			Class<?> type = p.getParameterType();
			boolean body = p.hasParameterAnnotation(RequestBody.class);
			if (type == Upload.class || MultipartFile.class.isAssignableFrom(type) || Part.class.isAssignableFrom(type)
					|| InputStream.class.isAssignableFrom(type) || Reader.class.isAssignableFrom(type)
					|| body && RAW.contains(type) || HttpEntity.class.isAssignableFrom(type)) {
				return true;
			}
		}
		return false;
	}

	private static boolean readsJson(HandlerMethod handler) {
		for (MethodParameter p : handler.getMethodParameters()) {
			if (p.hasParameterAnnotation(RequestBody.class)) {
				return true;
			}
		}
		return false;
	}

}
