package dev.priora.web;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The largest request body each route takes ({@code priora.limits.*}).
 *
 * @param json routes that read a JSON body
 * @param form every other route (forms, and routes that read no body)
 * @param routes limits of single routes by path pattern, as in the request mappings
 * ({@code priora.limits.routes[/api/v1/products/import]=64MB}); every route that takes a
 * raw upload (a file, a stream, bytes) must have one, or the server does not start
 */
@ConfigurationProperties("priora.limits")
public record BodyLimitSettings(@DefaultValue("2MB") DataSize json, @DefaultValue("2MB") DataSize form,
		Map<String, DataSize> routes) {

	public BodyLimitSettings {
		routes = routes == null ? Map.of() : Map.copyOf(routes);
	}

	/** The largest limit of all. */
	public long largest() {
		long max = Math.max(json.toBytes(), form.toBytes());
		for (DataSize d : routes.values()) {
			max = Math.max(max, d.toBytes());
		}
		return max;
	}

}
